import { reasonsBetween, reasonText, type Reason } from '../../../src/domain/history';
import { facts, valuesWith, WEIGHTS } from './facts';

const same = { from: 1, to: 1, weightsChanged: false, weights: WEIGHTS };
const words = (rs: Reason[], canName: (k: string) => boolean = () => true, names: Record<string, string> = {}): string[] =>
  rs.map((r) => reasonText(r, { canName, nameOf: (id) => names[id] }));

describe('reasonsBetween and reasonText', () => {
  it('names new customers as evidence, not as a bare customer-voice value', () => {
    const rs = reasonsBetween(facts('P-1', { customers: 1 }), facts('P-1', { customers: 4, values: valuesWith('customerVoice', 0.6) }), same, true);
    expect(rs.map((r) => r.kind)).toEqual(['evidence']);
    expect(words(rs)).toEqual(['3 more customers']);
  });

  it('says a business value change with both values, and a moved due date with the new date', () => {
    const a = facts('P-1', { businessValue: 3, due: '2026-12-20' });
    const b = facts('P-1', { businessValue: 8, due: '2026-12-09', values: valuesWith('businessValue', 0.8) });
    const rs = reasonsBetween(a, b, same, true);
    expect(words(rs)).toEqual(['business value 3 → 8', 'due date moved to 2026-12-09']);
    expect(rs.every((r) => r.kind === 'factor')).toBe(true);
  });

  it('names a newly blocked issue only when the reader may open it, and counts it otherwise', () => {
    const rs = reasonsBetween(facts('P-1'), facts('P-1', { blocks: ['P-12', 'P-13'] }), same, true);
    expect(words(rs, (k) => k === 'P-12')).toEqual(['now blocks P-12, 1 more issue you cannot open']);
    expect(words(rs, () => false)).toEqual(['now blocks 2 issues you cannot open']);
  });

  it('calls a move of the stakeholders factor a vote, up or down', () => {
    const up = reasonsBetween(facts('P-1'), facts('P-1', { values: valuesWith('stakeholders', 0.5) }), same, true);
    expect(up).toEqual([{ kind: 'vote', factor: 'stakeholders', what: 'value', from: 0.2, to: 0.5 }]);
    expect(words(up)).toEqual(['stakeholders voted it up (stakeholders 0.20 → 0.50)']);
    const down = reasonsBetween(facts('P-1', { values: valuesWith('stakeholders', 0.5) }), facts('P-1'), same, true);
    expect(words(down)).toEqual(['stakeholder votes weigh less (stakeholders 0.50 → 0.20)']);
  });

  it('says who pinned an issue, and "a user" when the name is unknown', () => {
    const rs = reasonsBetween(facts('P-1'), facts('P-1', { pin: { position: 2, quarter: null, by: 'acc-1' } }), same, false);
    expect(rs[0]!.kind).toBe('pin');
    expect(words(rs, () => true, { 'acc-1': 'Priya PO' })).toEqual(['pinned at position 2 by Priya PO']);
    expect(words(rs)).toEqual(['pinned at position 2 by a user']);
  });

  it('puts a score change with no field behind it down to the config change, naming its version', () => {
    const rs = reasonsBetween(
      facts('P-1'),
      facts('P-1', { values: valuesWith('techDebt', 0.7) }),
      { from: 6, to: 7, weightsChanged: true, weights: WEIGHTS },
      true,
    );
    expect(rs).toEqual([{ kind: 'config', version: 7, weights: true }]);
    expect(words(rs)).toEqual(['weights changed in config v7']);
  });

  it('names a factor that moved on its own (time passing) by its value, and nothing when nothing changed', () => {
    const rs = reasonsBetween(facts('P-1'), facts('P-1', { values: valuesWith('timeCriticality', 0.55) }), same, true);
    expect(words(rs)).toEqual(['time criticality 0.20 → 0.55']);
    expect(reasonsBetween(facts('P-1'), facts('P-1'), same, false)).toEqual([]);
    // A drift that does not show in two decimals is no reason.
    expect(reasonsBetween(facts('P-1'), facts('P-1', { values: valuesWith('customerVoice', 0.203) }), same, true)).toEqual([]);
  });

  it('orders reasons by the score points they weigh: a pin first, then the larger factor change', () => {
    const a = facts('P-1', { customers: 1, businessValue: 3 });
    const b = facts('P-1', {
      customers: 2,
      businessValue: 9,
      values: [0.25, 0.9, 0.2, 0.2, 0.2, 0.2],
      pin: { position: null, quarter: '2027-Q1', by: null },
    });
    expect(reasonsBetween(a, b, same, true).map((r) => r.kind)).toEqual(['pin', 'factor', 'evidence']);
  });
});
