// The files an image is stored as, and their addresses. Pure: the renderer,
// the pages and the feeds compute an image's sources from its key and width
// alone, without asking the database.
//
// An upload is kept as WebP at the widths below (never wider than the upload)
// and as one JPEG for email (mail clients read WebP poorly). In Markdown a
// library image is `![alt](/media/<key>?w=<width>&h=<height> "caption")`:
// the size rides along, so the page can reserve its box before it loads.

/** A media key: 16 random bytes, base64url. */
export const MEDIA_KEY = /^[A-Za-z0-9_-]{22}$/;

/** The widths kept, for srcset. */
export const IMAGE_WIDTHS = [320, 640, 960, 1280, 1920] as const;
export const EMAIL_WIDTH = 600;
const MAX_WIDTH = IMAGE_WIDTHS.at(-1)!;

export type ImageRef = { key: string; width: number; height: number };

/** The widths stored for an upload `width` pixels wide, ascending. */
export function storedWidths(width: number): number[] {
  const top = Math.min(width, MAX_WIDTH);
  return [...IMAGE_WIDTHS.filter((candidate) => candidate < top), top];
}

/** The stored height for `storedWidth`, keeping the aspect ratio. */
export function heightAt(image: Pick<ImageRef, "width" | "height">, storedWidth: number): number {
  return Math.max(1, Math.round((image.height * storedWidth) / image.width));
}

export const imageFileName = (width: number) => `${width}.webp`;
export const EMAIL_FILE_NAME = "email.jpg";

/** Which stored file a request names: a width, the email JPEG, or nothing. */
export function parseImageFileName(name: string): { width: number } | { email: true } | null {
  if (name === EMAIL_FILE_NAME) return { email: true };
  const match = /^([1-9]\d{1,4})\.webp$/.exec(name);
  return match ? { width: Number(match[1]) } : null;
}

export const imagePath = (key: string, width: number) => `/media/${key}/${imageFileName(width)}`;
export const emailImagePath = (key: string) => `/media/${key}/${EMAIL_FILE_NAME}`;

/** The stored width nearest above `wanted` (or the widest): for og:image, feeds, cards. */
export function widthFor(image: Pick<ImageRef, "width">, wanted: number): number {
  const widths = storedWidths(image.width);
  return widths.find((width) => width >= wanted) ?? widths.at(-1)!;
}

export function srcSet(image: ImageRef): string {
  return storedWidths(image.width)
    .map((width) => `${imagePath(image.key, width)} ${width}w`)
    .join(", ");
}

/** What an editor inserts into Markdown for a library image. */
export function markdownSrc(image: ImageRef): string {
  return `/media/${image.key}?w=${image.width}&h=${image.height}`;
}

const MARKDOWN_SRC = /^\/media\/([A-Za-z0-9_-]{22})\?w=([1-9]\d{0,5})&h=([1-9]\d{0,5})$/;

/** The image a Markdown src names, or null for anything else. */
export function parseMarkdownSrc(src: string): ImageRef | null {
  const match = MARKDOWN_SRC.exec(src);
  return match ? { key: match[1]!, width: Number(match[2]), height: Number(match[3]) } : null;
}
