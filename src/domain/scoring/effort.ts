import type { EffortInfo } from '../../contract/model';
import type { ValueRankConfig } from '../../contract/config';
import { MALFORMED, readNumber, type Read } from './read-values';

/** Story points of an issue: a finite number ≥ 0, null when absent, MALFORMED otherwise. */
export function readPoints(raw: unknown): Read<number> {
  const v = readNumber(raw);
  // `+ 0` turns −0 into 0, so equal estimates are one value (shared effort info, map keys).
  return typeof v === 'number' ? (v < 0 ? MALFORMED : v + 0) : v;
}

/** Median (points) of the readable estimates; `fallback` when there are none. */
export function medianPoints(values: readonly number[], fallback: number): number {
  if (values.length === 0) return fallback;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  // Halves first: (a + b) / 2 overflows to Infinity for estimates near Number.MAX_VALUE.
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : (sorted[mid - 1] as number) / 2 + (sorted[mid] as number) / 2;
}

/**
 * The effort divisor: max(points, minPoints) ^ exponent, so it is ≥ 1 and the score stays within 0–100.
 * Missing or malformed points use the project median, marked `estimated`.
 */
export function effortOf(points: Read<number>, median: number, cfg: ValueRankConfig['effort']): EffortInfo {
  const known = typeof points === 'number';
  const used = known ? points : median;
  const divisor = cfg.exponent === 0 ? 1 : Math.pow(Math.max(used, cfg.minPoints), cfg.exponent);
  return { points: known ? points : null, divisor, estimated: !known };
}
