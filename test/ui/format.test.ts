import {
  confidenceLevel,
  formatDate,
  formatEffort,
  formatPercent,
  formatScore,
  gapHint,
  movement,
  positionText,
  relativeTime,
  round,
  weightShares,
} from '../../static/shared/format';

const NOW = Date.parse('2026-11-25T12:00:00Z');

describe('relativeTime', () => {
  it.each([
    ['2026-11-25T12:00:00Z', 'just now'],
    ['2026-11-25T11:59:30Z', 'just now'],
    ['2026-11-25T11:58:00Z', '2 min ago'],
    ['2026-11-25T10:00:00Z', '2 h ago'],
    ['2026-11-24T12:00:00Z', '1 day ago'],
    ['2026-11-20T12:00:00Z', '5 days ago'],
    ['2026-11-25T12:10:00Z', 'just now'],
  ])('%s → %s', (iso, expected) => {
    expect(relativeTime(iso, NOW)).toBe(expected);
  });

  it('says so when the time is missing or unreadable', () => {
    expect(relativeTime(null, NOW)).toBe('at an unknown time');
    expect(relativeTime('yesterday', NOW)).toBe('at an unknown time');
  });
});

describe('movement', () => {
  it('reads a smaller position as up', () => {
    expect(movement(10, 4)).toEqual({ direction: 'up', by: 6, text: '↑6', label: 'up 6' });
    expect(movement(4, 10)).toEqual({ direction: 'down', by: 6, text: '↓6', label: 'down 6' });
    expect(movement(3, 3).direction).toBe('same');
  });
});

describe('numbers', () => {
  it('rounds without NaN or -0', () => {
    expect(round(Number.NaN)).toBe(0);
    expect(Object.is(round(-0.01, 1), 0)).toBe(true);
    expect(formatScore(42.26)).toBe('42.3');
    expect(formatPercent(0.256)).toBe('26%');
  });

  it('normalises weights into shares that add up to 1', () => {
    const s = weightShares({ customerVoice: 30, businessValue: 25, timeCriticality: 15, techDebt: 15, enablement: 15 });
    expect(s.customerVoice).toBeCloseTo(0.3);
    expect(Object.values(s).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(Object.values(weightShares({})).every((v) => v === 0)).toBe(true);
  });

  it('formats effort, marking estimates', () => {
    expect(formatEffort({ points: 5, divisor: 2.2, estimated: false })).toBe('5');
    expect(formatEffort({ points: null, divisor: 1.7, estimated: true })).toBe('est.');
    expect(formatEffort({ points: 3, divisor: 1.7, estimated: true })).toBe('3 est.');
    expect(formatEffort({ points: null, divisor: 1, estimated: false })).toBe('–');
  });
});

describe('labels', () => {
  it('gives the contract hint for a known gap and a readable fallback for an unknown one', () => {
    expect(gapHint('effort.missing')).toMatch(/No story points/);
    expect(gapHint('something.new')).toBe('Missing or unreadable data (something.new).');
  });

  it('formats positions, dates and confidence', () => {
    expect(positionText(12, 340)).toBe('#12 of 340');
    expect(formatDate('2026-11-25T10:00:00.000+0000')).toBe('2026-11-25');
    expect(confidenceLevel(0.8)).toBe('high');
    expect(confidenceLevel(0.5)).toBe('medium');
    expect(confidenceLevel(0.1)).toBe('low');
  });
});
