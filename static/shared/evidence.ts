import type { BacklogItem } from '../../src/contract/model';
import { hiddenEvidence } from './hidden-evidence';

/** One line of evidence for a person: text, the issue keys it names (shown as links), and a date when it has one. */
export interface EvidenceLine {
  text: string;
  keys: string[];
  date: string | null;
}

const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,49}-[1-9][0-9]{0,9}$/;

function rec(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}
function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function counted(text: string): EvidenceLine {
  return { text, keys: [], date: null };
}

/**
 * The factor evidence of an item as readable lines: customers with their dates, bugs its debt causes,
 * what it blocks, its due date, its business value, and how much of it the person cannot open (counted, never
 * named). The contract types evidence as `unknown`, so every field is read loosely: a shape the UI does not know
 * yields fewer lines, never an error.
 */
export function evidenceLines(item: Pick<BacklogItem, 'factors'>): EvidenceLine[] {
  const lines: EvidenceLine[] = [];
  const hidden = hiddenEvidence(item);
  const cv = rec(item.factors.customerVoice?.evidence);
  for (const c of arr(cv.customers)) {
    const customer = rec(c);
    const sources = arr(customer.sources)
      .map(str)
      .filter((s): s is string => s !== null);
    const keys = sources.filter((s) => ISSUE_KEY.test(s));
    const urls = sources.filter((s) => !ISSUE_KEY.test(s));
    const label = str(customer.label) ?? str(customer.id) ?? 'A customer';
    lines.push({
      text: `Customer ${label}${urls.length ? ` (support link${urls.length === 1 ? '' : 's'}: ${urls.join(', ')})` : ''}${keys.length ? ' via' : ''}`,
      keys,
      date: str(customer.at),
    });
  }
  const more = num(cv.moreCustomers);
  if (more !== null && more > 0) lines.push({ text: `…and ${plural(more, 'more customer', 'more customers')}`, keys: [], date: null });
  const votes = num(cv.votes);
  if (votes !== null && votes > 0) lines.push({ text: `${plural(votes, 'vote', 'votes')} in the customer count field`, keys: [], date: null });
  lines.push(...hidden.customerVoice.map(counted));

  const td = rec(item.factors.techDebt?.evidence);
  if (td.isDebt === true) {
    const matched = arr(td.matchedBy)
      .map(str)
      .filter((s): s is string => s !== null);
    const age = num(td.ageDays);
    lines.push({
      text: `Technical debt${matched.length ? ` (${matched.join(', ')})` : ''}${age !== null ? `, ${Math.round(age)} days old` : ''}`,
      keys: [],
      date: null,
    });
  }
  const interest = arr(td.interestIssues)
    .map(str)
    .filter((s): s is string => s !== null);
  const interestCount = num(td.interestCount) ?? interest.length;
  const interestKeys = interest.filter((k) => ISSUE_KEY.test(k));
  if (interestCount > 0)
    lines.push({ text: `Causes ${plural(interestCount, 'bug', 'bugs')}${interestKeys.length ? ':' : ''}`, keys: interestKeys, date: null });
  lines.push(...hidden.techDebt.map(counted));

  const en = rec(item.factors.enablement?.evidence);
  const blocks = arr(en.blocks)
    .map(str)
    .filter((s): s is string => s !== null && ISSUE_KEY.test(s));
  const direct = num(en.direct) ?? blocks.length;
  const indirect = num(en.indirect) ?? 0;
  if (direct > 0 || indirect > 0) {
    lines.push({
      text: `Blocks ${plural(direct, 'issue', 'issues')}${indirect > 0 ? ` directly, ${indirect} more through them` : ''}${blocks.length ? ':' : ''}`,
      keys: blocks,
      date: null,
    });
  }
  lines.push(...hidden.enablement.map(counted));

  const st = rec(item.factors.stakeholders?.evidence);
  const voters = num(st.voters);
  if (voters !== null && voters > 0) lines.push({ text: `${plural(voters, 'stakeholder vote', 'stakeholder votes')}`, keys: [], date: null });

  const tc = rec(item.factors.timeCriticality?.evidence);
  const due = str(tc.dueDate);
  if (due) {
    const days = num(tc.daysLeft);
    const when =
      days === null ? '' : days < 0 ? ` — overdue by ${plural(-days, 'day', 'days')}` : days === 0 ? ' — due today' : ` — in ${plural(days, 'day', 'days')}`;
    lines.push({ text: `${tc.source === 'fixVersion' ? 'Fix version releases' : 'Due'} ${due}${when}`, keys: [], date: null });
  }

  const bv = rec(item.factors.businessValue?.evidence);
  const value = num(bv.value);
  if (value !== null) {
    const max = num(bv.max);
    const option = str(bv.option);
    lines.push({ text: `Business value ${option ? `"${option}" = ` : ''}${value}${max !== null ? ` of ${max}` : ''}`, keys: [], date: null });
  }
  return lines;
}
