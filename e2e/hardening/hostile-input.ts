// Generators of hostile input for the fuzz test (fast-check): strings that
// break parsers, queries with missing, repeated and absurd parameters, bodies
// of the wrong type, size and encoding.
import fc from "fast-check";

const METACHARACTERS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '" OR ""="',
  "1; SELECT pg_sleep(5)--",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "{{7*7}}",
  "${7*7}",
  "../../../../etc/passwd",
  "..%2f..%2fetc%2fpasswd",
  "\\\\evil.example\\share",
  "//evil.example",
  "%00",
  "\u0000",
  "\r\nSet-Cookie: x=1",
  "\u202eevil",
  "\ufeff",
  "\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67",
  "𝕏𝕪𝕫",
  "Z͑ͫ̓ͪ̂ͫ̽͏̴̙̤̞͉͚̯̞̠͍A̴̵̜̰͔ͫ͗͢L̠ͨͧͩ͘G̴̻͈͍͔̹̑͗̎̅͛́Ǫ̵̹̻̝̳͂̌̌͘",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "-1",
  "0",
  "1e309",
  "NaN",
  "9".repeat(40),
  "0x1F",
  " ",
  "",
  "a".repeat(300),
  "é".repeat(2000),
  "%",
  "%zz",
  "%C0%AF",
  "%E0%A4%A",
];

// A random string can happen to be a valid address ("a@b.cd"); a reader's
// email change would then rightly go ahead. Hostile means invalid here.
const LOOKS_LIKE_EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** One hostile string. */
export const hostileString: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom(...METACHARACTERS),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ unit: "grapheme", maxLength: 20 }),
    fc.integer().map(String),
    fc.double().map(String),
    fc.nat({ max: 20_000 }).map((length) => "x".repeat(length)),
  )
  .filter((value) => !LOOKS_LIKE_EMAIL.test(value.trim()));

/** Percent-encodes a string; lone surrogates (which encodeURIComponent refuses) as raw bytes. */
export function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value]
      .map((char) => {
        try {
          return encodeURIComponent(char);
        } catch {
          return `%${(char.charCodeAt(0) & 0xff).toString(16).padStart(2, "0")}`;
        }
      })
      .join("");
  }
}

const KNOWN_PARAMS = [
  "q",
  "page",
  "topic",
  "region",
  "author",
  "kind",
  "from",
  "to",
  "sort",
  "token",
  "email",
  "callbackUrl",
  "session_id",
  "notice",
  "error",
  "plan",
  "canceled",
  "signedOut",
  "_rsc",
  "newsletter",
  "subscribed",
];

/** A query string: known and unknown keys, repeated, empty, hostile or raw. */
export const hostileQuery: fc.Arbitrary<string> = fc.oneof(
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...KNOWN_PARAMS), hostileString), hostileString), { maxLength: 6 })
    .map((pairs) => pairs.map(([key, value]) => `${encode(key)}=${encode(value)}`).join("&")),
  fc.constantFrom(
    "q",
    "q=&q=&q=",
    "page=1&page=2&page=x",
    "%",
    "q=%zz",
    "a[b][c]=1",
    "__proto__[x]=1",
    "constructor[prototype][x]=1",
    "&&&==&",
  ),
);

/** A value for one path segment, percent-encoded or not. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  hostileString.map(encode),
  fc.constantFrom("%", "%zz", "%E0%A4%A", "..", ".", "%2e%2e", "%2F", "a%00b", "x".repeat(5000)),
);

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-16",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=folio",
  "multipart/form-data",
  "text/plain",
  "application/xml",
  "application/octet-stream",
  "",
];

export type HostileBody = { contentType: string; body: string };

/** A body of any shape: JSON of the wrong types, broken JSON, forms, multipart, huge. */
export const hostileBody: fc.Arbitrary<HostileBody> = fc.record({
  contentType: fc.constantFrom(...CONTENT_TYPES),
  body: fc.oneof(
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc
      .record(
        {
          email: fc.oneof(hostileString, fc.jsonValue()),
          token: fc.oneof(hostileString, fc.jsonValue()),
          newsletter: fc.oneof(hostileString, fc.jsonValue()),
          subscribed: fc.oneof(hostileString, fc.jsonValue()),
          callbackUrl: hostileString,
          plan: hostileString,
        },
        { requiredKeys: [] },
      )
      .map((value) => JSON.stringify(value)),
    fc.constantFrom('{"email":', "{{}", "[", '{"__proto__":{"admin":true}}', "\u0000\u0001\u0002", "null", '"x"', "1"),
    fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom("email", "token", "newsletter", "subscribed", "callbackUrl"), hostileString),
          hostileString,
        ),
        { maxLength: 5 },
      )
      .map((pairs) => pairs.map(([key, value]) => `${encode(key)}=${encode(value)}`).join("&")),
    hostileString.map(
      (value) => `--folio\r\nContent-Disposition: form-data; name="email"\r\n\r\n${value}\r\n--folio--\r\n`,
    ),
    hostileString,
  ),
});
