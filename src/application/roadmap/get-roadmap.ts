import { format } from 'date-fns';
import type { Payload, ResultMap } from '../../contract/operations';
import { blocksEdges, capacityFromSprints, daysInQuarter, linkRulesFor, planRoadmap, type RoadmapCandidate } from '../../domain';
import { medianPoints } from '../../domain/scoring/effort';
import type { JiraReader } from '../ports/jira';
import { rankProject, type AppDeps } from '../backlog/rank-project';

/** Closed sprints read for capacity: about half a year of two-week sprints. */
const SPRINT_HISTORY = 12;

/** The quarter roadmap of a project's ranked backlog (DESIGN.md, "Roadmap planning"). */
export async function getRoadmap(deps: AppDeps, reader: JiraReader, principal: string, p: Payload<'getRoadmap'>): Promise<ResultMap['getRoadmap']> {
  const [ranking, sprints] = await Promise.all([rankProject(deps, reader, p.projectKey, undefined, { principal }), reader.closedSprints(p.projectKey, SPRINT_HISTORY)]);
  const now = deps.clock();
  const { config, loaded } = ranking;
  const fromSprints = capacityFromSprints(sprints, daysInQuarter(now));
  const capacityPerQuarter = p.capacityOverride ?? config.roadmap.capacityPerQuarter ?? fromSprints.perQuarter ?? config.roadmap.fallbackCapacityPerQuarter;

  const blockedBy = new Map<string, Set<string>>();
  for (const e of blocksEdges(loaded.candidates, linkRulesFor(config, loaded.feedbackProjects))) {
    const s = blockedBy.get(e.to) ?? new Set<string>();
    s.add(e.from);
    blockedBy.set(e.to, s);
  }
  const dueByKey = new Map(loaded.candidates.map((c) => [c.key, c.fields.duedate]));
  const median = medianPoints(ranking.items.flatMap((i) => (i.effort.points === null ? [] : [i.effort.points])), config.effort.defaultPoints);
  const items: RoadmapCandidate[] = ranking.items.map((i) => {
    const due = dueByKey.get(i.key);
    return {
      key: i.key,
      rank: i.rank,
      // A 0-point item still takes a sliver of capacity, so it is planned like any other.
      points: Math.max(0.5, i.effort.points ?? median),
      kind: i.isDebt ? 'debt' : 'feature',
      blockedBy: [...(blockedBy.get(i.key) ?? [])].sort(),
      ...(i.pin?.quarter !== undefined ? { pinQuarter: i.pin.quarter } : {}),
      ...(typeof due === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(due) ? { dueDate: due } : {}),
    };
  });
  const roadmap = planRoadmap({ now, quarters: p.quarters ?? 4, capacityPerQuarter, debtShare: config.roadmap.debtShare, items });
  // Summaries for the cards, and "overdue" said plainly for work already past its due date.
  const summaries = new Map(ranking.items.map((i) => [i.key, i.summary]));
  const today = format(now, 'yyyy-MM-dd');
  const dueOf = new Map(items.map((i) => [i.key, i.dueDate]));
  for (const entry of [...roadmap.quarters.flatMap((q) => q.items), ...roadmap.later]) {
    const summary = summaries.get(entry.key);
    if (summary !== undefined) entry.summary = summary;
    const due = dueOf.get(entry.key);
    if (entry.atRisk !== undefined && due !== undefined && due < today) entry.atRisk = `overdue since ${due}; ${entry.atRisk.replace(/^due [0-9-]+, /, '')}`;
  }
  if (p.capacityOverride === undefined && config.roadmap.capacityPerQuarter === null && fromSprints.perQuarter === null) {
    roadmap.warnings.unshift(`No closed sprints with completed points: capacity is the configured fallback of ${capacityPerQuarter} points per quarter.`);
  }
  return roadmap;
}
