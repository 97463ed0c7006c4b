// The line of an offset in a text read chunk by chunk, for the report's
// "item 12 (line 340)". Each character is counted once: offsets are asked
// in increasing order, each within the current chunk.

function newlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf("\n", from); at !== -1 && at < to; at = text.indexOf("\n", at + 1)) count += 1;
  return count;
}

export class LineCounter {
  private chunk = "";
  private chunkStart = 0;
  /** The offset counted up to, and the line there (1-based). */
  private counted = 0;
  private line = 1;

  /** Call with every chunk, in order, before asking for offsets in it. */
  next(chunk: string): void {
    this.line += newlines(this.chunk, this.counted - this.chunkStart, this.chunk.length);
    this.chunkStart += this.chunk.length;
    this.counted = this.chunkStart;
    this.chunk = chunk;
  }

  /**
   * The line of `offset`. An offset in an earlier chunk is given the line
   * the current chunk starts on: right for the start of a tag that spans two
   * chunks, as a tag's name holds no newline.
   */
  lineAt(offset: number): number {
    const to = Math.min(Math.max(offset, this.counted), this.chunkStart + this.chunk.length);
    this.line += newlines(this.chunk, this.counted - this.chunkStart, to - this.chunkStart);
    this.counted = to;
    return this.line;
  }
}
