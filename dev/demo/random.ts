/**
 * The one seeded random generator of dev, tests and benchmarks (mulberry32): the same seed gives the same sequence
 * on every machine. Never use Math.random or Date.now in dev/demo — seeds must be byte-for-byte reproducible.
 * `src/` never imports it: the app itself has no use for chance.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** An independent stream for one part of the site, so changing one part leaves the others as they were. */
  fork(label: string): Rng {
    let h = 2166136261 ^ this.state;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619);
    return new Rng(h >>> 0);
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight; `choices` are `[value, weight]` pairs with weights ≥ 0 and a positive sum. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of choices) total += w;
    let r = this.next() * total;
    for (const [value, w] of choices) {
      r -= w;
      if (r < 0) return value;
    }
    const last = choices[choices.length - 1];
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  /** Shuffles in place (Fisher–Yates) and returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = items[i] as T;
      items[i] = items[j] as T;
      items[j] = a;
    }
    return items;
  }

  /** `n` lower-case hex digits. */
  hex(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }
}

/** The {@link Rng} stream as a bare function of floats in [0, 1), for code that needs nothing more. */
export function seededRandom(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

/**
 * Weighted picking from a large, fixed population in O(log n) per pick (cumulative weights and a
 * binary search), for the scale site where `Rng.weighted` would be quadratic.
 */
export class WeightedTable<T> {
  private readonly cumulative: number[] = [];
  private readonly values: T[] = [];
  private total = 0;

  constructor(entries: Iterable<readonly [T, number]>) {
    for (const [value, weight] of entries) {
      if (!(weight > 0)) continue;
      this.total += weight;
      this.cumulative.push(this.total);
      this.values.push(value);
    }
  }

  get size(): number {
    return this.values.length;
  }

  pick(rng: Rng): T {
    if (this.values.length === 0) throw new Error('pick from an empty table');
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo] as T;
  }
}
