// /admin/{authors|topics|regions}/{id}: edit one, merge it into another, or
// delete it when no article uses it.
import Link from "next/link";
import { notFound } from "next/navigation";
import type { SearchParamValue } from "@/lib/http/search-params";
import type { Actor } from "@/lib/auth/actor";
import { getTaxonomyItem, listTaxonomyItems } from "@/lib/newsroom/taxonomy/taxonomy-items";
import { TAXONOMY_KINDS, type TaxonomyKind } from "@/lib/newsroom/taxonomy/taxonomy-kinds";
import { NewsroomNotice } from "../newsroom-notice";
import { TaxonomyForm } from "./taxonomy-form";
import { fieldProblem, taxonomyNotices } from "./taxonomy-notices";
import { noticeOf, typedValues } from "./typed-values";

type Props = { actor: Actor; kind: TaxonomyKind; id: string; query: Record<string, SearchParamValue> };

export async function TaxonomyItemPage({ actor, kind, id, query }: Props) {
  const info = TAXONOMY_KINDS[kind];
  const item = await getTaxonomyItem(actor, kind, id);
  if (!item) notFound();
  const others = (await listTaxonomyItems(actor, kind)).filter((other) => other.id !== item.id);
  const notice = noticeOf(query);
  const api = `/api/admin/taxonomy/${info.section}/${item.id}`;
  const articles = `${item.articleCount} ${item.articleCount === 1 ? "article" : "articles"}`;
  return (
    <div className="newsroom-taxonomy">
      <p className="meta">
        <Link href={info.adminPath}>All {info.plural}</Link>
      </p>
      <h1>{item.name}</h1>
      <NewsroomNotice code={notice} texts={taxonomyNotices(info, item.articleCount)} />
      <p>
        On {articles}. Readers see it at{" "}
        <Link href={`${info.publicPath}/${item.slug}`}>{`${info.publicPath}/${item.slug}`}</Link>.
      </p>
      <section aria-labelledby="edit">
        <h2 id="edit">Edit</h2>
        <TaxonomyForm
          info={info}
          action={api}
          idPrefix="edit"
          values={typedValues(query) ?? item}
          problem={fieldProblem(info, notice)}
          submitLabel="Save"
        />
        <p className="meta">A changed slug changes the page’s address; the old address stops working.</p>
      </section>
      <section aria-labelledby="merge">
        <h2 id="merge">Merge</h2>
        {others.length === 0 ? (
          <p>There is no other {info.singular} to merge it into.</p>
        ) : (
          <form method="post" action={`${api}/merge`} className="inline-form">
            <label htmlFor="merge-into">Merge into</label>
            <select id="merge-into" name="into" required defaultValue="">
              <option value="" disabled>
                Choose {info.singular === "author" ? "an" : "a"} {info.singular}
              </option>
              {others.map((other) => (
                <option key={other.id} value={other.id}>
                  {other.name} ({other.articleCount})
                </option>
              ))}
            </select>
            <button type="submit" className="button">
              Merge
            </button>
          </form>
        )}
        <p className="meta">
          Its {articles} move to the one you choose, and {item.name} is deleted.
        </p>
      </section>
      <section aria-labelledby="delete">
        <h2 id="delete">Delete</h2>
        {item.articleCount > 0 ? (
          <p>
            It is on {articles}: merge it into another {info.singular} instead of deleting it.
          </p>
        ) : (
          <form method="post" action={`${api}/delete`}>
            <button type="submit" className="button">
              Delete {item.name}
            </button>
          </form>
        )}
      </section>
    </div>
  );
}
