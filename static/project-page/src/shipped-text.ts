/** The Shipped tab's words and dates, apart from its components so they can be tested without a browser. */
import type { ResultMap } from '../../../src/contract/operations';

/** The period the Shipped tab lists: the last 7, 30 or 90 days, or since a date (yyyy-MM-dd, local midnight). */
export type Since = { days: 7 | 30 | 90 } | { date: string };

const DAY_MS = 86_400_000;

/** The ISO date-time getShipped is asked for: local midnight of the chosen day (stable while the day lasts). */
export function sinceIso(since: Since, now: Date = new Date()): string | null {
  if ('days' in since) {
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    return new Date(midnight.getTime() - since.days * DAY_MS).toISOString();
  }
  const at = /^\d{4}-\d{2}-\d{2}$/.test(since.date) ? new Date(`${since.date}T00:00:00`) : new Date(Number.NaN);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** What the call did, in words. */
export function notifyOutcome(r: ResultMap['notifyCustomers']): string {
  const parts: string[] = [];
  if (r.commented > 0) parts.push(`Added an internal comment to ${plural(r.commented, 'feedback ticket', 'feedback tickets')}.`);
  if (r.alreadyNotified > 0) parts.push(`${plural(r.alreadyNotified, 'ticket was', 'tickets were')} told before, so nothing was added there.`);
  if (r.refused > 0) parts.push(`${plural(r.refused, 'ticket', 'tickets')} you cannot comment on (you need Add Comments in that project) got nothing.`);
  return parts.length > 0 ? parts.join(' ') : 'There was no feedback ticket to comment on.';
}
