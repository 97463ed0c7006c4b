// The fields of a POST, sent as a form (a browser without JavaScript) or as
// JSON (scripts, the API). Bodies over the limit or that do not parse give
// null, which routes answer with 400.
const MAX_BYTES = 16 * 1024;

export function isFormPost(request: Request): boolean {
  const type = request.headers.get("content-type") ?? "";
  return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
}

export async function readInput(request: Request): Promise<Record<string, unknown> | null> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BYTES) return null;
  const text = await request.text().catch(() => null);
  if (text === null || text.length > MAX_BYTES) return null;
  if (isFormPost(request)) {
    if (!(request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) return null;
    const fields = new URLSearchParams(text);
    return Object.fromEntries(fields.entries());
  }
  if (text.trim() === "") return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
