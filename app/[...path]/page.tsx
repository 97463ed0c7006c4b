// Any address no other route answers: an imported post's address at its
// source ("/my-post/" on Ghost, "/2020/01/02/my-post/" on WordPress,
// "/p/my-post" on Substack) redirects permanently to its article, so that
// links and search engines follow the publication to Folio; anything else
// is the ordinary 404 page.
import { notFound, permanentRedirect } from "next/navigation";
import { findLegacyPathSlug } from "@/lib/articles/slug-redirects";

export default async function LegacyAddress({ params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  const slug = await findLegacyPathSlug(`/${path.join("/")}`);
  if (!slug) notFound();
  permanentRedirect(`/articles/${slug}`);
}
