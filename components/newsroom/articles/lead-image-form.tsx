// The editor's lead image: choose one of the library's latest images (or
// none), with this article's alt text, caption and credit. A plain form
// posting to /api/admin/articles/{id}/lead-image; it saves apart from the
// text, so it never collides with an unsaved edit.
import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import type { SearchParamValue } from "@/lib/http/search-params";
import { imagePath, widthFor } from "@/lib/media/media-files";
import { listMedia } from "@/lib/media/media-library";
import { getLeadImage, LEAD_IMAGE_LIMITS } from "@/lib/newsroom/articles/lead-image";
import { NewsroomNotice } from "../newsroom-notice";

const NOTICES = {
  "lead-image-saved": { text: "The lead image is saved." },
  "lead-image-removed": { text: "The lead image is removed." },
  "lead-image-invalid": { text: "The lead image was not saved: see below.", error: true },
};

const text = (value: SearchParamValue) => (typeof value === "string" ? value : undefined);

export async function LeadImageForm({
  actor,
  articleId,
  query,
}: {
  actor: Actor;
  articleId: string;
  query: Record<string, SearchParamValue>;
}) {
  const [current, { items }] = await Promise.all([getLeadImage(actor, articleId), listMedia("", 1)]);
  if (!current) return null;
  // The current image first, then the library's newest.
  const choices = [...(current.media ? [current.media] : []), ...items.filter((item) => item.id !== current.mediaId)];
  const error = (field: string) => text(query[`error.${field}`]);
  // After a refused save, what the editor chose and typed (lead.* in the address).
  const typed = (field: "mediaId" | "alt" | "caption" | "credit") => text(query[`lead.${field}`]);
  const chosen = typed("mediaId") ?? current.mediaId ?? "";
  const field = (name: "alt" | "caption" | "credit", label: string, hint: string) => (
    <div className="newsroom-field">
      <label htmlFor={`lead-${name}`}>{label}</label>
      <input
        id={`lead-${name}`}
        name={name}
        defaultValue={typed(name) ?? current[name]}
        maxLength={LEAD_IMAGE_LIMITS[name]}
        aria-invalid={error(name) ? true : undefined}
        aria-describedby={`lead-${name}-hint${error(name) ? ` lead-${name}-error` : ""}`}
      />
      <p className="meta" id={`lead-${name}-hint`}>
        {hint}
      </p>
      {error(name) && (
        <p className="form-error" id={`lead-${name}-error`}>
          {error(name)}
        </p>
      )}
    </div>
  );
  return (
    <section id="lead-image" className="lead-image-editor" aria-labelledby="lead-image-title">
      <h2 id="lead-image-title">Lead image</h2>
      <NewsroomNotice code={text(query.notice)} texts={NOTICES} />
      <form method="post" action={`/api/admin/articles/${articleId}/lead-image`} className="newsroom-form">
        <fieldset className="lead-image-choices">
          <legend>Image</legend>
          {error("mediaId") && <p className="form-error">{error("mediaId")}</p>}
          <label className="lead-image-choice">
            <input type="radio" name="mediaId" value="" defaultChecked={chosen === ""} />
            <span>No lead image</span>
          </label>
          {choices.map((item) => {
            const width = widthFor(item, 320);
            return (
              <label key={item.id} className="lead-image-choice">
                <input type="radio" name="mediaId" value={item.id} defaultChecked={item.id === chosen} />
                {/* eslint-disable-next-line @next/next/no-img-element -- a stored size, not next/image */}
                <img
                  src={imagePath(item.key, width)}
                  width={width}
                  height={Math.round((item.height * width) / item.width)}
                  alt=""
                />
                <span>{item.fileName}</span>
              </label>
            );
          })}
        </fieldset>
        <p className="meta">
          Not there? <Link href="/admin/media">Upload it to the media library</Link>, then come back.
        </p>
        {field("alt", "Alt text", "Required with an image: what it shows, for readers who cannot see it.")}
        {field("caption", "Caption", "Shown under the image on the article page.")}
        {field("credit", "Credit", "The photographer or source.")}
        <button type="submit" className="button">
          Save lead image
        </button>
      </form>
    </section>
  );
}
