import type { BacklogItem } from '../../contract/model';
import type { CustomerVoiceEvidence } from '../../domain/scoring/customer-voice';

/**
 * An item as a backlog page carries it: customer voice counts its customers instead of listing them. A page shows
 * counts (the list is the issue panel's: `explainIssue` names up to 10 customers with their sources), and listing
 * them on every row would make a page of 200 items whose customers come from long support URLs most of a
 * megabyte. The score and its factors are unchanged.
 */
export function pageItem(item: BacklogItem): BacklogItem {
  const factor = item.factors.customerVoice;
  const cv = factor.evidence as CustomerVoiceEvidence;
  if (cv.customers.length === 0) return item;
  const evidence: CustomerVoiceEvidence = { ...cv, customers: [], moreCustomers: cv.moreCustomers + cv.customers.length };
  return { ...item, factors: { ...item.factors, customerVoice: { ...factor, evidence } } };
}
