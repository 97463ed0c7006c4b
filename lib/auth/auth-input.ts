// Input Auth.js refuses with a 500 ("server configuration" error) although
// the client sent it: a callbackUrl in the query or the callback-url cookie
// that is not an http(s) URL. Checked first, so it is answered with a 400.
const CALLBACK_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

/** Auth.js's own rule (assertConfig): a path, or an absolute http(s) URL. */
function isHttpUrl(value: string, base: string): boolean {
  try {
    return /^https?:/.test(new URL(value, value.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}

function cookieValues(header: string | null, names: string[]): string[] {
  if (!header) return [];
  return header
    .split(";")
    .map((part) => part.trim().split("="))
    .filter(([name]) => name !== undefined && names.includes(name))
    .map(([, ...value]) => {
      try {
        return decodeURIComponent(value.join("="));
      } catch {
        return "\u0000";
      }
    });
}

/** A message for the 400 when the request would make Auth.js fail, else null. */
export function refusedAuthInput(request: Request): string | null {
  const url = new URL(request.url);
  const query = url.searchParams.getAll("callbackUrl");
  const cookies = cookieValues(request.headers.get("cookie"), CALLBACK_COOKIES);
  if ([...query, ...cookies].some((value) => value !== "" && !isHttpUrl(value, url.origin))) {
    return "callbackUrl must be a path on this site.";
  }
  return null;
}
