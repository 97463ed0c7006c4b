// A tiny seeded PRNG. Generated content must be identical for a seed on every
// machine and Node version, which Math.random cannot promise; mulberry32 is
// 32-bit integer arithmetic only, so it is exactly reproducible.
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
