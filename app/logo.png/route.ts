// GET /logo.png: the publisher's logo for structured data (JSON-LD
// `publisher.logo`) when PUBLISHER_LOGO_URL names none: the masthead's red
// square with its initial, drawn as shapes (no font needed on the server).
import sharp from "sharp";

let png: Promise<Buffer> | undefined;

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 32 32">
  <rect width="32" height="32" rx="4" fill="#9b1c1c"/>
  <path d="M10 7h13v3.2h-9.3v4.4h8v3.2h-8V25H10z" fill="#fff"/>
</svg>`;

export async function GET() {
  png ??= sharp(Buffer.from(LOGO)).png().toBuffer();
  return new Response(new Uint8Array(await png), {
    headers: { "Content-Type": "image/png", "Cache-Control": "public, max-age=86400" },
  });
}
