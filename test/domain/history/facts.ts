import { FACTOR_IDS, type FactorId } from '../../../src/contract/model';
import type { Facts, HistoryPoint } from '../../../src/domain/history';

/** Facts of one issue with everything at rest; a test overrides what it is about. */
export function facts(key: string, over: Partial<Facts> = {}): Facts {
  return { key, values: FACTOR_IDS.map(() => 0.2), customers: 1, due: null, points: 3, businessValue: 3, blocks: [], pin: null, ...over };
}

export const WEIGHTS = Object.fromEntries(FACTOR_IDS.map((f) => [f, 20])) as Record<FactorId, number>;

export const valuesWith = (factor: FactorId, v: number): number[] => FACTOR_IDS.map((f) => (f === factor ? v : 0.2));

/** A point whose entries are `[id, score, facts]` in rank order. */
export function point(at: string, entries: [string, number, Facts][], configVersion = 1, weights = WEIGHTS): HistoryPoint {
  return { at, configVersion, weights, entries: entries.map(([id, score, f]) => ({ id, score, facts: f })) };
}
