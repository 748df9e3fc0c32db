import type { CustomerVoiceEvidence } from '../scoring/customer-voice';
import type { SnapshotEvidence } from '../snapshot/types';

/** A feedback ticket behind a shipped item: its id (for permission checks and comments) and its key. */
export interface ShippedTicket {
  id: string;
  key: string;
}

/**
 * An issue that left the backlog because it was done, as the shipped log keeps it: what its customer-voice evidence
 * named when it left (the customers the snapshot listed, at most 10, each with the feedback tickets it listed for
 * them, at most 5). Customers known from remote links only are left out: there is no ticket to tell them through.
 */
export interface ShippedRecord {
  id: string;
  key: string;
  /** Plain text, ≤ 500 characters (the snapshot row's). */
  summary: string;
  /** ISO date-time: Jira's `resolutiondate`, else when the app saw it done. */
  resolvedAt: string;
  customers: { name: string; tickets: ShippedTicket[] }[];
}

/** The record of `row` leaving the backlog done at `resolvedAt`, from its stored evidence. */
export function shippedRecord(row: { id: string; key: string; summary: string }, evidence: SnapshotEvidence | undefined, resolvedAt: string): ShippedRecord {
  const voice = evidence?.evidence.customerVoice as CustomerVoiceEvidence | undefined;
  const refs = evidence?.refs ?? {};
  const customers: ShippedRecord['customers'] = [];
  for (const c of voice?.customers ?? []) {
    // Only keys `refs` maps are tickets the app can name by id; remote-link sources (URLs) are not in it.
    const tickets = c.sources.filter((s) => Object.hasOwn(refs, s)).map((key) => ({ id: refs[key]!, key }));
    if (tickets.length > 0) customers.push({ name: c.label, tickets });
  }
  return { id: row.id, key: row.key, summary: row.summary, resolvedAt, customers };
}

/** Every distinct ticket behind a record, in the order first named. */
export function ticketsOf(record: ShippedRecord): ShippedTicket[] {
  const byId = new Map<string, ShippedTicket>();
  for (const c of record.customers) for (const t of c.tickets) if (!byId.has(t.id)) byId.set(t.id, t);
  return [...byId.values()];
}
