// /admin/authors, /admin/topics, /admin/regions: every one with its article
// count, and the form for a new one. The page that renders this has checked
// the role; the list is read through the lib, which checks it again.
import Link from "next/link";
import type { SearchParamValue } from "@/lib/http/search-params";
import type { Actor } from "@/lib/auth/actor";
import { listTaxonomyItems } from "@/lib/newsroom/taxonomy/taxonomy-items";
import { TAXONOMY_KINDS, type TaxonomyKind } from "@/lib/newsroom/taxonomy/taxonomy-kinds";
import { NewsroomNotice } from "../newsroom-notice";
import { TaxonomyForm } from "./taxonomy-form";
import { fieldProblem, taxonomyNotices } from "./taxonomy-notices";
import { noticeOf, typedValues } from "./typed-values";

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export async function TaxonomyListPage({
  actor,
  kind,
  query,
}: {
  actor: Actor;
  kind: TaxonomyKind;
  query: Record<string, SearchParamValue>;
}) {
  const info = TAXONOMY_KINDS[kind];
  const items = await listTaxonomyItems(actor, kind);
  const notice = noticeOf(query);
  return (
    <div className="newsroom-taxonomy">
      <h1>{capitalized(info.plural)}</h1>
      <NewsroomNotice code={notice} texts={taxonomyNotices(info)} />
      <table className="newsroom-table">
        <caption className="visually-hidden">{capitalized(info.plural)} and how many articles each is on</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Page</th>
            <th scope="col">Articles</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                <Link href={`${info.adminPath}/${item.id}`}>{item.name}</Link>
                {item.role && <span className="meta"> · {item.role}</span>}
              </td>
              <td>
                <Link href={`${info.publicPath}/${item.slug}`}>
                  {info.publicPath}/{item.slug}
                </Link>
              </td>
              <td>{item.articleCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.length === 0 && <p>No {info.plural} yet.</p>}
      <section aria-labelledby="new-item">
        <h2 id="new-item">New {info.singular}</h2>
        <TaxonomyForm
          info={info}
          action={`/api/admin/taxonomy/${info.section}`}
          idPrefix="new"
          values={typedValues(query) ?? {}}
          problem={fieldProblem(info, notice)}
          submitLabel={`Create ${info.singular}`}
        />
      </section>
    </div>
  );
}
