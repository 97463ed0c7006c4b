// What a preview would do or an import did, in counts: articles, authors,
// topics, regions and redirects for posts; readers for a members CSV.
import type { ImportReport } from "@/lib/import/import-report";
import type { MembersImportReport } from "@/lib/import/members/import-members";

const count = (value: number) => value.toLocaleString("en-US");

function Made({ label, made, would }: { label: string; made: { created: number; existing: number }; would: boolean }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {count(made.created)}
        <span className="meta">
          {would ? "to create" : "created"} · {count(made.existing)} already here
        </span>
      </dd>
    </div>
  );
}

export function PostsCounts({ report, label }: { report: ImportReport; label: string }) {
  const would = report.dryRun;
  const { posts } = report;
  return (
    <dl className="newsroom-counts" aria-label={label}>
      <div>
        <dt>Articles</dt>
        <dd>
          {count(posts.created)}
          <span className="meta">
            {would ? "to create" : "created"} · {count(posts.updated)} {would ? "to update" : "updated"} ·{" "}
            {count(posts.unchanged)} unchanged · {count(posts.skipped)} skipped
          </span>
        </dd>
      </div>
      <Made label="Authors" made={report.authors} would={would} />
      <Made label="Topics" made={report.topics} would={would} />
      <Made label="Regions" made={report.regions} would={would} />
      <div>
        <dt>Old addresses</dt>
        <dd>
          {count(report.redirects)}
          <span className="meta">{would ? "would redirect" : "redirect"} to their articles</span>
        </dd>
      </div>
    </dl>
  );
}

export function MembersCounts({
  report,
  would,
  label,
}: {
  report: MembersImportReport;
  would: boolean;
  label: string;
}) {
  return (
    <dl className="newsroom-counts" aria-label={label}>
      <div>
        <dt>Readers</dt>
        <dd>
          {count(report.created)}
          <span className="meta">
            {would ? "to create" : "created"} · {count(report.updated)} {would ? "to update" : "updated"} ·{" "}
            {count(report.unchanged)} unchanged, of {count(report.rows)} rows
          </span>
        </dd>
      </div>
      <div>
        <dt>Complimentary access</dt>
        <dd>
          {count(report.comped)}
          <span className="meta">{would ? "to grant" : "granted"}</span>
        </dd>
      </div>
      <div>
        <dt>Subscribers</dt>
        <dd>
          {count(report.subscribers)}
          <span className="meta">{would ? "to read from Stripe" : "read from Stripe"}</span>
        </dd>
      </div>
    </dl>
  );
}
