import { FACTOR_IDS } from '../../src/contract/model';
import type { HistoryPoint, PointEntry } from '../../src/domain/history';
import { Rng } from '../../dev/demo/random';

/**
 * A synthetic project that changes day by day, as a point per day: each day about 3 % of the issues get a new
 * fact (business value, due date, customers, points, a blocked issue), a few are resolved and a few created, and
 * every score drifts a little (time criticality, recency). Deterministic for a seed.
 */
export function* syntheticDays(issues: number, days: number, seed = 7): Generator<HistoryPoint> {
  const rng = new Rng(seed);
  let next = 10_000;
  const make = (): PointEntry => {
    const id = String(next++);
    return {
      id,
      score: Math.round(rng.next() * 10_000) / 100,
      facts: {
        key: `PAY-${Number(id) - 9000}`,
        values: FACTOR_IDS.map(() => Math.round(rng.next() * 1000) / 1000),
        customers: Math.floor(rng.next() * 5),
        due: rng.next() < 0.3 ? `2027-0${1 + Math.floor(rng.next() * 9)}-1${Math.floor(rng.next() * 9)}` : null,
        points: [1, 2, 3, 5, 8, null][Math.floor(rng.next() * 6)] ?? null,
        businessValue: Math.floor(rng.next() * 10),
        blocks: rng.next() < 0.15 ? [`PAY-${Math.floor(rng.next() * issues)}`] : [],
        pin: null,
      },
    };
  };
  let entries = Array.from({ length: issues }, make);
  for (let day = 0; day < days; day++) {
    entries = entries
      .filter(() => rng.next() > 0.004)
      .map((e) => {
        const drift = Math.round((e.score + (rng.next() - 0.5)) * 100) / 100;
        if (rng.next() > 0.03) return { ...e, score: Math.max(0, drift) };
        return {
          ...e,
          score: Math.max(0, Math.round((drift + 3) * 100) / 100),
          facts: { ...e.facts, customers: e.facts.customers + 1, businessValue: Math.floor(rng.next() * 10) },
        };
      });
    while (entries.length < issues) entries.push(make());
    entries.sort((a, b) => b.score - a.score);
    yield {
      at: new Date(Date.UTC(2026, 8, 1) + day * 86_400_000 + 3_600_000).toISOString(),
      configVersion: 3,
      weights: Object.fromEntries(FACTOR_IDS.map((f) => [f, 20])) as HistoryPoint['weights'],
      entries,
    };
  }
}
