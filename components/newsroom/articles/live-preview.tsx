"use client";
// The article as readers will see it, beside the editor: the header, the free
// preview, the cut, and what is behind it. The body's HTML comes from the
// server (renderMarkdown, sanitised), cut where the article page cuts it.
import { Byline } from "@/components/article/byline";
import { TagList } from "@/components/article/tag-list";
import type { Choice, EditorChoices } from "@/lib/newsroom/articles/editor-choices";
import type { ArticleContent, BodyPreview } from "./editor-types";

function pick(ids: string[], choices: Choice[]) {
  return ids.flatMap((id) => choices.filter((choice) => choice.id === id)).map(({ slug, name }) => ({ slug, name }));
}

export function LivePreview({
  content,
  preview,
  current,
  choices,
  dateLine,
}: {
  content: ArticleContent;
  preview: BodyPreview;
  current: boolean;
  choices: EditorChoices;
  dateLine: string;
}) {
  const authors = pick(content.authorIds, choices.authors);
  const topics = pick(content.topicIds, choices.topics).sort((a, b) => a.name.localeCompare(b.name));
  const regions = pick(content.regionIds, choices.regions).sort((a, b) => a.name.localeCompare(b.name));
  const explanation = content.free
    ? "Free to all: every reader sees the whole article."
    : !preview.hasGatedPart
      ? "Everything fits in the free preview: nobody meets the paywall."
      : preview.cutBy === "marker"
        ? "The preview ends at your cut; readers without access see the paywall there."
        : `No cut in the body: the preview is the first ${preview.previewParagraphs} paragraphs.`;
  return (
    <section className="editor-preview" aria-labelledby="live-preview-title" aria-busy={!current}>
      <h2 id="live-preview-title" className="editor-panel-title">
        Live preview
      </h2>
      <p className="meta">{explanation}</p>
      <article className="article">
        <header className="article-header">
          <p className="kicker">
            <span>{content.kind === "in_depth" ? "In-Depth" : "Daily Analysis"}</span>
            {content.free && <span className="free-badge">Free to read</span>}
          </p>
          <h2 className="editor-preview-headline">{content.title || "Headline"}</h2>
          {content.dek && <p className="dek article-dek">{content.dek}</p>}
          <p className="meta">
            <Byline authors={authors} />
            {authors.length > 0 && " · "}
            {dateLine}
          </p>
          <TagList topics={topics} regions={regions} />
        </header>
        <div className="article-body">
          <section
            className="article-preview"
            aria-label={content.free ? "Article" : "Free preview"}
            dangerouslySetInnerHTML={{ __html: preview.previewHtml }}
          />
          {preview.hasGatedPart && !content.free && (
            <p className="editor-cut" role="separator">
              Preview cut: readers without access stop here and see the paywall
            </p>
          )}
          {preview.hasGatedPart && (
            <section
              className={content.free ? "gated-section" : "gated-section editor-gated"}
              aria-label={content.free ? "Rest of the article" : "Behind the paywall"}
              dangerouslySetInnerHTML={{ __html: preview.gatedHtml }}
            />
          )}
        </div>
      </article>
    </section>
  );
}
