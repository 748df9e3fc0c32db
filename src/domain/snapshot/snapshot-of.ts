import { FACTOR_IDS, type BacklogItem, type FactorId } from '../../contract/model';
import type { ScoredBacklog } from '../scoring/scored-backlog';
import type { CustomerVoiceEvidence } from '../scoring/customer-voice';
import type { TechDebtEvidence } from '../scoring/tech-debt';
import type { EnablementEvidence } from '../scoring/enablement';
import { MAX_LINKS_PER_ISSUE } from '../scoring/links';
import { isRecord, readDate, readNames } from '../scoring/read-values';
import type { SnapshotEvidence, SnapshotRow } from './types';

/** Jira's `duedate` is a date field: REST v3 returns it as yyyy-MM-dd (anything else is not a due date). */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A scored backlog as a snapshot: one row (the numbers and the fields filters read) and one evidence record per
 * candidate, both in value order (position 0 first). Builds every item once.
 *
 * `otherIds` (key → issue id) names issues the scoring input does not carry, e.g. the rest of the project when
 * one edited issue is scored with a project context: a blocked issue known only from there still gets its id.
 * A key whose id stays unknown is left out of `refs`, and `redactEvidence` then hides it from everyone.
 */
export function snapshotOf(backlog: ScoredBacklog, otherIds?: ReadonlyMap<string, string>): { rows: SnapshotRow[]; evidence: SnapshotEvidence[] } {
  const n = backlog.length;
  const rows = new Array<SnapshotRow>(n);
  const evidence = new Array<SnapshotEvidence>(n);
  for (let pos = 0; pos < n; pos++) {
    const item = backlog.item(pos);
    const f = backlog.fieldsAt(pos);
    const created = readDate(f.created);
    rows[pos] = {
      id: item.id,
      key: item.key,
      summary: item.summary,
      issueType: item.issueType,
      status: item.status,
      jiraRank: backlog.jiraRankAt(pos),
      created: typeof created === 'number' ? created : null,
      labels: readNames(f.labels),
      epicKey: isRecord(f.parent) && typeof f.parent.key === 'string' ? f.parent.key : null,
      dueDate: typeof f.duedate === 'string' && ISO_DAY.test(f.duedate) ? f.duedate : null,
      points: backlog.pointsAt(pos),
      businessValue: backlog.businessValueAt(pos),
      values: FACTOR_IDS.map((id) => item.factors[id].value),
      divisor: item.effort.divisor,
      customers: item.customers,
      isDebt: item.isDebt,
      gaps: item.gaps,
      confidence: item.confidence,
    };
    const ev = {} as Record<FactorId, unknown>;
    for (const id of FACTOR_IDS) ev[id] = item.factors[id].evidence;
    evidence[pos] = { key: item.key, evidence: ev, effort: item.effort, refs: refsOf(item, f.issuelinks, backlog, otherIds) };
  }
  return { rows, evidence };
}

/** Every other issue the item's evidence names, with its id: feedback tickets, caused bugs, blocked issues. */
function refsOf(item: BacklogItem, issuelinks: unknown, backlog: ScoredBacklog, otherIds: ReadonlyMap<string, string> | undefined): Record<string, string> {
  const refs = new Map<string, string>();
  let linked: Map<string, string> | null = null;
  const add = (key: string, fromLinks: boolean): void => {
    if (key === item.key || refs.has(key)) return;
    let id = backlog.idOf(key);
    if (id === undefined && fromLinks) id = (linked ??= linkedIds(issuelinks)).get(key);
    id ??= otherIds?.get(key);
    if (id !== undefined) refs.set(key, id);
  };
  // A source is a ticket key when the input carries that ticket; remote-link URLs name no issue.
  for (const c of (item.factors.customerVoice.evidence as CustomerVoiceEvidence).customers) {
    for (const s of c.sources) if (backlog.idOf(s) !== undefined) add(s, false);
  }
  for (const key of (item.factors.techDebt.evidence as TechDebtEvidence).interestIssues) add(key, true);
  for (const key of (item.factors.enablement.evidence as EnablementEvidence).blocks) add(key, true);
  // fromEntries defines own properties, so no key (not even `__proto__`) can reach the prototype.
  return Object.fromEntries(refs);
}

/**
 * Key → id of the issues an issue's links point at. Jira REST v3 `IssueLink.inwardIssue` / `outwardIssue` is a
 * `LinkedIssue` with `id` and `key` (jira-platform-v3 OpenAPI, components.schemas.LinkedIssue).
 */
function linkedIds(issuelinks: unknown): Map<string, string> {
  const ids = new Map<string, string>();
  if (!Array.isArray(issuelinks)) return ids;
  for (let i = 0; i < issuelinks.length && i < MAX_LINKS_PER_ISSUE; i++) {
    const link: unknown = issuelinks[i];
    if (!isRecord(link)) continue;
    for (const other of [link.outwardIssue, link.inwardIssue]) {
      if (isRecord(other) && typeof other.key === 'string' && typeof other.id === 'string') ids.set(other.key, other.id);
    }
  }
  return ids;
}
