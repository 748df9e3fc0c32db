import fc from 'fast-check';
import { evidenceKeys, redactEvidence, scoreBacklog, snapshotOf } from '../../../src/domain';
import type { CustomerVoiceEvidence } from '../../../src/domain/scoring/customer-voice';
import type { TechDebtEvidence } from '../../../src/domain/scoring/tech-debt';
import type { EnablementEvidence } from '../../../src/domain/scoring/enablement';
import type { SnapshotEvidence } from '../../../src/domain/snapshot/types';
import { candidatesArb } from '../../builders/arbitraries';
import { aScoringInput } from '../../builders/issue-builder';

const URL = 'https://support.example.com/zeta/2';

function evidence(): SnapshotEvidence {
  const customer = (id: string, label: string, sources: string[]): CustomerVoiceEvidence['customers'][number] => ({
    id,
    label,
    weight: 0.5,
    at: null,
    sources,
  });
  return {
    key: 'PRJ-1',
    evidence: {
      customerVoice: {
        customers: [
          customer('org:acme', 'Acme', ['SUP-1', 'SUP-2']),
          customer('org:globex', 'Globex', ['SUP-2', 'SUP-3']),
          customer('ticket:SUP-4', 'SUP-4', ['SUP-4']),
          customer('org:zeta', 'Zeta', ['SUP-3', URL]),
          customer('user:acc-9', 'Nobody Known', ['SUP-9']),
        ],
        moreCustomers: 2,
        weightedCustomers: 3.4,
        votes: 2,
      } satisfies CustomerVoiceEvidence,
      businessValue: { value: 8, option: null, max: 10 },
      timeCriticality: { dueDate: null, source: null, daysLeft: null },
      techDebt: { isDebt: true, matchedBy: ['label:tech-debt'], interestIssues: ['BUG-1', 'BUG-2'], interestCount: 12, ageDays: 30 } satisfies TechDebtEvidence,
      enablement: { direct: 3, indirect: 4, blocks: ['OPS-9', 'PRJ-2', 'PRJ-3'], enabledValue: 5 } satisfies EnablementEvidence,
      stakeholders: { voters: 2, weightedImportance: 7 },
    },
    effort: { points: 3, divisor: 1.73, estimated: false },
    refs: { 'SUP-1': '1', 'SUP-2': '2', 'SUP-3': '3', 'SUP-4': '4', 'BUG-1': '11', 'BUG-2': '12', 'PRJ-2': '22', 'PRJ-3': '23' },
  };
}

/** Every string in a value, object keys included. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      strings(x, out);
    }
  }
  return out;
}

/** Whether `text` names `key` (`SUP-1` in `ticket:SUP-1`, not in `SUP-10`). */
const names = (text: string, key: string): boolean => new RegExp(`(^|[^A-Za-z0-9_-])${key}(?![0-9])`).test(text);

describe('redactEvidence', () => {
  const canOpen = (key: string): boolean => ['SUP-1', 'BUG-1', 'PRJ-2', 'OPS-9', 'SUP-9'].includes(key);

  it('drops customers known only from hidden tickets and hidden keys from the rest, counting both', () => {
    const cv = redactEvidence(evidence(), canOpen).evidence.customerVoice as CustomerVoiceEvidence;
    expect(cv.customers.map((c) => [c.id, c.sources])).toEqual([
      ['org:acme', ['SUP-1']],
      // Left with the remote link alone: named by it, not by the hidden ticket's organisation.
      [`remote:${URL}`, [URL]],
    ]);
    // SUP-9 looks like a key but has no id: nobody can be checked against it, so it is hidden.
    expect([cv.hiddenTickets, cv.hiddenCustomers]).toEqual([4, 3]);
    expect([cv.weightedCustomers, cv.moreCustomers, cv.votes]).toEqual([3.4, 2, 2]);
  });

  it('removes hidden caused bugs and blocked issues, keeping the counts behind the score', () => {
    const ev = redactEvidence(evidence(), canOpen);
    expect(ev.evidence.techDebt).toEqual({
      isDebt: true,
      matchedBy: ['label:tech-debt'],
      interestIssues: ['BUG-1'],
      interestCount: 12,
      ageDays: 30,
      hiddenInterest: 1,
    });
    // OPS-9 is openable by the predicate but has no id in refs: hidden all the same.
    expect(ev.evidence.enablement).toEqual({ direct: 3, indirect: 4, blocks: ['PRJ-2'], enabledValue: 5, hiddenBlocks: 2 });
    expect(ev.refs).toEqual({ 'SUP-1': '1', 'BUG-1': '11', 'PRJ-2': '22' });
    expect(evidenceKeys(ev)).toEqual(['SUP-1', 'BUG-1', 'PRJ-2']);
    expect([ev.key, ev.effort, ev.evidence.businessValue, ev.evidence.timeCriticality]).toEqual([
      'PRJ-1',
      evidence().effort,
      { value: 8, option: null, max: 10 },
      evidence().evidence.timeCriticality,
    ]);
  });

  it('leaves evidence the user may open whole as it was, and never changes its input', () => {
    const ev = evidence();
    ev.refs = { ...ev.refs, 'SUP-9': '9', 'OPS-9': '99' };
    expect(redactEvidence(ev, () => true)).toStrictEqual(ev);
    const copy = structuredClone(ev);
    redactEvidence(ev, () => false);
    expect(ev).toStrictEqual(copy);
  });

  it('lists the keys a page must check', () => {
    expect(evidenceKeys(evidence())).toEqual(['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4', 'BUG-1', 'BUG-2', 'PRJ-2', 'PRJ-3']);
  });

  it('shows no hidden key, nor the id or name of a customer known only from hidden tickets, anywhere in generated evidence', () => {
    const keys = [...Array.from({ length: 14 }, (_, i) => `PRJ-${i + 1}`), ...Array.from({ length: 6 }, (_, i) => `SUP-${i + 1}`)];
    fc.assert(
      fc.property(candidatesArb(12), fc.subarray(keys), ({ issues, tickets }, openable) => {
        const input = aScoringInput()
          .withConfig((c) => (c.customerVoice.remoteLinkPatterns = ['support\\.example\\.com/(?<customer>\\w+)']))
          .withIssues(...issues)
          .withTickets(...tickets)
          .withRemoteLinks('PRJ-1', 'https://support.example.com/acme/1', URL)
          .build();
        const canOpenKey = (k: string): boolean => openable.includes(k);
        for (const ev of snapshotOf(scoreBacklog(input)).evidence) {
          const out = redactEvidence(ev, canOpenKey);
          const visible = (k: string): boolean => k === ev.key || (k in ev.refs && canOpenKey(k));
          const cv = ev.evidence.customerVoice as CustomerVoiceEvidence;
          const named = [
            ...Object.keys(ev.refs),
            ...cv.customers.flatMap((c) => c.sources.filter((s) => !s.startsWith('https://'))),
            ...(ev.evidence.techDebt as TechDebtEvidence).interestIssues,
            ...(ev.evidence.enablement as EnablementEvidence).blocks,
          ];
          const hidden = new Set(named.filter((k) => !visible(k)));
          const hiddenOnly = cv.customers.filter((c) => c.sources.length > 0 && c.sources.every((x) => hidden.has(x)));
          const dropped = hiddenOnly.flatMap((c) => [c.id, c.label]);
          const hiddenTickets = new Set(cv.customers.flatMap((c) => c.sources.filter((x) => hidden.has(x))));
          const outVoice = out.evidence.customerVoice as CustomerVoiceEvidence;
          expect([outVoice.hiddenCustomers ?? 0, outVoice.hiddenTickets ?? 0]).toEqual([hiddenOnly.length, hiddenTickets.size]);
          for (const s of strings(out)) {
            for (const k of hidden) expect(names(s, k)).toBe(false);
            for (const d of dropped) expect(s.includes(d)).toBe(false);
          }
          expect(out.evidence.customerVoice).toMatchObject({ weightedCustomers: cv.weightedCustomers, moreCustomers: cv.moreCustomers, votes: cv.votes });
          expect((out.evidence.techDebt as TechDebtEvidence).interestCount).toBe((ev.evidence.techDebt as TechDebtEvidence).interestCount);
        }
      }),
      { numRuns: 300 },
    );
  });
});
