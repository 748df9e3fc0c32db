import type { BacklogItem } from '../../src/contract/model';
import { isRecord } from './records';

/** Evidence the asking user cannot open, per factor, in words: counted, never named (no key, summary or customer). */
export interface HiddenEvidence {
  customerVoice: string[];
  techDebt: string[];
  enablement: string[];
}

function count(evidence: unknown, field: string): number {
  const v = isRecord(evidence) ? evidence[field] : undefined;
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : 0;
}

function counted(n: number, one: string, many: string, rest: string): string[] {
  return n > 0 ? [`${n} ${n === 1 ? one : many} ${rest}`] : [];
}

/**
 * The hidden-evidence counts of an item (`hiddenTickets`, `hiddenCustomers`, `hiddenInterest`, `hiddenBlocks`) as
 * sentences such as "2 feedback tickets you cannot open". Counts that are absent, zero or malformed give no sentence.
 */
export function hiddenEvidence(item: Pick<BacklogItem, 'factors'>): HiddenEvidence {
  const cv = item.factors.customerVoice?.evidence;
  const td = item.factors.techDebt?.evidence;
  const en = item.factors.enablement?.evidence;
  return {
    customerVoice: [
      ...counted(count(cv, 'hiddenTickets'), 'feedback ticket', 'feedback tickets', 'you cannot open'),
      ...counted(count(cv, 'hiddenCustomers'), 'customer', 'customers', 'known only from tickets you cannot open'),
    ],
    techDebt: counted(count(td, 'hiddenInterest'), 'caused bug', 'caused bugs', 'you cannot open'),
    enablement: counted(count(en, 'hiddenBlocks'), 'blocked issue', 'blocked issues', 'you cannot open'),
  };
}

/** Every hidden-evidence sentence of an item, customers first. */
export function hiddenEvidenceTexts(item: Pick<BacklogItem, 'factors'>): string[] {
  const h = hiddenEvidence(item);
  return [...h.customerVoice, ...h.techDebt, ...h.enablement];
}
