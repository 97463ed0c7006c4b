// The newsroom's articles as a table: headline (to the editor), status and
// its time, kind, authors.
import Link from "next/link";
import { formatDateTime, kindLabel } from "@/lib/articles/format";
import type { NewsroomArticleRow } from "@/lib/newsroom/articles/list-newsroom-articles";

const STATUS_LABELS = { draft: "Draft", scheduled: "Scheduled", published: "Published" } as const;

export function ArticleTable({ articles }: { articles: NewsroomArticleRow[] }) {
  return (
    <table className="newsroom-table">
      <thead>
        <tr>
          <th scope="col">Headline</th>
          <th scope="col">Status</th>
          <th scope="col">Kind</th>
          <th scope="col">Authors</th>
        </tr>
      </thead>
      <tbody>
        {articles.map((article) => (
          <tr key={article.id}>
            <td>
              <Link href={`/admin/articles/${article.id}`}>{article.title || "(no headline)"}</Link>
              {article.free && <span className="meta"> · free</span>}
            </td>
            <td>
              <span className={`status-badge status-${article.status}`}>{STATUS_LABELS[article.status]}</span>
              <span className="meta">
                {" "}
                {article.publishedAt
                  ? formatDateTime(article.publishedAt)
                  : `edited ${formatDateTime(article.updatedAt)}`}
              </span>
            </td>
            <td>{kindLabel(article.kind)}</td>
            <td>{article.authors.join(", ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
