import type { ValueRankConfig } from '../../contract/config';
import { MALFORMED, isRecord, type Read } from './read-values';

export interface BusinessValueEvidence {
  /** The value read (number, or the option's mapped number); null when missing or unreadable. */
  value: number | null;
  /** The select option's text when the field is a select. */
  option: string | null;
  /** The value that counts as 1.0 (configured, or the largest observed among the candidates). */
  max: number;
}

/**
 * Reads a business value: a number field, or a select / text option mapped through `optionValues`
 * (case-insensitive). Negative numbers are malformed.
 */
export function readBusinessValue(raw: unknown, optionValues: ReadonlyMap<string, number>): { value: Read<number>; option: string | null } {
  if (raw === null || raw === undefined) return { value: null, option: null };
  // `+ 0` turns −0 into 0, so equal values are one value (shared evidence, map keys).
  if (typeof raw === 'number') return { value: Number.isFinite(raw) && raw >= 0 ? raw + 0 : MALFORMED, option: null };
  const option = typeof raw === 'string' ? raw : isRecord(raw) && typeof raw.value === 'string' ? raw.value : null;
  if (option === null) return { value: MALFORMED, option: null };
  const mapped = optionValues.get(option.trim().toLowerCase());
  return { value: mapped ?? MALFORMED, option };
}

export function optionValueMap(cfg: ValueRankConfig['businessValue']): ReadonlyMap<string, number> {
  return new Map(Object.entries(cfg.optionValues).map(([k, v]) => [k.trim().toLowerCase(), v]));
}

/** Normalised business value, 0–1: value / max, capped at 1; 0 when max is 0. */
export function businessValueFactor(value: number | null, max: number): number {
  if (value === null || max <= 0) return 0;
  return Math.min(1, value / max);
}
