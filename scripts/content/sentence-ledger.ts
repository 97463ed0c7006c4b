// Remembers every sentence generated in a run, so that the generator can
// guarantee no sentence appears twice: the paywall leak tests search a page
// for a sentence from an article's gated part, and a sentence that also
// occurs in some other, visible article would make that search meaningless.
//
// Storing 32-bit hashes instead of the strings keeps a 50,000-article run
// (about two million sentences) at a few megabytes. A hash collision between
// two different sentences only makes the generator pick another sentence.
export class SentenceLedger {
  private table: Uint32Array;
  private size = 0;

  constructor(initialCapacity = 1 << 14) {
    this.table = new Uint32Array(initialCapacity);
  }

  /** Records `text`; returns false if it (or, rarely, a hash twin) was recorded before. */
  add(text: string): boolean {
    if ((this.size + 1) * 2 > this.table.length) this.grow();
    return this.insert(hash(text));
  }

  private insert(key: number): boolean {
    const mask = this.table.length - 1;
    for (let slot = key & mask; ; slot = (slot + 1) & mask) {
      const existing = this.table[slot];
      if (existing === 0) {
        this.table[slot] = key;
        this.size += 1;
        return true;
      }
      if (existing === key) return false;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    this.size = 0;
    for (const key of old) if (key !== 0) this.insert(key);
  }
}

// FNV-1a with a murmur3 finaliser for a good spread; 0 marks an empty slot,
// so it is mapped to 1.
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    h ^= text.charCodeAt(index);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}
