import type { HistoryStep } from '../../contract/history';
import { issueSeries, type HistoryPoint } from '../../domain/history';
import type { AppDeps } from '../app-deps';
import type { OpenedView } from '../snapshot/open-view';
import { currentPoint, visibleIdsOf, type NamesOf } from './current-point';
import { HISTORY_DAYS, readIndex, readPoints } from './history-store';
import { pinAuthors, toChangeReason } from './reason-words';

/**
 * One issue's score and rank per day for the last HISTORY_DAYS (each day's last point; today's is the ranking
 * now), rank among the issues the user can browse now, each step with the main reason it changed.
 */
export async function issueHistory(deps: AppDeps, projectKey: string, opened: OpenedView, issueId: string, names: NamesOf): Promise<HistoryStep[]> {
  const index = await readIndex(deps.kv, projectKey);
  const now = deps.clock();
  const today = now.toISOString().slice(0, 10);
  const cutoff = now.getTime() - HISTORY_DAYS * 86_400_000;
  const lastOfDay = new Map<string, number>();
  index.points.forEach((h, i) => {
    if (Date.parse(h.at) >= cutoff && h.at.slice(0, 10) !== today) lastOfDay.set(h.at.slice(0, 10), i);
  });
  const wanted = [...lastOfDay.values()];
  const [stored, current] = await Promise.all([readPoints(deps.kv, projectKey, index, wanted), currentPoint(deps, projectKey, opened)]);
  const points: HistoryPoint[] = [...wanted.map((i) => stored.get(i)!), current];
  const visible = visibleIdsOf(opened);
  const series = issueSeries(points, issueId, (id) => visible.has(id));
  const known = await names(pinAuthors(series.flatMap((s) => (s.reason === undefined ? [] : [s.reason]))));
  const visibleKeys = new Set(opened.view.keysInValueOrder());
  const ctx = { canName: (k: string) => visibleKeys.has(k), nameOf: (id: string) => known.get(id) };
  return series.map((s) => ({ at: s.at, score: s.score, rank: s.rank, ...(s.reason === undefined ? {} : { why: toChangeReason(s.reason, ctx) }) }));
}
