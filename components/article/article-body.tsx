import { renderMarkdown } from "@/lib/articles/render-markdown";

/** The gated part is wrapped in its own section; its class is named in the
 *  article's JSON-LD (Google's markup for paywalled content). */
export const GATED_SECTION_CLASS = "gated-section";

/** The id of the cut: where a reader lands who just got the rest ("#continue"). */
export const CUT_ID = "continue";

type Props = (
  | { previewMarkdown: string; previewHtml?: undefined; gatedMarkdown: string | null }
  /** The preview already rendered (and sanitized) by renderMarkdown: the article page's cached preview. */
  | { previewHtml: string; previewMarkdown?: undefined; gatedMarkdown: string | null }
) & {
  /** Shown at the cut, before the rest (instant access's confirmation). */
  atCut?: React.ReactNode;
};

export function ArticleBody({ previewMarkdown, previewHtml, gatedMarkdown, atCut }: Props) {
  // Both parts went through the sanitizer in renderMarkdown.
  return (
    <div className="article-body">
      <div
        className="article-preview"
        dangerouslySetInnerHTML={{ __html: previewHtml ?? renderMarkdown(previewMarkdown) }}
      />
      {gatedMarkdown !== null && (
        <>
          <div id={CUT_ID} className="article-cut">
            {atCut}
          </div>
          <div className={GATED_SECTION_CLASS} dangerouslySetInnerHTML={{ __html: renderMarkdown(gatedMarkdown) }} />
        </>
      )}
    </div>
  );
}
