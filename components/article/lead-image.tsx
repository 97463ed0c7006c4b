import type { LeadImage } from "@/lib/articles/article-queries";
import { heightAt, imagePath, srcSet, widthFor } from "@/lib/media/media-files";

/**
 * An article's lead image at the stored sizes. Its box is reserved by width
 * and height, so nothing moves while it loads; `priority` for the article
 * page's own and the front page's lead story's, each the largest thing on
 * its page (Lighthouse's LCP element): fetched at once and first, not
 * lazily once the layout shows it is on screen.
 */
export function LeadImageFigure({
  image,
  sizes,
  priority = false,
  caption = true,
}: {
  image: LeadImage;
  /** How wide it is shown: the <img> sizes attribute. */
  sizes: string;
  priority?: boolean;
  caption?: boolean;
}) {
  const shown = widthFor(image, 960);
  const hasCaption = caption && (image.caption || image.credit);
  return (
    <figure className="lead-image">
      {/* eslint-disable-next-line @next/next/no-img-element -- the stored sizes themselves, not next/image */}
      <img
        src={imagePath(image.key, shown)}
        srcSet={srcSet(image)}
        sizes={sizes}
        width={shown}
        height={heightAt(image, shown)}
        alt={image.alt}
        loading={priority ? "eager" : "lazy"}
        fetchPriority={priority ? "high" : undefined}
        decoding="async"
      />
      {hasCaption && (
        <figcaption>
          {image.caption}
          {image.caption && image.credit && " "}
          {image.credit && <span className="credit">{image.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
