// A server-action call that Next.js would answer with a 500 because it cannot
// decode it: a POST with a Next-Action header (a call from script), or a form
// posted without JavaScript whose bound arguments are unreadable. Checked in
// proxy.ts, so that such a call gets a 400 with a sentence instead. (One from
// another site was refused before, by the web server:
// server/refuse-cross-site-action.ts.) What a real browser sends passes:
// React's encodeReply gives a text/plain JSON array, or multipart when
// arguments hold a form, and React's server rendering writes the form fields
// read in unreadableBoundForm.

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

const MULTIPART = /^multipart\/form-data/i;

export async function refuseActionRequest(request: Request): Promise<ActionRefusal | null> {
  if (request.method !== "POST") return null;
  const type = request.headers.get("content-type") ?? "";
  if (!request.headers.get("next-action")) return MULTIPART.test(type) ? refuseBoundForm(request) : null;
  try {
    if (MULTIPART.test(type)) {
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

// A form whose action has bound arguments (action.bind(null, slug) under
// useActionState) is rendered with the fields $ACTION_REF_n, "$ACTION_n:0"
// ({"id": ..., "bound": "$@1"}) and "$ACTION_n:1" (the arguments, a JSON
// list). React decodes them when the form is posted, and Next.js answered a
// 500 when one was not JSON or pointed at nothing. Folio binds plain values
// only, so the arguments may hold no references to other fields.
async function refuseBoundForm(request: Request): Promise<ActionRefusal | null> {
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    // proxy.ts answers a body that is not multipart at all.
    return null;
  }
  const prefixes = [...form.keys()]
    .filter((key) => key.startsWith("$ACTION_REF_"))
    .map((key) => `$ACTION_${key.slice("$ACTION_REF_".length)}:`);
  if (prefixes.every((prefix) => readableBoundAction(form, prefix))) return null;
  return { status: 400, message: "Bad request: the form's action could not be read." };
}

function readableBoundAction(form: FormData, prefix: string): boolean {
  const metadata = jsonField(form, `${prefix}0`);
  if (metadata === undefined || metadata === null || typeof metadata !== "object" || Array.isArray(metadata))
    return false;
  const { id, bound } = metadata as { id?: unknown; bound?: unknown };
  if (typeof id !== "string" || id.startsWith("$")) return false;
  if (bound === null) return true;
  // "$@1": the field holding the arguments, its number written in hexadecimal.
  const reference = typeof bound === "string" ? /^\$@([0-9a-f]{1,8})$/i.exec(bound) : null;
  if (!reference) return false;
  const args = jsonField(form, `${prefix}${parseInt(reference[1]!, 16)}`);
  return Array.isArray(args) && onlyInlineReferences(args);
}

/** The field's value read as JSON; undefined when it is absent, a file or not JSON. */
function jsonField(form: FormData, name: string): unknown {
  const value = form.get(name);
  if (typeof value !== "string") return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}
