import type { BacklogItem, Roadmap, ShippedItem } from '../../src/contract/model';
import { FACTOR_IDS } from '../../src/contract/model';
import { FACTOR_LABELS, round } from './format';

/** Cells that a spreadsheet would read as a formula (CSV injection): =, +, -, @, and tab / carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * Text that a spreadsheet would run as a formula gets a leading `'`. Numbers are written as they are
 * (a negative number is data, not a formula).
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV text with CRLF line ends (what spreadsheets expect). */
export function toCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The backlog rows the person sees, as CSV: one line per issue, one column per number the table shows. */
export function backlogCsv(items: readonly BacklogItem[]): string {
  const header = [
    'Rank',
    'Key',
    'Summary',
    'Type',
    'Status',
    'Score',
    ...FACTOR_IDS.map((id) => FACTOR_LABELS[id]),
    'Customers',
    'Story points',
    'Points estimated',
    'Tech debt',
    'Confidence',
    'Data gaps',
    'Jira rank',
    'Pinned position',
    'Pinned quarter',
  ];
  const rows = items.map((it) => [
    it.rank,
    it.key,
    it.summary,
    it.issueType,
    it.status,
    round(it.score, 2),
    ...FACTOR_IDS.map((id) => round(it.factors[id]?.contribution ?? 0, 2)),
    it.customers,
    it.effort.points,
    it.effort.estimated,
    it.isDebt,
    round(it.confidence, 2),
    it.gaps.join(' '),
    it.jiraRank,
    it.pin?.position ?? null,
    it.pin?.quarter ?? null,
  ]);
  return toCsv([header, ...rows]);
}

/** The roadmap as CSV: one line per planned item, quarter by quarter, then the `later` bucket. */
export function roadmapCsv(roadmap: Roadmap): string {
  const header = ['Quarter', 'Quarter start', 'Quarter end', 'Key', 'Summary', 'Points', 'Kind', 'Why', 'At risk'];
  const rows = roadmap.quarters.flatMap((q) =>
    q.items.map((it) => [q.label, q.start, q.end, it.key, it.summary ?? '', round(it.points, 2), it.kind, it.reason, it.atRisk ?? '']),
  );
  const later = roadmap.later.map((it) => ['Later', '', '', it.key, it.summary ?? '', round(it.points, 2), '', it.reason, it.atRisk ?? '']);
  return toCsv([header, ...rows, ...later]);
}

/** Shipped items as CSV: one line per item; customers as "Name (KEY-1 KEY-2)" joined by "; ". */
export function shippedCsv(items: readonly ShippedItem[]): string {
  const header = ['Key', 'Summary', 'Resolved', 'Customers', 'Feedback tickets', 'Tickets you cannot open', 'Customers told'];
  const rows = items.map((it) => [
    it.key,
    it.summary,
    it.resolvedAt,
    it.customers.map((c) => `${c.name} (${c.tickets.map((t) => t.key).join(' ')})`).join('; '),
    it.customers.reduce((n, c) => n + c.tickets.length, 0),
    it.hiddenTickets,
    it.notifiedAt ?? null,
  ]);
  return toCsv([header, ...rows]);
}
