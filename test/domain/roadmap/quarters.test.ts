import { daysInQuarter, proRatedCapacity, quarterHorizon, quarterLabel, quarterOffset } from '../../../src/domain/roadmap';

describe('quarters', () => {
  const now = new Date(2026, 10, 25, 14, 30);

  it('starts the horizon at the quarter holding now, with yyyy-Qn labels and ISO first/last days', () => {
    const slots = quarterHorizon(now, 4);
    expect(slots.map((s) => [s.label, s.start, s.end])).toEqual([
      ['2026-Q4', '2026-10-01', '2026-12-31'],
      ['2027-Q1', '2027-01-01', '2027-03-31'],
      ['2027-Q2', '2027-04-01', '2027-06-30'],
      ['2027-Q3', '2027-07-01', '2027-09-30'],
    ]);
  });

  it('leaves 36 of Q4’s 92 days open on 2026-11-25 and all days of later quarters', () => {
    const [q4, q1] = quarterHorizon(now, 2);
    expect(q4).toMatchObject({ days: 92, openDays: 36 });
    expect(q1).toMatchObject({ days: 90, openDays: 90 });
  });

  it('pro-rates the current quarter’s capacity by open days, fractions allowed', () => {
    const [q4, q1] = quarterHorizon(now, 2);
    expect(proRatedCapacity(30, q4!)).toBeCloseTo((30 * 36) / 92, 10);
    expect(proRatedCapacity(30, q1!)).toBe(30);
  });

  it('leaves nothing open on the last day of a quarter', () => {
    const [q4] = quarterHorizon(new Date(2026, 11, 31, 9), 1);
    expect(q4!.openDays).toBe(0);
    expect(proRatedCapacity(30, q4!)).toBe(0);
  });

  it('counts quarter days on the calendar, leap years included', () => {
    expect(daysInQuarter(new Date(2027, 1, 10))).toBe(90);
    expect(daysInQuarter(new Date(2028, 1, 10))).toBe(91);
    expect(daysInQuarter(new Date(2026, 7, 1))).toBe(92);
  });

  it('labels and offsets quarters relative to now, rejecting malformed labels', () => {
    expect(quarterLabel(new Date(2027, 4, 3))).toBe('2027-Q2');
    expect(quarterOffset('2026-Q4', now)).toBe(0);
    expect(quarterOffset('2027-Q1', now)).toBe(1);
    expect(quarterOffset('2025-Q3', now)).toBe(-5);
    for (const bad of ['2027-Q5', '2027Q1', 'Q1-2027', '27-Q1', '', '2027-q1']) expect(quarterOffset(bad, now)).toBeNull();
  });
});
