// GET /api/admin/newsletters/{newsletter}/preview[?format=text]: the next issue
// rendered as it would be sent now, HTML (shown in the newsroom's frame) or
// plain text. Editors. The one response pages of this site may frame:
// proxy.ts gives it the email's sandboxed policy with frame-ancestors 'self'
// (lib/http/security-headers.ts, framingOf).
import { withRole } from "@/lib/newsroom/require-role";
import { newsletterBySlug } from "@/lib/newsletters/newsletter-catalog";
import { previewNextIssue } from "@/lib/newsletters/next-issue";

export const GET = withRole<{ newsletter: string }>("editor", async (request, { actor, params }) => {
  const info = newsletterBySlug(params.newsletter);
  if (!info) return Response.json({ error: "unknown_newsletter" }, { status: 404 });
  const preview = await previewNextIssue(actor, info.key);
  const text = new URL(request.url).searchParams.get("format") === "text";
  return new Response(text ? `Subject: ${preview.subject}\n\n${preview.text}` : preview.html, {
    headers: { "Content-Type": text ? "text/plain; charset=utf-8" : "text/html; charset=utf-8" },
  });
});
