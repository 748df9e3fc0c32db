import { evidenceLines } from '../../static/shared/evidence';
import type { BacklogItem } from '../../src/contract/model';

const factor = (evidence: unknown) => ({ value: 0.5, weight: 20, contribution: 5, evidence });

function factors(over: Partial<Record<keyof BacklogItem['factors'], unknown>>): Pick<BacklogItem, 'factors'> {
  return {
    factors: {
      customerVoice: factor(over.customerVoice ?? {}),
      businessValue: factor(over.businessValue ?? {}),
      timeCriticality: factor(over.timeCriticality ?? {}),
      techDebt: factor(over.techDebt ?? {}),
      enablement: factor(over.enablement ?? {}),
      stakeholders: factor(over.stakeholders ?? {}),
    },
  };
}

describe('evidenceLines', () => {
  it('lists customers with their dates and feedback tickets, bugs caused and blocked issues', () => {
    const lines = evidenceLines(
      factors({
        customerVoice: {
          customers: [{ id: 'org:Acme', label: 'Acme', weight: 1, at: '2026-10-01T00:00:00Z', sources: ['SUP-4', 'https://support.example.com/t/9'] }],
          moreCustomers: 2,
          votes: null,
        },
        techDebt: { isDebt: true, matchedBy: ['label:tech-debt'], interestIssues: ['PRJ-9'], interestCount: 1, ageDays: 400 },
        enablement: { direct: 2, indirect: 1, blocks: ['PRJ-2', 'PRJ-3'], enabledValue: 2.5 },
        timeCriticality: { dueDate: '2026-11-20', source: 'duedate', daysLeft: -5 },
        businessValue: { value: 8, option: null, max: 10 },
      }),
    );
    const texts = lines.map((l) => l.text);
    expect(lines[0]).toEqual({ text: 'Customer Acme (support link: https://support.example.com/t/9) via', keys: ['SUP-4'], date: '2026-10-01T00:00:00Z' });
    expect(texts).toContain('…and 2 more customers');
    expect(texts).toContain('Technical debt (label:tech-debt), 400 days old');
    expect(lines.find((l) => l.text.startsWith('Causes'))?.keys).toEqual(['PRJ-9']);
    expect(texts).toContain('Blocks 2 issues directly, 1 more through them:');
    expect(texts).toContain('Due 2026-11-20 — overdue by 5 days');
    expect(texts).toContain('Business value 8 of 10');
  });

  it('counts the evidence the person cannot open, in words and with no key, after what they can open', () => {
    const lines = evidenceLines(
      factors({
        customerVoice: { customers: [{ id: 'org:Acme', label: 'Acme', at: null, sources: ['SUP-4'] }], hiddenTickets: 2, hiddenCustomers: 1 },
        techDebt: { isDebt: true, matchedBy: [], interestIssues: ['PRJ-9'], interestCount: 2, hiddenInterest: 1, ageDays: null },
        enablement: { direct: 3, indirect: 0, blocks: [], enabledValue: 1, hiddenBlocks: 3 },
      }),
    );
    expect(lines.map((l) => l.text)).toEqual([
      'Customer Acme via',
      '2 feedback tickets you cannot open',
      '1 customer known only from tickets you cannot open',
      'Technical debt',
      'Causes 2 bugs:',
      '1 caused bug you cannot open',
      'Blocks 3 issues',
      '3 blocked issues you cannot open',
    ]);
    expect(lines.filter((l) => l.text.includes('cannot open')).every((l) => l.keys.length === 0)).toBe(true);
  });

  it('yields nothing, without throwing, for evidence of an unknown shape', () => {
    expect(evidenceLines(factors({ customerVoice: 'odd', techDebt: null, enablement: [1, 2], timeCriticality: 42 }))).toEqual([]);
  });
});
