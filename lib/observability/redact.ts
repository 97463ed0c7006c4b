// Log lines must not carry a secret or a reader's personal data: a sign-in
// or account token, a session token, an email address. Whatever text reaches
// the log (an error message from a library, a URL) passes through here.
const EMAIL = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
// Auth.js session tokens are UUIDs; sign-in and account tokens are long
// random strings. Ids in Folio (cuid, Stripe's "sub_...") are shorter.
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const LONG_TOKEN = /[A-Za-z0-9_-]{32,}/g;
// Values after token=, email=, code= in URLs and form bodies, however short.
const SECRET_PARAM = /\b(token|email|code|session_token|sessionToken|identifier)=([^&\s"']+)/gi;

export function redact(text: string): string {
  return text
    .replace(SECRET_PARAM, (_match, name: string) => `${name}=[redacted]`)
    .replace(EMAIL, "[email]")
    .replace(UUID, "[redacted]")
    .replace(LONG_TOKEN, "[redacted]");
}
