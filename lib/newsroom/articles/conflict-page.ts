// The answer to a save posted without JavaScript that someone else's save
// overtook. Redirecting back to the editor (as every other form answer does)
// would show only the saved text, and an address cannot carry a body, so the
// editor's text would be lost: this page (409) says what happened and gives
// the text back to copy, with a link to the article as it is saved now.
import { escapeHtml } from "@/lib/text/escape-html";
import type { ArticleContent } from "./article-input";

function field(label: string, id: string, value: string, rows: number): string {
  return `<p><label for="${id}">${label}</label><br>
<textarea id="${id}" readonly rows="${rows}" cols="80">${escapeHtml(value)}</textarea></p>`;
}

export function conflictPage(article: { id: string; content: ArticleContent; savedBy: string | null }): Response {
  const { content } = article;
  const who = escapeHtml(article.savedBy ?? "Someone");
  const editor = `/admin/articles/${encodeURIComponent(article.id)}`;
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Not saved | Newsroom</title></head>
<body>
<main>
<h1>Not saved: someone else saved first</h1>
<p role="alert">${who} saved this article after you opened it, so your changes were not saved.
Nothing you wrote is lost: it is below. Copy what you need, then
<a href="${editor}">open the article as it is saved now</a> and add it there.</p>
${field("Your headline", "title", content.title, 2)}
${field("Your dek", "dek", content.dek, 3)}
${field("Your slug", "slug", content.slug, 1)}
${field("Your body (Markdown)", "body", content.body, 24)}
</main>
</body>
</html>`;
  return new Response(html, {
    status: 409,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}
