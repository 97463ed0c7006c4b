// Email cannot carry a session: a mail client fetches an article's images
// signed out. An image in the gated part of an issue sent to subscribers is
// fetched with a token in its address, an HMAC of its key (a key derived from
// AUTH_SECRET), which only the emails that show it carry; without the token
// the image answers as gated images do (lib/access/media-access.ts).
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/config/env";
import { EMAIL_WIDTH, emailImagePath, heightAt, type ImageRef } from "./media-files";

let derived: { secret: string; key: Buffer } | undefined;

function appKey(): Buffer {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: start Folio with `npm start`, which generates one");
  if (derived?.secret !== secret) {
    derived = { secret, key: Buffer.from(hkdfSync("sha256", secret, "folio", "email image token v1", 32)) };
  }
  return derived.key;
}

export function emailImageToken(key: string): string {
  return createHmac("sha256", appKey()).update(key).digest().subarray(0, 16).toString("base64url");
}

export function isEmailImageToken(key: string, token: string | null): boolean {
  if (!token) return false;
  const expected = Buffer.from(emailImageToken(key));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** An image as an email shows it: the JPEG for email, its absolute address with the token, its size. */
export function emailImage(siteUrl: string, image: ImageRef) {
  const width = Math.min(image.width, EMAIL_WIDTH);
  return {
    src: `${siteUrl}${emailImagePath(image.key)}?t=${emailImageToken(image.key)}`,
    width,
    height: heightAt(image, width),
  };
}
