// A seeded pseudo-random generator (mulberry32), so that generated plans are the same on every run.

export function seededRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** An integer in [min, max]. */
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  /** `count` distinct items of `items` (all of them when there are fewer). */
  const sample = (items, count) => {
    const pool = [...items];
    const picked = [];
    while (picked.length < count && pool.length > 0) picked.push(pool.splice(int(0, pool.length - 1), 1)[0]);
    return picked;
  };
  return { next, int, sample };
}
