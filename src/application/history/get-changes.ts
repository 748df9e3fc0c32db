import type { ChangesResult } from '../../contract/history';
import type { Payload } from '../../contract/operations';
import { diffPoints } from '../../domain/history';
import { readDate } from '../../domain/scoring/read-values';
import type { AppDeps } from '../app-deps';
import { AppError } from '../errors';
import type { JiraReader } from '../ports/jira';
import { openView } from '../snapshot/open-view';
import { currentPoint, visibleIdsOf, type NamesOf } from './current-point';
import { readIndex, readPoints, type HistoryIndex } from './history-store';
import { readLeft } from './left-log';
import { pinAuthors, toChangeReason } from './reason-words';

/** Moves one answer carries at most (the largest first): a 20,000-issue reshuffle would not fit Forge's 5 MB. */
export const MAX_MOVES = 1000;
const WEEK_MS = 7 * 86_400_000;

/**
 * What moved in the ranking the user sees since `since`, and why: the history point at or before `since` against
 * the ranking now, both cut to the issues the user can browse (an issue that left counts when they can still
 * browse it). Never reads the project's issues from Jira.
 */
export async function getChanges(deps: AppDeps, reader: JiraReader, principal: string, p: Payload<'getChanges'>, names: NamesOf): Promise<ChangesResult> {
  const opened = await openView(deps, reader, p.projectKey, undefined, { principal });
  if (opened.status === 'building') throw new AppError('BUSY', `${p.projectKey} is being ranked for the first time. Try again when the backlog shows.`);
  const index = await readIndex(deps.kv, p.projectKey);
  if (index.points.length === 0)
    throw new AppError('NOT_FOUND', `${p.projectKey} has no ranking history yet: it starts with the next computation (at the latest the daily run).`, {
      reason: 'NO_HISTORY',
    });
  const now = deps.clock();
  const { since, at } = await resolveSince(deps, reader, p.projectKey, p.since, index, now);
  const [stored, to] = await Promise.all([readPoints(deps.kv, p.projectKey, index, [at]), currentPoint(deps, p.projectKey, opened)]);
  const from = stored.get(at)!;
  const visible = visibleIdsOf(opened);
  const nowIds = new Set(to.entries.map((e) => e.id));
  const gone = from.entries.filter((e) => !nowIds.has(e.id)).map((e) => e.id);
  const stillOpen = gone.length === 0 ? new Set<string>() : await reader.browsableIssues(gone);
  const diff = diffPoints(from, to, (id) => visible.has(id) || stillOpen.has(id), p.minMove ?? 0);
  const visibleKeys = new Set(opened.view.keysInValueOrder());
  const known = await names(pinAuthors(diff.moves.flatMap((m) => m.reasons)));
  const ctx = { canName: (k: string) => visibleKeys.has(k), nameOf: (id: string) => known.get(id) };
  const left = await readLeft(deps.kv, p.projectKey);
  const moves = diff.moves.slice(0, MAX_MOVES).map((m) => ({
    key: m.key,
    summary: opened.rowsByKey.get(m.key)?.summary ?? '',
    rankFrom: m.rankFrom,
    rankTo: m.rankTo,
    scoreFrom: m.scoreFrom,
    scoreTo: m.scoreTo,
    why: m.reasons.map((r) => toChangeReason(r, ctx)),
  }));
  return {
    from: from.at,
    to: to.at,
    since,
    moves,
    entered: diff.entered.map((e) => {
      const row = opened.rowsByKey.get(e.key);
      const created = row?.created ?? null;
      const isNew = created !== null && created > Date.parse(from.at);
      return {
        key: e.key,
        summary: row?.summary ?? '',
        rank: e.rank,
        score: e.score,
        why: isNew
          ? `created ${new Date(created!).toISOString().slice(0, 10)}`
          : 'back in the backlog (reopened, moved in, or matching the candidate filter again)',
      };
    }),
    left: diff.left.map((l) => {
      const record = left.get(l.id);
      return { key: l.key, summary: record?.summary ?? '', rankFrom: l.rankFrom, why: record?.why ?? 'removed' };
    }),
    ...(diff.moves.length > MAX_MOVES ? { omitted: diff.moves.length - MAX_MOVES } : {}),
  };
}

/** `since` as a date-time, and the index of the history point to compare with. */
async function resolveSince(
  deps: AppDeps,
  reader: JiraReader,
  projectKey: string,
  since: Payload<'getChanges'>['since'],
  index: HistoryIndex,
  now: Date,
): Promise<{ since: string; at: number }> {
  const atOrBefore = (ms: number): number => {
    let found = 0;
    index.points.forEach((h, i) => {
      if (Date.parse(h.at) <= ms) found = i;
    });
    return found;
  };
  if (since === 'lastWeek') {
    const ms = now.getTime() - WEEK_MS;
    return { since: new Date(ms).toISOString(), at: atOrBefore(ms) };
  }
  if (since === 'sprintStart') {
    const starts = (await reader.activeSprints(projectKey)).map((s) => readDate(s.startDate)).filter((d): d is number => typeof d === 'number');
    if (starts.length === 0)
      throw new AppError('NOT_FOUND', `${projectKey} has no active sprint with a start date. Pick another starting point.`, { reason: 'NO_ACTIVE_SPRINT' });
    const ms = Math.min(...starts);
    return { since: new Date(ms).toISOString(), at: atOrBefore(ms) };
  }
  if (since === 'lastConfig') {
    // The point kept just before the last config change is the ranking it changed.
    const mark = index.points.map((h) => h.kind).lastIndexOf('b');
    if (mark >= 0) return { since: index.points[mark]!.at, at: mark };
    const record = (await deps.configs.effective(projectKey)).record;
    if (record === null)
      throw new AppError('NOT_FOUND', `The configuration of ${projectKey} was never changed. Pick another starting point.`, { reason: 'NO_CONFIG_CHANGE' });
    const ms = Date.parse(record.at);
    return { since: record.at, at: atOrBefore(ms) };
  }
  const ms = Date.parse(since);
  return { since: new Date(ms).toISOString(), at: atOrBefore(ms) };
}
