import { hiddenEvidence, hiddenEvidenceTexts } from '../../static/shared/hidden-evidence';
import type { BacklogItem } from '../../src/contract/model';

const factor = (evidence: unknown) => ({ value: 0.5, weight: 20, contribution: 5, evidence });

function item(over: Partial<Record<keyof BacklogItem['factors'], unknown>>): Pick<BacklogItem, 'factors'> {
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

describe('hiddenEvidence', () => {
  it('says in words how many feedback tickets, customers, caused bugs and blocked issues the person cannot open', () => {
    const h = hiddenEvidence(
      item({
        customerVoice: { customers: [], hiddenTickets: 2, hiddenCustomers: 1 },
        techDebt: { isDebt: true, interestIssues: [], interestCount: 1, hiddenInterest: 1 },
        enablement: { direct: 3, indirect: 0, blocks: [], hiddenBlocks: 3 },
      }),
    );
    expect(h).toEqual({
      customerVoice: ['2 feedback tickets you cannot open', '1 customer known only from tickets you cannot open'],
      techDebt: ['1 caused bug you cannot open'],
      enablement: ['3 blocked issues you cannot open'],
    });
  });

  it('uses the singular and plural of each count', () => {
    const texts = hiddenEvidenceTexts(
      item({
        customerVoice: { hiddenTickets: 1, hiddenCustomers: 4 },
        techDebt: { hiddenInterest: 5 },
        enablement: { hiddenBlocks: 1 },
      }),
    );
    expect(texts).toEqual([
      '1 feedback ticket you cannot open',
      '4 customers known only from tickets you cannot open',
      '5 caused bugs you cannot open',
      '1 blocked issue you cannot open',
    ]);
  });

  it('says nothing for counts that are absent, zero, negative or not numbers', () => {
    expect(hiddenEvidenceTexts(item({}))).toEqual([]);
    expect(
      hiddenEvidenceTexts(
        item({
          customerVoice: { hiddenTickets: 0, hiddenCustomers: -1 },
          techDebt: { hiddenInterest: '2' },
          enablement: { hiddenBlocks: Number.NaN },
        }),
      ),
    ).toEqual([]);
    expect(hiddenEvidenceTexts(item({ customerVoice: 'odd', techDebt: null, enablement: [3] }))).toEqual([]);
  });
});
