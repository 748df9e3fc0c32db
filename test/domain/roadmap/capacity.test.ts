import { capacityFromSprints, type SprintRecord } from '../../../src/domain/roadmap';

const closed = (start: string, end: string, completedPoints: unknown): SprintRecord => ({
  state: 'closed',
  startDate: start,
  endDate: end,
  completedPoints,
});

describe('capacityFromSprints', () => {
  it('scales the median closed sprint to a quarter: median points × quarter days / median sprint days', () => {
    const result = capacityFromSprints(
      [
        closed('2026-01-05T09:00:00.000Z', '2026-01-19T09:00:00.000Z', 20),
        closed('2026-01-19T09:00:00.000Z', '2026-02-02T09:00:00.000Z', 40),
        closed('2026-02-02T09:00:00.000Z', '2026-02-16T09:00:00.000Z', 30),
      ],
      92,
    );
    expect(result).toEqual({ perQuarter: (30 * 92) / 14, sprintDays: 14, sampleSize: 3 });
  });

  it('takes the mean of the two middle values for an even sample', () => {
    const result = capacityFromSprints(
      [
        closed('2026-01-05', '2026-01-19', 10),
        closed('2026-01-19', '2026-02-02', 20),
        closed('2026-02-02', '2026-02-23', 30),
        closed('2026-02-23', '2026-03-16', 100),
      ],
      91,
    );
    expect(result.sprintDays).toBe(17.5);
    expect(result.perQuarter).toBeCloseTo((25 * 91) / 17.5, 10);
    expect(result.sampleSize).toBe(4);
  });

  it('skips malformed, open and future sprints instead of producing NaN', () => {
    const sprints = [
      closed('2026-01-05', '2026-01-19', 24),
      { state: 'active', startDate: '2026-03-02', endDate: '2026-03-16', completedPoints: 99 },
      { state: 'future', startDate: '2026-03-16', endDate: '2026-03-30' },
      { state: 'closed', startDate: '2026-01-05', completedPoints: 50 },
      closed('not a date', '2026-01-19', 50),
      closed('2026-01-19', '2026-01-05', 50),
      closed('2026-01-05T09:00:00Z', '2026-01-05T17:00:00Z', 50),
      closed('2026-01-05', '2026-01-19', '12'),
      closed('2026-01-05', '2026-01-19', Number.NaN),
      closed('2026-01-05', '2026-01-19', Number.POSITIVE_INFINITY),
      closed('2026-01-05', '2026-01-19', -3),
      closed('2026-01-05', '2026-01-19', null),
      { state: 42, startDate: '2026-01-05', endDate: '2026-01-19', completedPoints: 50 },
      null,
    ] as unknown as SprintRecord[];
    expect(capacityFromSprints(sprints, 92)).toEqual({ perQuarter: (24 * 92) / 14, sprintDays: 14, sampleSize: 1 });
  });

  it('accepts Date values and any letter case of the closed state', () => {
    const result = capacityFromSprints(
      [{ state: 'CLOSED', startDate: new Date(2026, 0, 5), endDate: new Date(2026, 0, 12), completedPoints: 7 }],
      91,
    );
    expect(result).toEqual({ perQuarter: 91, sprintDays: 7, sampleSize: 1 });
  });

  it('returns nulls when no sprint is usable', () => {
    expect(capacityFromSprints([], 92)).toEqual({ perQuarter: null, sprintDays: null, sampleSize: 0 });
    expect(capacityFromSprints([{ state: 'active', completedPoints: 5 }], 92)).toEqual({
      perQuarter: null,
      sprintDays: null,
      sampleSize: 0,
    });
  });

  it('counts a sprint with zero completed points', () => {
    expect(capacityFromSprints([closed('2026-01-05', '2026-01-19', 0)], 92).perQuarter).toBe(0);
  });

  it('rejects a quarter length that is not a positive number of days', () => {
    for (const days of [0, -90, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => capacityFromSprints([], days)).toThrow(RangeError);
    }
  });
});
