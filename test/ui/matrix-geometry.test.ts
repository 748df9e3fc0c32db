import { FACTOR_IDS, type BacklogItem, type Factor, type FactorId } from '../../src/contract/model';
import {
  effortTicks,
  hitIndex,
  hitTest,
  median,
  niceCeil,
  place,
  quadrantOf,
  scalesOf,
  splitOf,
  stepFocus,
  toMatrixPoints,
  valueOf,
  valueTicks,
  type MatrixPoint,
} from '../../static/shared/matrix-geometry';

/** An item whose contributions are `base` spread evenly over every factor, divided by `divisor` as the scorer does. */
function item(key: string, rank: number, base: number, points: number | null, divisor: number, isDebt = false): BacklogItem {
  const each = base / divisor / FACTOR_IDS.length;
  const factors = Object.fromEntries(FACTOR_IDS.map((id) => [id, { value: 0.5, weight: 1, contribution: each, evidence: {} }])) as Record<FactorId, Factor>;
  return {
    key,
    id: key.replace(/\D/g, ''),
    summary: `Summary of ${key}`,
    issueType: 'Story',
    status: 'To Do',
    rank,
    jiraRank: rank,
    score: base / divisor,
    confidence: 1,
    factors,
    effort: { points, divisor, estimated: points === null },
    customers: 0,
    isDebt,
    pin: null,
    gaps: [],
  };
}

const point = (value: number, effort: number): Pick<MatrixPoint, 'value' | 'effort'> => ({ value, effort });

describe('valueOf', () => {
  it('is the score before the effort divisor: Σ contributions × divisor', () => {
    const it = item('PAY-1', 1, 60, 4, 2);
    expect(it.score).toBe(30);
    expect(valueOf(it)).toBeCloseTo(60, 10);
  });

  it('counts a factor missing from the answer as 0 instead of NaN', () => {
    const it = item('PAY-1', 1, 50, 1, 1);
    const [first, ...rest] = FACTOR_IDS;
    const partial = { ...it, factors: Object.fromEntries(rest.map((id) => [id, it.factors[id]])) as Record<FactorId, Factor> };
    expect(first).toBeDefined();
    expect(valueOf(partial)).toBeCloseTo((50 * rest.length) / FACTOR_IDS.length, 10);
  });
});

describe('toMatrixPoints', () => {
  it('orders by rank, marks debt, and places unestimated items at the median of the known estimates, marked', () => {
    const points = toMatrixPoints([
      item('PAY-3', 3, 10, null, 1.7),
      item('PAY-1', 1, 40, 2, 1.41, true),
      item('PAY-2', 2, 30, 8, 2.83),
      item('PAY-4', 4, 5, 3, 1.73),
    ]);
    expect(points.map((p) => p.key)).toEqual(['PAY-1', 'PAY-2', 'PAY-3', 'PAY-4']);
    expect(points.map((p) => p.kind)).toEqual(['debt', 'feature', 'feature', 'feature']);
    expect(points[2]).toMatchObject({ estimated: true, effort: 3 });
    expect(points[1]).toMatchObject({ estimated: false, effort: 8 });
    expect(points[0]!.value).toBeCloseTo(40, 10);
  });

  it('places unestimated items at 1 point when no item has an estimate', () => {
    expect(toMatrixPoints([item('PAY-1', 1, 10, null, 1)])[0]).toMatchObject({ effort: 1, estimated: true });
  });
});

describe('quadrants', () => {
  it('splits at the medians of value and effort', () => {
    const pts = [point(10, 1), point(20, 2), point(30, 3), point(40, 5), point(50, 8)].map((p, i) => ({ ...p, key: `K-${i}` }) as MatrixPoint);
    expect(splitOf(pts)).toEqual({ value: 30, effort: 3 });
  });

  it.each([
    [point(80, 1), 'quickWin'],
    [point(80, 13), 'bigBet'],
    [point(5, 1), 'fillIn'],
    [point(5, 13), 'moneyPit'],
    [point(30, 3), 'quickWin'],
    [point(29.9, 3.1), 'moneyPit'],
  ] as const)('%o → %s (split at value 30, effort 3; on a line counts as high value, low effort)', (p, q) => {
    expect(quadrantOf(p, { value: 30, effort: 3 })).toBe(q);
  });

  it('takes the mean of the middle two for an even count', () => {
    expect(median([4, 1, 3, 2], 0)).toBe(2.5);
    expect(median([], 7)).toBe(7);
  });
});

describe('scales', () => {
  const frame = { left: 40, top: 10, width: 400, height: 300 };
  const pts = [
    { value: 0, effort: 0 },
    { value: 37, effort: 13 },
  ] as MatrixPoint[];

  it('rounds the bounds up to a round number close above, with 5 % headroom, and caps value at 100', () => {
    expect([niceCeil(13), niceCeil(37), niceCeil(0), niceCeil(100), niceCeil(0.3), niceCeil(51), niceCeil(22.05)]).toEqual([15, 40, 1, 100, 0.3, 60, 25]);
    expect(scalesOf([{ value: 99, effort: 1 }] as MatrixPoint[], frame).maxValue).toBe(100);
    // 13 × 1.05 = 13.65 → 15; 37 × 1.05 = 38.85 → 40.
    const s = scalesOf(pts, frame);
    expect([s.maxEffort, s.maxValue]).toEqual([15, 40]);
  });

  it('maps value linearly upwards and effort by square root to the right, clamped to the frame', () => {
    const s = scalesOf(pts, frame);
    expect(s.y(0)).toBe(310);
    expect(s.y(40)).toBe(10);
    expect(s.y(20)).toBe(160);
    expect(s.x(0)).toBe(40);
    expect(s.x(15)).toBe(440);
    expect(s.x(5)).toBeCloseTo(40 + 400 * Math.sqrt(5 / 15), 10);
    expect(s.x(-3)).toBe(40);
    expect(s.y(1000)).toBe(10);
  });

  it('labels the effort axis with estimate steps up to the bound', () => {
    expect(effortTicks(20)).toEqual([0, 1, 2, 3, 5, 8, 13, 20]);
    expect(effortTicks(13)).toEqual([0, 1, 2, 3, 5, 8, 13]);
  });

  it('labels the value axis in round steps up to the bound', () => {
    expect(valueTicks(60)).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(valueTicks(40)).toEqual([0, 8, 16, 24, 32, 40]);
    expect(valueTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
  });
});

describe('hit-testing', () => {
  const placed = { xs: Float64Array.from([10, 14, 100, 300]), ys: Float64Array.from([10, 10, 100, 300]) };
  const index = hitIndex(placed, 16);

  it('finds the nearest point within the radius', () => {
    expect(hitTest(index, 13, 11, 8)).toBe(1);
    expect(hitTest(index, 9, 9, 8)).toBe(0);
    expect(hitTest(index, 104, 97, 8)).toBe(2);
  });

  it('finds a point in a neighbouring grid cell', () => {
    // The point at 300,300 is in grid cell (18,18); the pointer at 287,300 is in cell (17,18).
    expect(hitTest(index, 287, 300, 16)).toBe(3);
  });

  it('answers null away from every point', () => {
    expect(hitTest(index, 200, 200, 8)).toBeNull();
    expect(hitTest(index, 30, 10, 8)).toBeNull();
  });

  it('prefers the better-ranked of two points at the same distance', () => {
    expect(hitTest(index, 12, 10, 8)).toBe(0);
  });

  it('agrees with a scan of every point on 5,000 placed points', () => {
    const n = 5000;
    const pts = Array.from({ length: n }, (_, i) => ({ key: `PAY-${i}`, value: (i * 37) % 100, effort: (i * 13) % 21 }) as MatrixPoint);
    const big = place(pts, scalesOf(pts, { left: 0, top: 0, width: 900, height: 500 }), 4);
    const idx = hitIndex(big, 12);
    for (let q = 0; q < 300; q++) {
      const x = (q * 7919) % 900;
      const y = (q * 104729) % 500;
      let want: number | null = null;
      let wantD = 10 * 10;
      for (let i = 0; i < n; i++) {
        const d = (big.xs[i]! - x) ** 2 + (big.ys[i]! - y) ** 2;
        if (d < wantD) {
          want = i;
          wantD = d;
        }
      }
      expect(hitTest(idx, x, y, 10)).toBe(want);
    }
  });
});

describe('stepFocus', () => {
  it('moves in rank order and stops at the ends', () => {
    expect(stepFocus(null, 'ArrowRight', 5)).toBe(0);
    expect(stepFocus(null, 'ArrowLeft', 5)).toBe(0);
    expect(stepFocus(2, 'ArrowDown', 5)).toBe(3);
    expect(stepFocus(4, 'ArrowRight', 5)).toBe(4);
    expect(stepFocus(0, 'ArrowUp', 5)).toBe(0);
    expect(stepFocus(1, 'PageDown', 50)).toBe(11);
    expect(stepFocus(3, 'PageUp', 50)).toBe(0);
    expect(stepFocus(3, 'End', 50)).toBe(49);
    expect(stepFocus(3, 'Home', 50)).toBe(0);
  });

  it('ignores other keys and empty charts', () => {
    expect(stepFocus(1, 'a', 5)).toBeNull();
    expect(stepFocus(null, 'ArrowRight', 0)).toBeNull();
  });
});
