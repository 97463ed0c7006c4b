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

// Next.js's own request headers (issue 19): a malformed router state header
// made it answer 500. Values a browser's router sends, broken ones, and any.
const ROUTER_STATES = [
  ["", { children: ["__PAGE__", {}, null, null] }, null, null, 1],
  ["", { children: ["articles", { children: [["slug", "x", "d", null], { children: ["__PAGE__", {}] }] }] }],
  ["", { children: [["slug", "x", "zz", null], {}] }],
  ["", { "": ["", {}] }, ["/", "/"], "refetch", 0, "x"],
  ["", []],
  [["a"], {}],
  { children: [] },
].map((state) => JSON.stringify(state));

const routerState: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ROUTER_STATES).chain((state) => fc.constantFrom(state, encodeURIComponent(state))),
  fc.constantFrom("garbage", "%7B", "%", "[", "{}", "null", "[]", '[""]', "%5B%22%22%5D"),
  fc.nat({ max: 7_000 }).map((depth) => "[".repeat(depth) + "]".repeat(depth)),
  fc.nat({ max: 600 }).map((depth) => `${'["",{"c":'.repeat(depth)}["",{}]${"}]".repeat(depth)}`),
  fc.jsonValue({ maxDepth: 4 }).map((value) => encodeURIComponent(JSON.stringify(value))),
  hostileString.map(encode),
);

const actionId: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 0, maxLength: 42 }),
  hostileString.map(encode),
);

/** Next.js's request headers, each present or not: router state, prefetch, RSC, Next-Url, Next-Action, the site they say they come from. */
export function hostileNextHeaders(actionIds: string[]): fc.Arbitrary<Record<string, string>> {
  const ids = actionIds.length > 0 ? fc.oneof(fc.constantFrom(...actionIds), actionId) : actionId;
  return fc
    .record(
      {
        rsc: fc.constantFrom("1", "0", "", "true", "1, 1"),
        "next-router-state-tree": routerState,
        "next-router-prefetch": fc.constantFrom("1", "2", "0", "", "x"),
        "next-router-segment-prefetch": fc.oneof(
          fc.constantFrom("/_tree", "/_index", "/_full", "/", "//", "/children/__PAGE__"),
          hostileString.map(encode),
        ),
        "next-url": fc.oneof(
          fc.constantFrom("/", "/articles/x", "//evil.example", "/%", "/api/me", "javascript:alert(1)"),
          hostileString.map(encode),
        ),
        "next-action": ids,
        "next-hmr-refresh": fc.constant("1"),
        origin: fc.constantFrom("http://evil.example", "null", "not a url", ""),
        "sec-fetch-site": fc.constantFrom("cross-site", "same-site", "same-origin", "none", "x"),
        accept: fc.constantFrom("text/x-component", "*/*", "text/html"),
      },
      { requiredKeys: [] },
    )
    .map((headers) => Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== "")));
}

/**
 * A multipart body as a form posts a server action without JavaScript:
 * $ACTION_ID_<id>, or a bound action's $ACTION_REF_ and $ACTION_n:k parts,
 * and form fields (never a valid address, so that no action goes ahead).
 */
export function hostileActionForm(actionIds: string[]): fc.Arbitrary<HostileBody> {
  const ids = actionIds.length > 0 ? fc.oneof(fc.constantFrom(...actionIds), actionId) : actionId;
  const part = (name: string, value: string) =>
    `--folio\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  return fc
    .tuple(
      ids,
      fc.constantFrom("id", "ref"),
      fc.oneof(
        fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
        hostileString,
      ),
      fc.array(fc.tuple(fc.constantFrom("email", "0", "1_email", "$ACTION_KEY", "callbackUrl"), hostileString), {
        maxLength: 3,
      }),
    )
    .map(([id, kind, bound, fields]) => {
      const action =
        kind === "id"
          ? part(`$ACTION_ID_${id}`, "")
          : part("$ACTION_REF_1", "") +
            part("$ACTION_1:0", JSON.stringify({ id, bound: "$@1" })) +
            part("$ACTION_1:1", bound);
      const rest = fields.map(([name, value]) => part(name, value)).join("");
      return { contentType: "multipart/form-data; boundary=folio", body: `${action}${rest}--folio--\r\n` };
    });
}
