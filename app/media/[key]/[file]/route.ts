// GET /media/{key}/{file}: an image of the media library, as stored
// (lib/media). Public images may be kept by any cache for a year (the key
// changes with the image); an image only a gated part shows goes to its
// readers alone (and to the mail clients of the emails that carry it, by
// token), private and unstored, and to anyone else answers 404, as a key
// that does not exist does.
import { NextResponse } from "next/server";
import { currentGrant } from "@/lib/access/current-grant";
import { mediaFileAccess } from "@/lib/access/media-access";
import { getReader } from "@/lib/auth/get-reader";
import { currentBrowserId } from "@/lib/gifts/browser-id";
import { giftedArticleShowing } from "@/lib/gifts/gifted-image";
import { clientIp } from "@/lib/http/client-ip";
import { isEmailImageToken } from "@/lib/media/email-image-token";
import { MEDIA_KEY, parseImageFileName } from "@/lib/media/media-files";
import { mediaStore } from "@/lib/media/media-store";
import { organisationsOfAddress } from "@/lib/organisations/address-organisations";

export const dynamic = "force-dynamic";

/** What the browser holds: its instant-access grant, and a gift it opened of an article showing the image. */
async function browserContext(key: string) {
  const [grant, giftedArticleId] = await Promise.all([
    currentGrant(),
    currentBrowserId().then((browserId) => giftedArticleShowing(browserId, key)),
  ]);
  return { grant, giftedArticleId };
}

const notFound = () =>
  new NextResponse("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function GET(request: Request, { params }: { params: Promise<{ key: string; file: string }> }) {
  const { key, file } = await params;
  const name = MEDIA_KEY.test(key) ? parseImageFileName(file) : null;
  if (!name) return notFound();
  // A newsletter's image carries its token: mail clients fetch signed out.
  const signed = "email" in name && isEmailImageToken(key, new URL(request.url).searchParams.get("t"));
  // A client address in an organisation's IP range reads gated parts, their images too.
  const addressOrganisations = signed ? [] : await organisationsOfAddress(clientIp(request.headers));
  const access = signed
    ? "private"
    : await mediaFileAccess(key, await getReader(), { ...(await browserContext(key)), addressOrganisations });
  if (access === "none") return notFound();
  const stored = await mediaStore().get(`${key}/${file}`);
  if (!stored) return notFound();
  return new NextResponse(new Uint8Array(stored.body), {
    headers: {
      "content-type": stored.contentType,
      "content-length": String(stored.body.length),
      "cache-control": access === "public" ? "public, max-age=31536000, immutable" : "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
