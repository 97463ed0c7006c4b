// What a caller handed to ServerResponse.write or end, as bytes: the
// wrappers that read a response's body (page-cache.ts, remove-page-scripts.ts)
// see the same arguments Node's own write takes.

/** The chunk as a Buffer (a view of a Uint8Array, not a copy), or null when the argument carries no body. */
export function writtenChunk(chunk: unknown, encoding: unknown): Buffer | null {
  if (chunk === undefined || chunk === null || typeof chunk === "function") return null;
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
}
