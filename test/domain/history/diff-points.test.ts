import { diffPoints, decodeEntries, encodeEntries, factsById, issueSeries } from '../../../src/domain/history';
import { facts, point, valuesWith } from './facts';

describe('diffPoints', () => {
  const from = point('2026-11-20T00:00:00.000Z', [
    ['1', 50, facts('P-1')],
    ['2', 40, facts('P-2', { customers: 1 })],
    ['3', 30, facts('P-3')],
    ['4', 20, facts('P-4')],
  ]);
  const to = point('2026-11-27T00:00:00.000Z', [
    ['2', 60, facts('P-2', { customers: 5, values: valuesWith('customerVoice', 0.9) })],
    ['1', 50, facts('P-1')],
    ['5', 25, facts('P-5')],
    ['4', 20, facts('P-4')],
  ]);

  it('reports moves with ranks among the included issues, entered and left', () => {
    const d = diffPoints(from, to, () => true);
    expect(d.moves.map((m) => [m.key, m.rankFrom, m.rankTo, m.scoreFrom, m.scoreTo])).toEqual([
      ['P-2', 2, 1, 40, 60],
      ['P-1', 1, 2, 50, 50],
    ]);
    expect(d.moves[0]!.reasons[0]).toMatchObject({ kind: 'evidence', what: 'customers', from: 1, to: 5 });
    expect(d.moves[1]!.reasons).toEqual([]);
    expect(d.entered).toEqual([{ id: '5', key: 'P-5', rank: 3, score: 25 }]);
    expect(d.left).toEqual([{ id: '3', key: 'P-3', rankFrom: 3 }]);
  });

  it('ranks among what the reader may see: a hidden issue neither moves, enters nor leaves, nor takes a place', () => {
    const d = diffPoints(from, to, (id) => id !== '2' && id !== '3');
    expect(d.moves.map((m) => [m.key, m.rankFrom, m.rankTo])).toEqual([['P-4', 2, 3]]);
    expect(d.entered.map((e) => [e.key, e.rank])).toEqual([['P-5', 2]]);
    expect(d.left).toEqual([]);
  });

  it('leaves out moves of at most minMove places', () => {
    expect(diffPoints(from, to, () => true, 1).moves).toEqual([]);
  });
});

describe('issueSeries', () => {
  it("gives one issue's rank and score at each point with the main reason of each step", () => {
    const p1 = point('2026-11-20T00:00:00.000Z', [
      ['1', 50, facts('P-1')],
      ['2', 40, facts('P-2', { businessValue: 3 })],
    ]);
    const p2 = point('2026-11-21T00:00:00.000Z', [
      ['2', 70, facts('P-2', { businessValue: 8, values: valuesWith('businessValue', 0.8) })],
      ['1', 50, facts('P-1')],
    ]);
    const s = issueSeries([p1, p2], '2', () => true);
    expect(s.map((x) => [x.at.slice(0, 10), x.rank, x.score])).toEqual([
      ['2026-11-20', 2, 40],
      ['2026-11-21', 1, 70],
    ]);
    expect(s[0]!.reason).toBeUndefined();
    expect(s[1]!.reason).toMatchObject({ kind: 'factor', what: 'businessValue', from: 3, to: 8 });
  });
});

describe('encodeEntries / decodeEntries', () => {
  it('stores unchanged facts as two-element tuples and reads them back from the point before', () => {
    const a = point('2026-11-20T00:00:00.000Z', [
      ['1', 50.25, facts('P-1')],
      ['2', 40, facts('P-2')],
    ]).entries;
    const b = point('2026-11-21T00:00:00.000Z', [
      ['2', 41.5, facts('P-2', { due: '2026-12-09' })],
      ['1', 50.25, facts('P-1')],
    ]).entries;
    const base = encodeEntries(a, null);
    const delta = encodeEntries(b, factsById(a));
    expect(delta[1]).toEqual(['1', 5025]);
    expect(delta[0]).toHaveLength(3);
    expect(decodeEntries(delta, factsById(decodeEntries(base, null)))).toEqual(b);
  });

  it('refuses a delta entry with no facts to build on', () => {
    expect(() => decodeEntries([['9', 100]], null)).toThrow(/no facts/);
  });
});
