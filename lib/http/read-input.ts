// The fields of a POST, sent as a form (a browser without JavaScript) or as
// JSON (scripts, the API). Bodies over the limit or that do not parse give
// null, which routes answer with 400.
const MAX_BYTES = 16 * 1024;

export function isFormPost(request: Request): boolean {
  const type = request.headers.get("content-type") ?? "";
  return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
}

/**
 * `maxBytes` raises the limit for a route that takes long text (an article's
 * body); `lists` names form fields that may repeat (checkboxes), read as arrays.
 */
export async function readInput(
  request: Request,
  options: { maxBytes?: number; lists?: string[] } = {},
): Promise<Record<string, unknown> | null> {
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) return null;
  const text = await request.text().catch(() => null);
  if (text === null || text.length > maxBytes) return null;
  if (isFormPost(request)) {
    if (!(request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) return null;
    const fields = new URLSearchParams(text);
    const input: Record<string, unknown> = Object.fromEntries(fields.entries());
    for (const name of options.lists ?? []) input[name] = fields.getAll(name);
    return input;
  }
  if (text.trim() === "") return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
