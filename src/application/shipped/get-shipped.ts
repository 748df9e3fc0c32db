import type { ShippedItem } from '../../contract/model';
import { ticketsOf, type ShippedRecord } from '../../domain/shipped/shipped-record';
import type { AppDeps } from '../app-deps';
import type { JiraReader } from '../ports/jira';
import { readNotified } from './notified';
import { readShipped } from './shipped-log';

/**
 * The project's items resolved at or after `since` (ISO date-time), newest first, as the user `reader` acts for may
 * see them: items they cannot browse are left out; feedback tickets they cannot browse are counted in
 * `hiddenTickets`, never named, and a customer known only from such tickets is not named either (as redactEvidence
 * does for the backlog). One bulk permission check per 1,000 issues, as the user.
 */
export async function getShipped(deps: AppDeps, reader: JiraReader, projectKey: string, since: string): Promise<{ items: ShippedItem[] }> {
  const from = Date.parse(since);
  const records = (await readShipped(deps.kv, projectKey)).filter((r) => Date.parse(r.resolvedAt) >= from);
  if (records.length === 0) return { items: [] };
  const ids = records.flatMap((r) => [r.id, ...ticketsOf(r).map((t) => t.id)]);
  const [seen, notified] = await Promise.all([
    reader.browsableIssues(ids),
    readNotified(
      deps.kv,
      projectKey,
      records.map((r) => r.id),
    ),
  ]);
  return {
    items: records.filter((r) => seen.has(r.id)).map((r) => visibleItem(r, seen, notified.get(r.id))),
  };
}

function visibleItem(record: ShippedRecord, seen: ReadonlySet<string>, notifiedAt: string | undefined): ShippedItem {
  const customers: ShippedItem['customers'] = [];
  for (const c of record.customers) {
    const tickets = c.tickets.filter((t) => seen.has(t.id)).map((t) => ({ key: t.key }));
    if (tickets.length > 0) customers.push({ name: c.name, tickets });
  }
  const hiddenTickets = ticketsOf(record).filter((t) => !seen.has(t.id)).length;
  return {
    key: record.key,
    summary: record.summary,
    resolvedAt: record.resolvedAt,
    customers,
    hiddenTickets,
    ...(notifiedAt === undefined ? {} : { notifiedAt }),
  };
}
