/**
 * The value-vs-effort matrix without a DOM: points from backlog items, the quadrant rule, the scales, and a grid
 * index for finding the point under the pointer among thousands.
 */
import { FACTOR_IDS, type BacklogItem } from '../../src/contract/model';

export type Quadrant = 'quickWin' | 'bigBet' | 'fillIn' | 'moneyPit';
export type Kind = 'feature' | 'debt';

export const QUADRANT_LABELS: Record<Quadrant, string> = {
  quickWin: 'Quick wins',
  bigBet: 'Big bets',
  fillIn: 'Fill-ins',
  moneyPit: 'Money pits',
};

export const QUADRANT_HINTS: Record<Quadrant, string> = {
  quickWin: 'high value, low effort',
  bigBet: 'high value, high effort',
  fillIn: 'low value, low effort',
  moneyPit: 'low value, high effort',
};

export interface MatrixPoint {
  key: string;
  summary: string;
  /** 1-based value rank. */
  rank: number;
  /** 0–100: the score after the effort divisor. */
  score: number;
  /** 0–100: the score before the effort divisor (Σ contributions × divisor). */
  value: number;
  /** Story points; for an estimated item the median of the known estimates shown. */
  effort: number;
  estimated: boolean;
  kind: Kind;
}

/** The score before the effort divisor, 0–100: each contribution already carries the divisor, so it is multiplied back. */
export function valueOf(item: Pick<BacklogItem, 'factors' | 'effort'>): number {
  let sum = 0;
  // An answer from a server that knows fewer factors than this build leaves some out: they count as 0.
  for (const id of FACTOR_IDS) sum += (item.factors[id] as BacklogItem['factors'][typeof id] | undefined)?.contribution ?? 0;
  return sum * item.effort.divisor;
}

/** Median of a list (mean of the middle two when even); `fallback` when empty. */
export function median(values: readonly number[], fallback: number): number {
  if (values.length === 0) return fallback;
  const s = Float64Array.from(values).sort();
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : (s[mid - 1] as number) / 2 + (s[mid] as number) / 2;
}

/**
 * One point per item, in rank order. An item without an estimate has no points of its own: it is placed at the
 * median of the estimated items shown (the project median the score used is not part of the answer; with every
 * candidate loaded it is the same figure, up to issues this user cannot see) and marked estimated; 1 when none has one.
 */
export function toMatrixPoints(items: readonly BacklogItem[]): MatrixPoint[] {
  const known = items.flatMap((i) => (i.effort.estimated || i.effort.points === null ? [] : [i.effort.points]));
  const fill = median(known, 1);
  return [...items]
    .sort((a, b) => a.rank - b.rank)
    .map((i) => {
      const estimated = i.effort.estimated || i.effort.points === null;
      return {
        key: i.key,
        summary: i.summary,
        rank: i.rank,
        score: i.score,
        value: valueOf(i),
        effort: estimated ? fill : (i.effort.points as number),
        estimated,
        kind: i.isDebt ? 'debt' : 'feature',
      };
    });
}

export interface Split {
  value: number;
  effort: number;
}

/** The quadrant lines: the medians of value and effort over the points shown. */
export function splitOf(points: readonly MatrixPoint[]): Split {
  return {
    value: median(
      points.map((p) => p.value),
      0,
    ),
    effort: median(
      points.map((p) => p.effort),
      1,
    ),
  };
}

/** A point on a median line counts as high value and as low effort (the benefit of the doubt goes to doing it). */
export function quadrantOf(p: Pick<MatrixPoint, 'value' | 'effort'>, split: Split): Quadrant {
  const high = p.value >= split.value;
  const low = p.effort <= split.effort;
  return high ? (low ? 'quickWin' : 'bigBet') : low ? 'fillIn' : 'moneyPit';
}

/** The chart's layout in CSS px (its width follows the page). */
export const CHART = {
  HEIGHT: 520,
  /** Room for the axes' ticks and titles around the plot. */
  MARGIN: { left: 48, right: 16, top: 12, bottom: 44 },
  /** Pointer distance within which a point counts as hovered; also the hit grid's cell. */
  HIT_RADIUS: 8,
  /** Horizontal spread (±) of points that share an estimate. */
  SPREAD: 5,
} as const;

/** The plot area of a chart `width` px wide. */
export function frameOf(width: number): Frame {
  const m = CHART.MARGIN;
  return { left: m.left, top: m.top, width: width - m.left - m.right, height: CHART.HEIGHT - m.top - m.bottom };
}

/** Where the points are drawn, in CSS pixels of the chart. */
export interface Frame {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Scales {
  /** Effort (points) → x. Square-root: estimates grow roughly geometrically (1, 2, 3, 5, 8, 13…), so small ones stay apart. */
  x: (effort: number) => number;
  /** Value (0–100) → y; higher value is higher up. */
  y: (value: number) => number;
  maxEffort: number;
  maxValue: number;
}

/** The next round number at or above n: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k (so a bound wastes little of the plot). */
export function niceCeil(n: number): number {
  if (!(n > 0)) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(n)));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= n * (1 - 1e-12)) return Math.round(m * p * 1e6) / 1e6;
  return 10 * p;
}

/** Room above the largest value and right of the largest effort, so the outermost points are not on the frame. */
const HEADROOM = 1.05;

export function scalesOf(points: readonly MatrixPoint[], frame: Frame): Scales {
  let maxE = 0;
  let maxV = 0;
  for (const p of points) {
    if (p.effort > maxE) maxE = p.effort;
    if (p.value > maxV) maxV = p.value;
  }
  const maxEffort = niceCeil(maxE * HEADROOM);
  const maxValue = Math.min(100, niceCeil(maxV * HEADROOM));
  const sx = Math.sqrt(maxEffort);
  return {
    x: (e) => frame.left + (Math.sqrt(Math.max(0, Math.min(e, maxEffort))) / sx) * frame.width,
    y: (v) => frame.top + frame.height - (Math.max(0, Math.min(v, maxValue)) / maxValue) * frame.height,
    maxEffort,
    maxValue,
  };
}

/** Tick values for the effort axis: the usual estimate steps that fit the scale. */
export function effortTicks(maxEffort: number): number[] {
  const steps = [0, 1, 2, 3, 5, 8, 13, 21, 40, 100, 200, 500, 1000];
  const ticks = steps.filter((s) => s <= maxEffort);
  return ticks.includes(maxEffort) ? ticks : [...ticks, maxEffort];
}

/** Tick values for the value axis: about six round steps from 0 to the bound, the bound included. */
export function valueTicks(maxValue: number): number[] {
  const step = niceCeil(maxValue / 6);
  const ticks: number[] = [];
  for (let v = 0; v < maxValue - step / 2; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return [...ticks, maxValue];
}

/**
 * A small, stable horizontal offset per key (±`spread` px): estimates take few distinct values, so without it
 * thousands of points would sit on a handful of vertical lines.
 */
export function jitter(key: string, spread: number): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return (((h >>> 0) % 1001) / 1000 - 0.5) * 2 * spread;
}

/** Drawn positions, index-aligned with the points. */
export interface Placed {
  xs: Float64Array;
  ys: Float64Array;
}

export function place(points: readonly MatrixPoint[], scales: Scales, spread: number): Placed {
  const xs = new Float64Array(points.length);
  const ys = new Float64Array(points.length);
  points.forEach((p, i) => {
    xs[i] = scales.x(p.effort) + jitter(p.key, spread);
    ys[i] = scales.y(p.value);
  });
  return { xs, ys };
}

/** Points bucketed by a square grid of `cell` px, so a pointer looks at the few points near it, not at all of them. */
export interface HitIndex {
  cell: number;
  buckets: Map<string, number[]>;
  placed: Placed;
}

export function hitIndex(placed: Placed, cell: number): HitIndex {
  const buckets = new Map<string, number[]>();
  for (let i = 0; i < placed.xs.length; i++) {
    const id = `${Math.floor((placed.xs[i] as number) / cell)},${Math.floor((placed.ys[i] as number) / cell)}`;
    const b = buckets.get(id);
    if (b) b.push(i);
    else buckets.set(id, [i]);
  }
  return { cell, buckets, placed };
}

/**
 * The index of the point nearest to (x, y) within `radius` px (≤ the index's cell), or null. Of points at the
 * same distance the better-ranked one wins (lower index: points are in rank order).
 */
export function hitTest(index: HitIndex, x: number, y: number, radius: number): number | null {
  const cx = Math.floor(x / index.cell);
  const cy = Math.floor(y / index.cell);
  let best: number | null = null;
  let bestD = radius * radius;
  for (let gx = cx - 1; gx <= cx + 1; gx++) {
    for (let gy = cy - 1; gy <= cy + 1; gy++) {
      for (const i of index.buckets.get(`${gx},${gy}`) ?? []) {
        const dx = (index.placed.xs[i] as number) - x;
        const dy = (index.placed.ys[i] as number) - y;
        const d = dx * dx + dy * dy;
        if (d < bestD || (d === bestD && (best === null || i < best))) {
          best = i;
          bestD = d;
        }
      }
    }
  }
  return best;
}

/** Keyboard movement in rank order: arrows step by one, Page keys by ten, Home / End to the ends; null for other keys. */
export function stepFocus(current: number | null, key: string, count: number): number | null {
  if (count === 0) return null;
  const at = current ?? -1;
  const last = count - 1;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(last, at + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return current === null ? 0 : Math.max(0, at - 1);
    case 'PageDown':
      return Math.min(last, at + 10);
    case 'PageUp':
      return Math.max(0, at - 10);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
