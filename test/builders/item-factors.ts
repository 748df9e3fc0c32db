import { FACTOR_IDS, type BacklogItem } from '../../src/contract/model';

const factor = (evidence: unknown) => ({ value: 0.5, weight: 20, contribution: 5, evidence });

/** An item's factors for UI tests: each factor carries the evidence given (an empty object when left out). */
export function itemWithEvidence(over: Partial<Record<keyof BacklogItem['factors'], unknown>>): Pick<BacklogItem, 'factors'> {
  return { factors: Object.fromEntries(FACTOR_IDS.map((id) => [id, factor(over[id] ?? {})])) as BacklogItem['factors'] };
}
