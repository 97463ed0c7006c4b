// The newsletter a form under /api/admin/newsletters/{newsletter}/ acts on,
// and the page its answer goes back to; an unknown slug is answered 404.
import { answer } from "@/lib/http/answer";
import { newsletterBySlug, type NewsletterInfo } from "@/lib/newsletters/newsletter-catalog";

export type NewsletterOf = { info: NewsletterInfo; back: string } | { refused: Response };

export function newsletterOf(request: Request, slug: string): NewsletterOf {
  const info = newsletterBySlug(slug);
  if (info) return { info, back: `/admin/newsletters/${info.slug}` };
  return {
    refused: answer(
      request,
      { status: 404, notice: "unknown-newsletter", message: "There is no such newsletter." },
      "/admin/newsletters",
    ),
  };
}
