import type { Payload, ResultMap } from '../../contract/operations';
import { FACTOR_IDS } from '../../contract/model';
import { planSprint as planProposal, quarterLabel, type SprintCandidate } from '../../domain';
import type { AppDeps } from '../app-deps';
import type { JiraReader } from '../ports/jira';
import { openView } from '../snapshot/open-view';
import { readEdges } from '../snapshot/snapshot-store';
import { readActiveSprint } from './active-sprint';
import { sprintHistory } from '../roadmap/sprint-history';
import { sprintCapacity } from './sprint-capacity';
import { missText, sprintWhy } from './sprint-why';

const CUSTOMER_VOICE = FACTOR_IDS.indexOf('customerVoice');
/** Items of the active sprint listed as ranking low, and items above the cut listed as left out, at most. */
const MAX_LOW_RANKED = 200;
const MAX_SKIPPED = 50;

/**
 * The next sprint's proposal from the ranking the user can see (DESIGN.md, "Operation shapes": planSprint), from
 * the project's snapshot: what fits the capacity (typed, or the closed sprints' median), blockers first, the
 * configured debt share kept, pins honoured; items already in the active sprint are left out, and those of them
 * that rank below the proposal's cut are listed.
 */
export async function planSprint(deps: AppDeps, reader: JiraReader, principal: string, p: Payload<'planSprint'>): Promise<ResultMap['planSprint']> {
  const opened = await openView(deps, reader, p.projectKey, undefined, { principal });
  const { config } = await deps.configs.effective(p.projectKey);
  const targetDebtShare = config.roadmap.debtShare;
  if (opened.status === 'building') {
    return {
      capacity: 0,
      capacitySource: { kind: 'none' },
      items: [],
      used: 0,
      customerShare: 0,
      debtShare: 0,
      targetDebtShare,
      skipped: [],
      warnings: [],
      ...opened,
    };
  }
  const now = deps.clock();
  const { view, meta } = opened;
  const [capacity, active, edges] = await Promise.all([
    sprintCapacity(p.capacity, () => sprintHistory(reader, deps.kv, p.projectKey, principal, meta.fields.storyPoints, now.getTime())),
    readActiveSprint(reader, p.projectKey),
    readEdges(deps.kv, p.projectKey, meta),
  ]);
  const warnings = [...capacity.warnings];

  // Dependencies among what the user can see, as on the roadmap: an edge to an issue they cannot see would name it.
  const blockedBy = new Map<string, string[]>();
  for (const e of edges) {
    if (e.toDone || view.positionOf(e.from) < 0 || view.positionOf(e.to) < 0) continue;
    blockedBy.set(e.to, [...(blockedBy.get(e.to) ?? []), e.from]);
  }
  const quarter = quarterLabel(now);
  const candidates: SprintCandidate[] = [];
  const inSprint: number[] = [];
  for (let pos = 0; pos < view.length; pos++) {
    if (active?.issueIds.has(view.idAt(pos)) === true) {
      inSprint.push(pos);
      continue;
    }
    const key = view.keyAt(pos);
    const pin = view.pinAt(pos);
    // A quarter pin decides: a later quarter holds the item back, this one (or a past one) puts it first. A position
    // pin has already placed the item in the ranking, so it needs nothing more here.
    const pinQuarter = pin?.quarter;
    const later = pinQuarter !== undefined && pinQuarter > quarter;
    candidates.push({
      key,
      rank: pos + 1,
      points: view.pointsAt(pos) ?? meta.medianPoints,
      kind: view.isDebtAt(pos) ? 'debt' : 'feature',
      blockedBy: blockedBy.get(key) ?? [],
      ...(later ? { held: true } : pinQuarter !== undefined ? { pinned: true } : {}),
    });
  }
  const inSprintSet = new Set(inSprint);
  // Without a capacity there is nothing to propose: the warning asks for one.
  const plan = capacity.points > 0 ? planProposal({ capacity: capacity.points, debtShare: targetDebtShare, items: candidates }) : null;
  warnings.push(...(plan?.warnings ?? []));

  let used = 0;
  let voiced = 0;
  let debt = 0;
  const items = (plan?.items ?? []).map((pick) => {
    const pos = pick.rank - 1;
    used += pick.points;
    if ((view.rowAt(pos).values[CUSTOMER_VOICE] ?? 0) > 0) voiced += pick.points;
    if (pick.kind === 'debt') debt += pick.points;
    return {
      key: pick.key,
      summary: view.summaryAt(pos),
      points: pick.points,
      estimated: view.pointsAt(pos) === null,
      kind: pick.kind,
      score: view.scoreAt(pos),
      rank: pick.rank,
      why: sprintWhy(pick.reasons),
    };
  });
  const cut = plan?.cutRank ?? null;
  const missed = new Map((plan?.missed ?? []).map((m) => [m.key, missText(m.reason)]));
  const skipped: ResultMap['planSprint']['skipped'] = [];
  for (let pos = 0; cut !== null && pos < cut - 1 && skipped.length < MAX_SKIPPED; pos++) {
    const key = view.keyAt(pos);
    const pin = view.pinAt(pos)?.quarter;
    const why = inSprintSet.has(pos)
      ? `in ${active?.name ?? 'the active sprint'} already`
      : pin !== undefined && pin > quarter
        ? `pinned to ${pin}`
        : missed.get(key);
    if (why !== undefined) skipped.push({ key, summary: view.summaryAt(pos), rank: pos + 1, points: view.pointsAt(pos) ?? meta.medianPoints, why });
  }
  const result: ResultMap['planSprint'] = {
    capacity: capacity.points,
    capacitySource: capacity.source,
    items,
    used,
    customerShare: used > 0 ? voiced / used : 0,
    debtShare: used > 0 ? debt / used : 0,
    targetDebtShare,
    skipped,
    warnings,
    status: 'ready',
    sources: opened.sources,
  };
  if (active !== null) {
    const low = cut === null ? [] : inSprint.filter((pos) => pos + 1 > cut).reverse();
    result.activeSprint = {
      id: active.id,
      name: active.name,
      issues: inSprint.length,
      lowRanked: low.slice(0, MAX_LOW_RANKED).map((pos) => ({ key: view.keyAt(pos), summary: view.summaryAt(pos), rank: pos + 1, score: view.scoreAt(pos) })),
    };
    if (active.others.length > 0)
      warnings.push(`The project's boards have other active sprints too (${active.others.join(', ')}); compared with ${active.name} only.`);
  }
  return result;
}
