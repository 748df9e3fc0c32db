import { format } from 'date-fns';
import type { Payload, ResultMap } from '../../contract/operations';
import { capacityFromDeliveries, daysInQuarter, planRoadmap, type RoadmapCandidate } from '../../domain';
import type { JiraReader } from '../ports/jira';
import type { AppDeps } from '../app-deps';
import { openView } from '../snapshot/open-view';
import { readEdges } from '../snapshot/snapshot-store';
import { sprintHistory, TRUNCATED_HISTORY_WARNING, whyNoHistory, type SprintHistoryResult } from './sprint-history';
import { fitRoadmap } from '../backlog/answer-budget';

/** The quarter roadmap of the ranked backlog the user can see (DESIGN.md, "Roadmap planning"), from the project's snapshot. */
export async function getRoadmap(deps: AppDeps, reader: JiraReader, principal: string, p: Payload<'getRoadmap'>): Promise<ResultMap['getRoadmap']> {
  const opened = await openView(deps, reader, p.projectKey, undefined, { principal });
  if (opened.status === 'building') return { quarters: [], later: [], warnings: [], ...opened };
  const now = deps.clock();
  const { config } = await deps.configs.effective(p.projectKey);
  const { view, meta } = opened;
  const needHistory = p.capacityOverride === undefined && config.roadmap.capacityPerQuarter === null;
  const history: SprintHistoryResult = needHistory
    ? await sprintHistory(reader, deps.kv, p.projectKey, principal, meta.fields.storyPoints, now.getTime())
    : { deliveries: [], truncated: false };
  const fromSprints = capacityFromDeliveries(history.deliveries, daysInQuarter(now));
  const capacityPerQuarter = p.capacityOverride ?? config.roadmap.capacityPerQuarter ?? fromSprints.perQuarter ?? config.roadmap.fallbackCapacityPerQuarter;

  // Dependencies among what the user can see: an edge to an issue they cannot see would name it in a reason.
  const blockedBy = new Map<string, Set<string>>();
  for (const e of await readEdges(deps.kv, p.projectKey, meta)) {
    if (e.toDone || view.positionOf(e.from) < 0 || view.positionOf(e.to) < 0) continue;
    const s = blockedBy.get(e.to) ?? new Set<string>();
    s.add(e.from);
    blockedBy.set(e.to, s);
  }
  const median = meta.medianPoints;
  const items: RoadmapCandidate[] = [];
  for (let pos = 0; pos < view.length; pos++) {
    const key = view.keyAt(pos);
    const due = view.dueDateAt(pos);
    const pin = view.pinAt(pos);
    items.push({
      key,
      rank: pos + 1,
      // A 0-point item still takes a sliver of capacity, so it is planned like any other.
      points: Math.max(0.5, view.pointsAt(pos) ?? median),
      kind: view.isDebtAt(pos) ? 'debt' : 'feature',
      blockedBy: [...(blockedBy.get(key) ?? [])].sort(),
      ...(pin?.quarter !== undefined ? { pinQuarter: pin.quarter } : {}),
      ...(due !== null && /^\d{4}-\d{2}-\d{2}$/.test(due) ? { dueDate: due } : {}),
    });
  }
  // `today` lets the plan say "overdue" plainly for work already past its due date.
  const today = format(now, 'yyyy-MM-dd');
  const roadmap = planRoadmap({ now, today, quarters: p.quarters ?? 4, capacityPerQuarter, debtShare: config.roadmap.debtShare, items });
  // Summaries for the cards.
  for (const entry of [...roadmap.quarters.flatMap((q) => q.items), ...roadmap.later]) {
    const pos = view.positionOf(entry.key);
    if (pos >= 0) entry.summary = view.summaryAt(pos);
  }
  if (needHistory && fromSprints.perQuarter === null)
    roadmap.warnings.unshift(`${whyNoHistory(history)}: capacity is the configured fallback of ${capacityPerQuarter} points per quarter.`);
  if (history.truncated) roadmap.warnings.unshift(TRUNCATED_HISTORY_WARNING);
  return { ...fitRoadmap(roadmap), status: 'ready', sources: opened.sources };
}
