"use client";
// The article's fields. They are plain form fields with names the save route
// reads, so the form works without JavaScript; with it, every change goes to
// the editor's state (autosave, live preview).
import { useRef } from "react";
import { slugify } from "@/lib/articles/slugify";
import { LIMITS } from "@/lib/newsroom/articles/article-limits";
import type { EditorChoices } from "@/lib/newsroom/articles/editor-choices";
import { PAYWALL_MARKER, placeCut } from "@/lib/newsroom/articles/paywall-marker";
import { countWords, describeCount } from "@/lib/newsroom/articles/word-count";
import type { ArticleContent, FieldErrors } from "./editor-types";
import { describedBy, FieldError } from "./field-error";
import { TagBoxes } from "./tag-boxes";
import { useImageUpload } from "./use-image-upload";

type Props = {
  content: ArticleContent;
  update: (change: Partial<ArticleContent>) => void;
  errors: FieldErrors;
  choices: EditorChoices;
  /** The slug the article has now (the field is empty while it follows the headline). */
  currentSlug: string;
  hasBeenPublic: boolean;
  previewParagraphs: number;
  /**
   * The line of the editor's marker as the server found it (the live
   * preview, cut by lib/articles/paywall-cut.ts like every saved article);
   * null when the body has none.
   */
  markerLine: number | null;
  interactive: boolean;
};

export function ArticleFields({
  content,
  update,
  errors,
  choices,
  currentSlug,
  hasBeenPublic,
  previewParagraphs,
  markerLine,
  interactive,
}: Props) {
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const images = useImageUpload({ body: content.body, update, bodyRef });
  // One more author slot than authors, and at least three.
  const slots = Math.max(3, content.authorIds.length + 1);
  const setAuthor = (slot: number, id: string) => {
    const next = Array.from({ length: slots }, (_, index) => (index === slot ? id : (content.authorIds[index] ?? "")));
    update({ authorIds: [...new Set(next.filter((value) => value !== ""))] });
  };
  const insertCut = () => {
    const textarea = bodyRef.current;
    if (!textarea) return;
    const placed = placeCut(content.body, textarea.selectionStart);
    update({ body: placed.body });
    requestAnimationFrame(() => {
      textarea.focus();
      textarea.setSelectionRange(placed.cursor, placed.cursor);
    });
  };

  return (
    <>
      <div className="editor-field">
        <label htmlFor="title">Headline</label>
        <input
          id="title"
          name="title"
          required
          maxLength={LIMITS.title}
          value={content.title}
          onChange={(event) => update({ title: event.target.value })}
          {...describedBy("title-error", errors.title)}
        />
        <FieldError id="title-error" message={errors.title} />
      </div>

      <div className="editor-field">
        <label htmlFor="dek">Dek</label>
        <textarea
          id="dek"
          name="dek"
          rows={2}
          maxLength={LIMITS.dek}
          value={content.dek}
          onChange={(event) => update({ dek: event.target.value })}
          {...describedBy("dek-error", errors.dek)}
        />
        <FieldError id="dek-error" message={errors.dek} />
      </div>

      <div className="editor-field">
        <label htmlFor="slug">Slug</label>
        <input
          id="slug"
          name="slug"
          maxLength={LIMITS.slug}
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          placeholder={hasBeenPublic ? currentSlug : slugify(content.title) || "made-from-the-headline"}
          value={content.slug}
          onChange={(event) => update({ slug: event.target.value })}
          aria-describedby={errors.slug ? "slug-error slug-hint" : "slug-hint"}
          aria-invalid={errors.slug ? true : undefined}
        />
        <p id="slug-hint" className="meta">
          {hasBeenPublic
            ? `The address is /articles/${currentSlug}. A new slug keeps the old address working as a redirect.`
            : content.slug === ""
              ? `Made from the headline${currentSlug ? ` (now /articles/${currentSlug})` : ""} until you write one.`
              : "Lower-case letters, digits and hyphens. Empty it to make it from the headline again."}
        </p>
        <FieldError id="slug-error" message={errors.slug} />
      </div>

      <fieldset className="editor-field editor-authors" {...describedBy("authorIds-error", errors.authorIds)}>
        <legend>Byline: the authors, in order</legend>
        {Array.from({ length: slots }, (_, slot) => (
          <label key={slot} className="editor-author-slot">
            <span>Author {slot + 1}</span>
            <select
              name="authorIds"
              value={content.authorIds[slot] ?? ""}
              onChange={(event) => setAuthor(slot, event.target.value)}
            >
              <option value="">—</option>
              {choices.authors.map((author) => (
                <option key={author.id} value={author.id}>
                  {author.name}
                </option>
              ))}
            </select>
          </label>
        ))}
        <FieldError id="authorIds-error" message={errors.authorIds} />
      </fieldset>

      <div className="editor-pair">
        <fieldset className="editor-field editor-row" {...describedBy("kind-error", errors.kind)}>
          <legend>Kind</legend>
          {(
            [
              ["daily", "Daily Analysis"],
              ["in_depth", "In-Depth"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="checkbox">
              <input
                type="radio"
                name="kind"
                value={value}
                checked={content.kind === value}
                onChange={() => update({ kind: value })}
              />
              {label}
            </label>
          ))}
          <FieldError id="kind-error" message={errors.kind} />
        </fieldset>
        <div className="editor-field editor-switch">
          <input
            id="free"
            type="checkbox"
            role="switch"
            name="free"
            checked={content.free}
            onChange={(event) => update({ free: event.target.checked })}
            aria-describedby={errors.free ? "free-error free-hint" : "free-hint"}
            aria-invalid={errors.free ? true : undefined}
          />
          <label htmlFor="free">Free to all</label>
          <p id="free-hint" className="meta">
            {content.free
              ? "No paywall: every reader gets the whole article."
              : "Off: readers without access stop at the preview cut."}
          </p>
          <FieldError id="free-error" message={errors.free} />
        </div>
      </div>

      <div className="editor-tags">
        <TagBoxes
          legend="Topics"
          name="topicIds"
          options={choices.topics}
          chosen={content.topicIds}
          error={errors.topicIds}
          onChange={(topicIds) => update({ topicIds })}
        />
        <TagBoxes
          legend="Regions"
          name="regionIds"
          options={choices.regions}
          chosen={content.regionIds}
          error={errors.regionIds}
          onChange={(regionIds) => update({ regionIds })}
        />
      </div>

      <div className="editor-field">
        <div className="editor-body-bar">
          <label htmlFor="body">Body (Markdown)</label>
          <span className="meta editor-count">{describeCount(countWords(content.body))}</span>
          <button type="button" className="button button-small-plain" onClick={insertCut} disabled={!interactive}>
            Insert preview cut
          </button>
        </div>
        <textarea
          id="body"
          name="body"
          ref={bodyRef}
          rows={24}
          maxLength={LIMITS.body}
          value={content.body}
          onChange={(event) => update({ body: event.target.value })}
          {...images.handlers}
          aria-describedby={errors.body ? "body-error body-cut" : "body-cut"}
          aria-invalid={errors.body ? true : undefined}
          spellCheck
        />
        <p id="body-cut" className="meta">
          {markerLine !== null
            ? `Preview cut on line ${markerLine}: the free preview ends there.`
            : `No preview cut: the free preview is the first ${previewParagraphs} paragraphs. Put the cursor where it should end and insert a cut, or write ${PAYWALL_MARKER} on a line of its own.`}
        </p>
        <p className="meta">Paste or drop an image into the text: it goes to the media library and in at the cursor.</p>
        {images.status && (
          <p className={images.status.error ? "form-error" : "meta"} role={images.status.error ? "alert" : "status"}>
            {images.status.text}
          </p>
        )}
        <FieldError id="body-error" message={errors.body} />
      </div>
    </>
  );
}
