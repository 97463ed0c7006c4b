// A server-action call (a POST with a Next-Action header) that Next.js would
// answer with a 500 because it cannot decode it. Checked in proxy.ts, so that
// such a call gets a 400 with a sentence instead. (One from another site was
// refused before, by the web server: server/refuse-cross-site-action.ts.)
// What a real browser sends passes: React's encodeReply gives a text/plain
// JSON array, or multipart when arguments hold a form.

// References a text/plain body can hold; others ($@1, $K1, $Q2, $B3, ...)
// point at parts that only a multipart body carries.
const INLINE_REFERENCE = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n)/;

function onlyInlineReferences(value: unknown): boolean {
  if (typeof value === "string") return !value.startsWith("$") || INLINE_REFERENCE.test(value);
  if (Array.isArray(value)) return value.every(onlyInlineReferences);
  if (value !== null && typeof value === "object") return Object.values(value).every(onlyInlineReferences);
  return true;
}

export type ActionRefusal = { status: 400; message: string };

export async function refuseActionRequest(request: Request): Promise<ActionRefusal | null> {
  if (request.method !== "POST" || !request.headers.get("next-action")) return null;
  const type = request.headers.get("content-type") ?? "";
  try {
    if (/^multipart\/form-data/i.test(type)) {
      // React puts the arguments' root in the part named "0"; without it
      // Next.js waits for it and fails ("Connection closed.").
      // The root is the list of arguments: anything else ("0", an object)
      // made Next.js fail applying the action to it (a 500).
      const root = (await request.clone().formData()).get("0");
      if (typeof root === "string" && Array.isArray(JSON.parse(root))) return null;
      return { status: 400, message: "Bad request: the action's arguments could not be read." };
    }
    // React sends at least "[]"; an empty body is nothing Next.js can decode
    // (it failed with a 500 on JSON.parse).
    const body = await request.clone().text();
    const parsed: unknown = JSON.parse(body);
    if (Array.isArray(parsed) && onlyInlineReferences(parsed)) return null;
  } catch {
    // Falls through to the refusal.
  }
  return { status: 400, message: "Bad request: the action's arguments could not be read." };
}
