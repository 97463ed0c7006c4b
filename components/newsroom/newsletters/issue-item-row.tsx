// One article of the next issue, with the forms that move, drop or restore it.
import type { IssueArticle } from "@/lib/newsletters/issue-articles";

function ItemButton({
  action,
  label,
  articleId,
  issueDate,
  endpoint,
  title,
}: {
  action: string;
  label: string;
  articleId: string;
  issueDate: string;
  endpoint: string;
  title: string;
}) {
  return (
    <form method="post" action={endpoint}>
      <input type="hidden" name="issueDate" value={issueDate} />
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="action" value={action} />
      <button type="submit" className="button button-small-plain" aria-label={`${label}: ${title}`}>
        {label}
      </button>
    </form>
  );
}

export function IssueItemRow(props: {
  article: IssueArticle;
  first: boolean;
  last: boolean;
  issueDate: string;
  endpoint: string;
  depthNote: string;
}) {
  const { article, issueDate, endpoint } = props;
  const common = { articleId: article.id, issueDate, endpoint, title: article.title };
  return (
    <li className={article.dropped ? "issue-item issue-item-dropped" : "issue-item"}>
      <div>
        <a href={`/articles/${article.slug}`}>{article.title}</a>
        <span className="meta">
          {" "}
          · {article.kind === "in_depth" ? "In-Depth" : "Daily Analysis"} · {article.free ? "free" : "subscribers"} ·{" "}
          {props.depthNote}
          {article.dropped && " · dropped: not in the email"}
        </span>
      </div>
      <div className="issue-item-actions">
        {!article.dropped && !props.first && <ItemButton action="up" label="Move up" {...common} />}
        {!article.dropped && !props.last && <ItemButton action="down" label="Move down" {...common} />}
        {article.dropped ? (
          <ItemButton action="restore" label="Put back" {...common} />
        ) : (
          <ItemButton action="drop" label="Drop" {...common} />
        )}
      </div>
    </li>
  );
}
