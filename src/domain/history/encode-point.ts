import type { Facts, PointEntry } from './types';

/**
 * A point as stored: tuples, not objects, and facts only where they differ from the previous point's (delta).
 * `[id, score × 100]` when the facts are unchanged, `[id, score × 100, facts]` otherwise. About 15 bytes an
 * unchanged issue.
 */
export type StoredEntry = [string, number] | [string, number, StoredFacts];

/** key, values × 1000, customers, due, points, business value, blocked keys, pin (0 or [position, quarter, by]). */
export type StoredFacts = [string, number[], number, string | null, number | null, number | null, string[], 0 | [number | null, string | null, string | null]];

export function encodeFacts(f: Facts): StoredFacts {
  return [
    f.key,
    f.values.map((v) => Math.round(v * 1000)),
    f.customers,
    f.due,
    f.points,
    f.businessValue,
    f.blocks,
    f.pin === null ? 0 : [f.pin.position, f.pin.quarter, f.pin.by],
  ];
}

export function decodeFacts(t: StoredFacts): Facts {
  const pin = t[7];
  return {
    key: t[0],
    values: t[1].map((v) => v / 1000),
    customers: t[2],
    due: t[3],
    points: t[4],
    businessValue: t[5],
    blocks: t[6],
    pin: pin === 0 ? null : { position: pin[0], quarter: pin[1], by: pin[2] },
  };
}

/**
 * Encodes `entries` against `previous` (the facts of the point stored before, by issue id; null: a base point,
 * which carries every issue's facts).
 */
export function encodeEntries(entries: readonly PointEntry[], previous: ReadonlyMap<string, Facts> | null): StoredEntry[] {
  return entries.map((e) => {
    const score = Math.round(e.score * 100);
    const facts = encodeFacts(e.facts);
    const before = previous?.get(e.id);
    if (before !== undefined && JSON.stringify(encodeFacts(before)) === JSON.stringify(facts)) return [e.id, score];
    return [e.id, score, facts];
  });
}

/** The inverse of encodeEntries. An entry without facts and no previous facts for its id is corrupt: it throws. */
export function decodeEntries(stored: readonly StoredEntry[], previous: ReadonlyMap<string, Facts> | null): PointEntry[] {
  return stored.map((s) => {
    const facts = s.length === 3 ? decodeFacts(s[2]) : previous?.get(s[0]);
    if (facts === undefined) throw new HistoryCorruptError(`history entry ${s[0]} has no facts to build on`);
    return { id: s[0], score: s[1] / 100, facts };
  });
}

export class HistoryCorruptError extends Error {
  readonly code = 'HISTORY_CORRUPT' as const;
  constructor(message: string) {
    super(message);
    this.name = 'HistoryCorruptError';
  }
}

export const factsById = (entries: readonly PointEntry[]): Map<string, Facts> => new Map(entries.map((e) => [e.id, e.facts]));
