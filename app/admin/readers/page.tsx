// GET /admin/readers?q=&page=: the readers at a glance, and finding one by address (admins).
import { ReaderCountsPanel } from "@/components/newsroom/readers/reader-counts-panel";
import { ReaderSearchResults } from "@/components/newsroom/readers/reader-search-results";
import { NEWSLETTER_NAMES } from "@/lib/account/newsletter-choices";
import { parsePage, type SearchParamValue } from "@/lib/http/search-params";
import { countReaders } from "@/lib/newsroom/readers/reader-counts";
import {
  EARLIEST_DAY,
  LATEST_DAY,
  type ExportNewsletter,
  type ExportPlan,
} from "@/lib/newsroom/readers/readers-export-filter";
import { searchReaders } from "@/lib/newsroom/readers/search-readers";
import { requireRole } from "@/lib/newsroom/require-role";

export const dynamic = "force-dynamic";
export const metadata = { title: "Readers" };

// Typed by the filter's own lists, so that an option cannot name a value the export refuses.
const EXPORT_PLAN_OPTIONS: Record<ExportPlan, string> = {
  all: "All readers",
  subscriber: "Paying subscribers",
  comp: "Complimentary All-Access",
  free: "Free tier",
};
const EXPORT_NEWSLETTER_OPTIONS: Record<ExportNewsletter, string> = {
  any: "Any or none",
  none: "None",
  ...NEWSLETTER_NAMES,
};

export default async function ReadersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  const actor = await requireRole("admin", "/admin/readers");
  const params = await searchParams;
  const query = typeof params.q === "string" ? params.q.trim().slice(0, 254) : "";
  const page = parsePage(params.page);
  const [counts, result] = await Promise.all([countReaders(actor), searchReaders(actor, { query, page })]);
  return (
    <div className="newsroom-readers">
      <h1>Readers</h1>
      <ReaderCountsPanel counts={counts} />
      <form method="get" action="/admin/readers" className="inline-form" role="search">
        <label htmlFor="reader-query">Email address contains</label>
        <input id="reader-query" type="search" name="q" defaultValue={query} maxLength={254} autoComplete="off" />
        <button type="submit" className="button">
          Find
        </button>
      </form>
      <ReaderSearchResults result={result} query={query} page={page} />
      <section className="readers-export" aria-labelledby="readers-export-heading">
        <h2 id="readers-export-heading">Export readers as CSV</h2>
        <p className="meta">
          Sign-up days are in the publication&rsquo;s time zone; both are included. The export is logged.
        </p>
        <form method="get" action="/admin/readers/export" className="newsroom-filters">
          <label className="search-filter">
            Plan
            <select name="plan" defaultValue="all">
              {Object.entries(EXPORT_PLAN_OPTIONS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label className="search-filter">
            Newsletter
            <select name="newsletter" defaultValue="any">
              {Object.entries(EXPORT_NEWSLETTER_OPTIONS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label className="search-filter">
            Signed up from
            <input type="date" name="from" min={EARLIEST_DAY} max={LATEST_DAY} />
          </label>
          <label className="search-filter">
            Signed up to
            <input type="date" name="to" min={EARLIEST_DAY} max={LATEST_DAY} />
          </label>
          <button type="submit" className="button">
            Export readers as CSV
          </button>
        </form>
      </section>
    </div>
  );
}
