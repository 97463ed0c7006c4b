// GET /admin/newsletters/{newsletter}: the next issue as it will be sent (the
// rendered email, framed: the one frame the site allows, see
// lib/http/security-headers.ts), with the editor's note, the order of its
// articles, "send now" and "send a test to me". Editors.
import { notFound } from "next/navigation";
import { IssueItemRow } from "@/components/newsroom/newsletters/issue-item-row";
import { NewsletterNotice } from "@/components/newsroom/newsletters/newsletter-notice";
import { formatDateTime } from "@/lib/articles/format";
import type { SearchParamValue } from "@/lib/http/search-params";
import { requireRole } from "@/lib/newsroom/require-role";
import { newsletterBySlug } from "@/lib/newsletters/newsletter-catalog";
import { sendDateOf } from "@/lib/newsletters/issue-dates";
import { getNextIssue, MAX_NOTE_LENGTH } from "@/lib/newsletters/next-issue";
import { issueLabel, itemLevel } from "@/lib/newsletters/render-issue";

export const dynamic = "force-dynamic";
export const metadata = { title: "Next issue" };

export default async function NextIssuePage({
  params,
  searchParams,
}: {
  params: Promise<{ newsletter: string }>;
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  const { newsletter } = await params;
  const actor = await requireRole("editor", `/admin/newsletters/${encodeURIComponent(newsletter)}`);
  const info = newsletterBySlug(newsletter);
  if (!info) notFound();
  const notice = (await searchParams).notice;
  const now = new Date();
  const next = await getNextIssue(actor, info.key, now);
  const kept = next.articles.filter((article) => !article.dropped);
  const sendDate = await sendDateOf(info.key, next.issueDate, now);
  const endpoint = `/api/admin/newsletters/${info.slug}`;
  const previewSrc = `${endpoint}/preview?at=${now.getTime()}`;
  return (
    <div className="next-issue" data-issue-date={next.issueDate} data-window-start={next.window.start.toISOString()}>
      <p className="kicker">Next issue</p>
      <h1>
        {info.name}, {issueLabel(next.issueDate)}
      </h1>
      <NewsletterNotice code={typeof notice === "string" ? notice : undefined} />
      <p className="meta">
        Articles published from {formatDateTime(next.window.start)} to {formatDateTime(next.window.end)}
        {next.windowOpen ? " (so far; articles published before the window closes join it)" : ""}. The schedule sends it
        at {formatDateTime(next.sendAt)} to{" "}
        {info.audience === "subscribers" ? "subscribers who did not switch it off" : "readers who signed up for it"}.
      </p>

      <section aria-labelledby="items">
        <h2 id="items">Articles ({kept.length})</h2>
        {next.articles.length === 0 ? (
          <p>Nothing published in this issue&apos;s window yet. An issue with no articles is not sent.</p>
        ) : (
          <ol className="issue-items">
            {next.articles.map((article) => (
              <IssueItemRow
                key={article.id}
                article={article}
                first={kept[0]?.id === article.id}
                last={kept.at(-1)?.id === article.id}
                issueDate={next.issueDate}
                endpoint={`${endpoint}/edit`}
                depthNote={itemLevel(info, article, now) === "full" ? "in full" : "preview"}
              />
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="note">
        <h2 id="note">Editor&apos;s note</h2>
        <form method="post" action={`${endpoint}/edit`} className="stack-form">
          <input type="hidden" name="issueDate" value={next.issueDate} />
          <input type="hidden" name="action" value="note" />
          <label htmlFor="note-text">
            At the top of the email (blank lines separate paragraphs; leave empty for none)
          </label>
          <textarea id="note-text" name="note" rows={5} maxLength={MAX_NOTE_LENGTH} defaultValue={next.editorNote} />
          <button type="submit" className="button">
            Save note
          </button>
        </form>
      </section>

      <section aria-labelledby="send">
        <h2 id="send">Send</h2>
        {kept.length === 0 ? (
          <p>There is nothing to send.</p>
        ) : (
          <form method="post" action={`${endpoint}/send`}>
            <input type="hidden" name="issueDate" value={next.issueDate} />
            <p>
              Send this issue now instead of at {formatDateTime(next.sendAt)}.
              {sendDate.kind === "today"
                ? ` It goes out dated today, ${issueLabel(sendDate.date)}, and the issue of ${issueLabel(next.issueDate)} then carries only what is published after this moment.`
                : " The next issue then starts from this moment."}
            </p>
            <button type="submit" className="button button-primary">
              Send now
            </button>
          </form>
        )}
      </section>

      <section aria-labelledby="preview">
        <h2 id="preview">The email as it will be sent</h2>
        <p className="meta">
          Exactly what the send produces now, for a{" "}
          {info.audience === "subscribers" ? "subscriber" : "registered reader"}.{" "}
          <a href={`${endpoint}/preview?format=text`}>Plain-text version</a>
        </p>
        {kept.length > 0 && (
          <form method="post" action={`${endpoint}/test`} className="test-send">
            <input type="hidden" name="issueDate" value={next.issueDate} />
            <button type="submit" className="button">
              Send a test to me
            </button>
            <span className="meta"> To {actor.label}, with “[Test]” before the subject. Nothing else changes.</span>
          </form>
        )}
        <iframe
          title={`${info.name} preview`}
          src={previewSrc}
          className="newsletter-preview"
          sandbox=""
          loading="lazy"
        />
      </section>
    </div>
  );
}
