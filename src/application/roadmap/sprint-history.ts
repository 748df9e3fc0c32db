import { createHash } from 'node:crypto';
import { deliveredBySprint, type SprintDelivery, type SprintIssue, type SprintRecord } from '../../domain';
import { isRecord } from '../../domain/scoring/read-values';
import type { JiraField, JiraReader, JiraSprint } from '../ports/jira';
import type { KeyValueStore } from '../ports/key-value-store';

/** Closed sprints read for capacity: about half a year of two-week sprints. */
export const SPRINT_HISTORY = 12;
/** Done issues read at most for them (⌈n/100⌉ bulkfetch requests); a typical team has 10–40 per sprint. */
export const MAX_SPRINT_ISSUES = 2000;
/** Within this time the stored history is used as it is, without asking Jira which sprints closed since. */
const FRESH_MS = 60 * 60 * 1000;
/** What a closed sprint delivered changes only when its issues are reopened or re-estimated: re-read weekly. */
const SPRINT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Jira Software's Sprint field (`schema.custom` in GET /rest/api/3/field). */
export const SPRINT_FIELD_TYPE = 'com.pyxis.greenhopper.jira:gh-sprint';

/**
 * Key `caps:<projectKey>:<reader digest>` → SprintHistory: the deliveries of the project's last closed sprints, each
 * with when it was read, and the story-points field they were summed from. Kept per reader: the sprints and done
 * issues are read as the user, and one user's view (a security level, a board they cannot see) must neither lower
 * another's capacity nor show them a sum of issues they cannot browse.
 */
const historyKey = (projectKey: string, principal: string): string => `caps:${projectKey}:${createHash('sha256').update(principal).digest('hex').slice(0, 32)}`;

interface StoredDelivery extends SprintDelivery {
  /** The sprint's dates when it was read: a sprint whose dates were edited since is read again. */
  start: string;
  complete: string;
  /** Epoch ms it was read. */
  at: number;
}

interface SprintHistory {
  /** Epoch ms the sprint list was last read from Jira. */
  listedAt: number;
  pointsField: string;
  sprints: StoredDelivery[];
}

export interface SprintHistoryResult {
  deliveries: SprintDelivery[];
  /** Why there is no usable history, when there is none. */
  missing?: 'no-sprints' | 'no-sprint-field' | 'no-points-field';
  /** True when more done issues than MAX_SPRINT_ISSUES were in those sprints (the rest was not counted). */
  truncated: boolean;
}

/** Said when the history was cut at MAX_SPRINT_ISSUES. */
export const TRUNCATED_HISTORY_WARNING = 'The last closed sprints hold more done issues than are read for capacity; capacity may read low.';

/** Why a history gives no capacity, as the warning that says what is used instead begins. */
export function whyNoHistory(history: SprintHistoryResult): string {
  if (history.missing === 'no-points-field') return 'No story points field';
  if (history.missing === 'no-sprint-field') return 'This site has no Sprint field';
  return 'No closed sprint with start and completion dates';
}

/**
 * What the project's last closed sprints delivered (DESIGN.md, "Roadmap planning"), read as Jira keeps it: the
 * closed sprints of the project's boards (`GET /rest/agile/1.0/board/{id}/sprint?state=closed`), their done
 * issues by `sprint in (…) AND statusCategory = Done` (ids through /search/jql, then bulkfetch of the Sprint
 * field, resolutiondate and the story points). Sprints read within a week are not read again, and within an hour
 * the sprint list is not either, so a roadmap usually costs no Jira request for its capacity.
 *
 * @param pointsField the story-points field id (null: none configured or found, so no history).
 */
export async function sprintHistory(
  reader: JiraReader,
  kv: KeyValueStore,
  projectKey: string,
  /** Whose view is read (the caller's principal): the stored history is theirs alone. */
  principal: string,
  pointsField: string | null,
  nowMs: number,
): Promise<SprintHistoryResult> {
  if (pointsField === null) return { deliveries: [], missing: 'no-points-field', truncated: false };
  const stored = await kv.get<SprintHistory>(historyKey(projectKey, principal));
  const usable = stored !== undefined && stored.pointsField === pointsField ? stored : undefined;
  if (usable !== undefined && nowMs - usable.listedAt < FRESH_MS) return { deliveries: usable.sprints.map(delivery), truncated: false };

  const sprints = (await reader.closedSprints(projectKey, SPRINT_HISTORY)).filter((s) => s.state.toLowerCase() === 'closed');
  if (sprints.length === 0) {
    await kv.set(historyKey(projectKey, principal), { listedAt: nowMs, pointsField, sprints: [] } satisfies SprintHistory);
    return { deliveries: [], missing: 'no-sprints', truncated: false };
  }
  const known = new Map((usable?.sprints ?? []).map((s) => [s.id, s]));
  const reuse = (s: JiraSprint): StoredDelivery | undefined => {
    const k = known.get(s.id);
    return k !== undefined && k.start === String(s.startDate) && k.complete === String(s.completeDate) && nowMs - k.at < SPRINT_TTL_MS ? k : undefined;
  };
  const toRead = sprints.filter((s) => reuse(s) === undefined);
  let truncated = false;
  const fresh = new Map<number, SprintDelivery>();
  if (toRead.length > 0) {
    const read = await readDeliveries(reader, toRead, pointsField);
    if (read === null) return { deliveries: [], missing: 'no-sprint-field', truncated: false };
    truncated = read.truncated;
    for (const d of read.deliveries) fresh.set(d.id, d);
  }
  const next: StoredDelivery[] = [];
  for (const s of sprints) {
    const kept = reuse(s);
    const d = kept ?? fresh.get(s.id);
    if (d !== undefined) next.push(kept ?? { ...d, start: String(s.startDate), complete: String(s.completeDate), at: nowMs });
  }
  // A truncated read is not stored: the next roadmap reads those sprints again rather than keep a low count.
  if (!truncated) await kv.set(historyKey(projectKey, principal), { listedAt: nowMs, pointsField, sprints: next } satisfies SprintHistory);
  return { deliveries: next.map(delivery), truncated };
}

function delivery(s: SprintDelivery): SprintDelivery {
  return { id: s.id, points: s.points, days: s.days };
}

async function readDeliveries(
  reader: JiraReader,
  sprints: JiraSprint[],
  pointsField: string,
): Promise<{ deliveries: SprintDelivery[]; truncated: boolean } | null> {
  const sprintField = findSprintField(await reader.fields());
  if (sprintField === null) return null;
  const ids: string[] = [];
  const jql = `sprint in (${sprints.map((s) => s.id).join(', ')}) AND statusCategory = Done`;
  for await (const page of reader.searchIds(jql, MAX_SPRINT_ISSUES + 1)) ids.push(...page);
  const truncated = ids.length > MAX_SPRINT_ISSUES;
  if (truncated) ids.length = MAX_SPRINT_ISSUES;
  const issues = ids.length === 0 ? [] : await reader.fetchIssues(ids, [sprintField, 'resolutiondate', pointsField]);
  const done: SprintIssue[] = issues.map((i) => ({
    sprintIds: sprintIdsOf(i.fields[sprintField]),
    resolved: i.fields.resolutiondate,
    points: i.fields[pointsField],
  }));
  const records: SprintRecord[] = sprints.map((s) => ({ id: s.id, state: s.state, startDate: s.startDate, endDate: s.endDate, completeDate: s.completeDate }));
  return { deliveries: deliveredBySprint(records, done), truncated };
}

/** The site's Sprint field id, or null when the site has none (Jira Work Management without Jira Software). */
export function findSprintField(fields: readonly JiraField[]): string | null {
  return fields.find((f) => f.schema?.custom === SPRINT_FIELD_TYPE)?.id ?? null;
}

/** Sprint ids from the Sprint field's JSON value (an array of sprint objects); anything else names none. */
function sprintIdsOf(value: unknown): number[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((s) => (isRecord(s) && typeof s.id === 'number' ? [s.id] : []));
}
