// GET /admin/media: the media library (editors). Upload by picker or
// drag-and-drop, search by file name or alt text, copy an image's Markdown,
// change its alt text, delete it when no article uses it.
import type { Metadata } from "next";
import Link from "next/link";
import { MediaDropZone } from "@/components/newsroom/media/media-drop-zone";
import { NewsroomNotice, type NoticeTexts } from "@/components/newsroom/newsroom-notice";
import { imagePath, markdownSrc, widthFor } from "@/lib/media/media-files";
import { imageLimits, listMedia, MEDIA_PAGE_SIZE, mediaUseCount } from "@/lib/media/media-library";
import { parsePage, type SearchParamValue } from "@/lib/http/search-params";
import { requireRole } from "@/lib/newsroom/require-role";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Media library" };

const NOTICES: NoticeTexts = {
  uploaded: { text: "The upload is in the library." },
  refused: {
    text: "That file was not uploaded: only JPEG, PNG, WebP, AVIF or GIF images within the size limits are accepted. Nothing was stored for it.",
    error: true,
  },
  "too-large": { text: "That file is too large to upload. Nothing was stored.", error: true },
  "no-file": { text: "Choose one to twenty image files to upload.", error: true },
  deleted: { text: "The image is deleted." },
  "in-use": { text: "An article uses that image: take it out of the article first.", error: true },
  "not-found": { text: "There is no such image.", error: true },
  saved: { text: "The alt text is saved." },
  invalid: { text: "The alt text can be at most 500 characters.", error: true },
};

const text = (value: SearchParamValue) => (typeof value === "string" ? value : undefined);

export default async function MediaPage({ searchParams }: { searchParams: Promise<Record<string, SearchParamValue>> }) {
  await requireRole("editor", "/admin/media");
  const query = await searchParams;
  const q = (text(query.q) ?? "").slice(0, 200);
  const page = parsePage(text(query.page));
  const { items, total } = await listMedia(q, page);
  const uses = await Promise.all(items.map((item) => mediaUseCount(item)));
  const limits = imageLimits();
  const pages = Math.max(1, Math.ceil(total / MEDIA_PAGE_SIZE));
  return (
    <div className="newsroom-media">
      <h1>Media library</h1>
      <NewsroomNotice code={text(query.notice)} texts={NOTICES} />
      <MediaDropZone>
        <form
          method="post"
          action="/api/admin/media"
          encType="multipart/form-data"
          className="newsroom-form media-upload"
        >
          <div className="newsroom-field">
            <label htmlFor="media-file">Images</label>
            <input
              id="media-file"
              type="file"
              name="file"
              accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
              multiple
              required
            />
            <p className="meta">
              Choose files or drop them here: JPEG, PNG, WebP, AVIF or GIF, up to{" "}
              {Math.round(limits.maxBytes / 1_048_576)} MB and {Math.round(limits.maxPixels / 1_000_000)} million pixels
              each. Location and other metadata are removed.
            </p>
          </div>
          <div className="newsroom-field">
            <label htmlFor="media-alt">Alt text</label>
            <input id="media-alt" name="altText" maxLength={500} />
            <p className="meta">What the image shows, for readers who cannot see it. It can be changed later.</p>
          </div>
          <button type="submit" className="button button-primary">
            Upload
          </button>
        </form>
      </MediaDropZone>

      <form method="get" action="/admin/media" role="search" className="inline-form media-search">
        <label htmlFor="media-q" className="visually-hidden">
          Search the library
        </label>
        <input id="media-q" type="search" name="q" defaultValue={q} placeholder="File name or alt text" />
        <button type="submit" className="button">
          Search
        </button>
      </form>

      <p className="meta">
        {total === 0
          ? q
            ? `No image matches “${q}”.`
            : "No images yet."
          : `${total} ${total === 1 ? "image" : "images"}`}
      </p>
      <ul className="media-grid">
        {items.map((item, index) => {
          const thumb = widthFor(item, 320);
          const markdown = `![${item.altText}](${markdownSrc(item)})`;
          return (
            <li key={item.id} className="media-item">
              {/* eslint-disable-next-line @next/next/no-img-element -- the stored size itself, not next/image */}
              <img
                src={imagePath(item.key, thumb)}
                width={thumb}
                height={Math.round((item.height * thumb) / item.width)}
                alt={item.altText}
              />
              <p className="media-name">{item.fileName}</p>
              <p className="meta">
                {item.width} × {item.height} · {item.format.toUpperCase()} ·{" "}
                {uses[index] === 0 ? "unused" : `used by ${uses[index]} ${uses[index] === 1 ? "article" : "articles"}`}
              </p>
              <label className="meta" htmlFor={`markdown-${item.id}`}>
                Markdown
              </label>
              <input id={`markdown-${item.id}`} readOnly value={markdown} className="media-markdown" />
              <form method="post" action={`/api/admin/media/${item.id}`} className="inline-form">
                <label htmlFor={`alt-${item.id}`} className="visually-hidden">
                  Alt text of {item.fileName}
                </label>
                <input
                  id={`alt-${item.id}`}
                  name="altText"
                  defaultValue={item.altText}
                  maxLength={500}
                  placeholder="Alt text"
                />
                <button type="submit" className="button button-small">
                  Save
                </button>
              </form>
              {uses[index] === 0 && (
                <form method="post" action={`/api/admin/media/${item.id}`}>
                  <input type="hidden" name="action" value="delete" />
                  <button type="submit" className="link-button">
                    Delete {item.fileName}
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      {pages > 1 && (
        <nav aria-label="Pages" className="pagination">
          {page > 1 && <Link href={`/admin/media?${new URLSearchParams({ q, page: String(page - 1) })}`}>← Newer</Link>}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages && (
            <Link href={`/admin/media?${new URLSearchParams({ q, page: String(page + 1) })}`}>Older →</Link>
          )}
        </nav>
      )}
    </div>
  );
}
