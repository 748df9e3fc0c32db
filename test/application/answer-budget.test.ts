import fc from 'fast-check';
import type { BacklogItem, Roadmap } from '../../src/contract/model';
import { fitMoves, fitPage, fitRoadmap } from '../../src/application/backlog/answer-budget';
import { jsonBytes } from '../../src/application/shared/json-bytes';

const item = (n: number, bytes: number): BacklogItem => ({ key: `PRJ-${n}`, summary: 'x'.repeat(bytes) }) as unknown as BacklogItem;

describe('fitPage', () => {
  it('serves a page that fits as asked', () => {
    const items = [item(1, 10), item(2, 10)];
    expect(fitPage(items, 3, 2, 1000)).toEqual({ items, page: 3, pageSize: 2, capped: false });
  });

  it('shrinks an oversized page to a divisor of its size that starts at the same offset and fits the budget', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 200, max: 4000 }),
        (pageSize, page, sizes, budget) => {
          const items = sizes.slice(0, pageSize).map((s, i) => item(page * pageSize + i + 1, s));
          const fitted = fitPage(items, page, pageSize, budget);
          expect(fitted.page * fitted.pageSize).toBe(page * pageSize);
          expect(pageSize % fitted.pageSize).toBe(0);
          expect(fitted.items).toEqual(items.slice(0, fitted.pageSize));
          expect(fitted.capped).toBe(fitted.pageSize < pageSize);
          if (fitted.pageSize > 1) expect(jsonBytes(fitted.items)).toBeLessThanOrEqual(budget + fitted.items.length);
          if (!fitted.capped) expect(fitted.items).toBe(items);
        },
      ),
      { numRuns: 500, seed: 3 },
    );
  });
});

describe('fitRoadmap and fitMoves', () => {
  it('cut a roadmap from the end of later, then of the quarters, and say how much', () => {
    const entry = (n: number) => ({ key: `PRJ-${n}`, points: 3, reason: 'r'.repeat(100) });
    const roadmap: Roadmap = {
      quarters: [
        {
          label: '2026-Q4',
          start: '2026-10-01',
          end: '2026-12-31',
          capacity: 30,
          used: { feature: 30, debt: 0 },
          items: Array.from({ length: 50 }, (_, i) => ({ ...entry(i), kind: 'feature' as const })),
        },
      ],
      later: Array.from({ length: 50 }, (_, i) => entry(100 + i)),
      warnings: [],
    };
    const fitted = fitRoadmap(roadmap, 8000);
    expect(jsonBytes(fitted)).toBeLessThanOrEqual(8000);
    expect(fitted.cappedBy).toBe('bytes');
    expect(fitted.later).toHaveLength(0);
    expect(fitted.quarters[0]!.items.length).toBeGreaterThan(0);
    expect(fitted.omitted).toBe(100 - fitted.quarters[0]!.items.length);
    expect(fitted.quarters[0]!.items[0]!.key).toBe('PRJ-0');
    expect(fitRoadmap(roadmap)).toBe(roadmap);
  });

  it('leave unchanged rank movements out first when they do not fit', () => {
    const moves = Array.from({ length: 200 }, (_, i) => ({ key: `PRJ-${i}`, from: i + 1, to: i % 10 === 0 ? i + 2 : i + 1 }));
    const fitted = fitMoves(moves, 2000);
    expect(fitted.cappedBy).toBe('bytes');
    expect(fitted.moves.every((m) => m.from !== m.to)).toBe(true);
    expect(fitted.moves).toHaveLength(20);
    expect(fitted.omitted).toBe(180);
    expect(fitMoves(moves)).toEqual({ moves });
  });
});
