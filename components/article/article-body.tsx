import { renderMarkdown } from "@/lib/articles/render-markdown";

/** The gated part is wrapped in its own section; its class is named in the
 *  article's JSON-LD (Google's markup for paywalled content). */
export const GATED_SECTION_CLASS = "gated-section";

export function ArticleBody({ previewMarkdown, gatedMarkdown }: { previewMarkdown: string; gatedMarkdown: string | null }) {
  // Both parts went through the sanitizer in renderMarkdown.
  return (
    <div className="article-body">
      <div className="article-preview" dangerouslySetInnerHTML={{ __html: renderMarkdown(previewMarkdown) }} />
      {gatedMarkdown !== null && (
        <div className={GATED_SECTION_CLASS} dangerouslySetInnerHTML={{ __html: renderMarkdown(gatedMarkdown) }} />
      )}
    </div>
  );
}
