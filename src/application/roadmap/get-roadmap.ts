import { format } from 'date-fns';
import type { Payload, ResultMap } from '../../contract/operations';
import { blocksEdges, capacityFromDeliveries, daysInQuarter, linkRulesFor, planRoadmap, type RoadmapCandidate } from '../../domain';
import type { JiraReader } from '../ports/jira';
import { rankProject, type AppDeps } from '../backlog/rank-project';
import { sprintHistory, type SprintHistoryResult } from './sprint-history';
import { fitRoadmap } from '../backlog/answer-budget';

/** The quarter roadmap of a project's ranked backlog (DESIGN.md, "Roadmap planning"). */
export async function getRoadmap(deps: AppDeps, reader: JiraReader, principal: string, p: Payload<'getRoadmap'>): Promise<ResultMap['getRoadmap']> {
  const ranking = await rankProject(deps, reader, p.projectKey, undefined, { principal });
  const now = deps.clock();
  const { config, loaded } = ranking;
  const needHistory = p.capacityOverride === undefined && config.roadmap.capacityPerQuarter === null;
  const history: SprintHistoryResult = needHistory
    ? await sprintHistory(reader, deps.kv, p.projectKey, principal, loaded.fields.storyPoints, now.getTime())
    : { deliveries: [], truncated: false };
  const fromSprints = capacityFromDeliveries(history.deliveries, daysInQuarter(now));
  const capacityPerQuarter = p.capacityOverride ?? config.roadmap.capacityPerQuarter ?? fromSprints.perQuarter ?? config.roadmap.fallbackCapacityPerQuarter;

  const blockedBy = new Map<string, Set<string>>();
  for (const e of blocksEdges(loaded.candidates, linkRulesFor(config, loaded.feedbackProjects))) {
    const s = blockedBy.get(e.to) ?? new Set<string>();
    s.add(e.from);
    blockedBy.set(e.to, s);
  }
  const { backlog } = ranking;
  const median = backlog.medianPoints;
  const items: RoadmapCandidate[] = [];
  for (let pos = 0; pos < backlog.length; pos++) {
    const key = backlog.keyAt(pos);
    const due = backlog.fieldsAt(pos).duedate;
    const pin = backlog.pinAt(pos);
    items.push({
      key,
      rank: pos + 1,
      // A 0-point item still takes a sliver of capacity, so it is planned like any other.
      points: Math.max(0.5, backlog.pointsAt(pos) ?? median),
      kind: backlog.isDebtAt(pos) ? 'debt' : 'feature',
      blockedBy: [...(blockedBy.get(key) ?? [])].sort(),
      ...(pin?.quarter !== undefined ? { pinQuarter: pin.quarter } : {}),
      ...(typeof due === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(due) ? { dueDate: due } : {}),
    });
  }
  const roadmap = planRoadmap({ now, quarters: p.quarters ?? 4, capacityPerQuarter, debtShare: config.roadmap.debtShare, items });
  // Summaries for the cards, and "overdue" said plainly for work already past its due date.
  const today = format(now, 'yyyy-MM-dd');
  const dueOf = new Map(items.map((i) => [i.key, i.dueDate]));
  for (const entry of [...roadmap.quarters.flatMap((q) => q.items), ...roadmap.later]) {
    const pos = backlog.positionOf(entry.key);
    if (pos >= 0) entry.summary = backlog.summaryAt(pos);
    const due = dueOf.get(entry.key);
    if (entry.atRisk !== undefined && due !== undefined && due < today) entry.atRisk = `overdue since ${due}; ${entry.atRisk.replace(/^due [0-9-]+, /, '')}`;
  }
  if (needHistory && fromSprints.perQuarter === null) {
    const why =
      history.missing === 'no-points-field'
        ? 'No story points field'
        : history.missing === 'no-sprint-field'
          ? 'This site has no Sprint field'
          : 'No closed sprint with start and completion dates';
    roadmap.warnings.unshift(`${why}: capacity is the configured fallback of ${capacityPerQuarter} points per quarter.`);
  }
  if (history.truncated) roadmap.warnings.unshift('The last closed sprints hold more done issues than are read for capacity; capacity may read low.');
  return { ...fitRoadmap(roadmap), status: 'ready' };
}
