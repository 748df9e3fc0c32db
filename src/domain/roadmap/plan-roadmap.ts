/**
 * The quarter roadmap (DESIGN.md, "Roadmap planning"): value-ranked items placed greedily into quarters of limited
 * capacity, with a share kept for tech debt, blockers placed no later than what they block, pins honoured, and a
 * reason for every placement. Pure and deterministic; `now` comes in as a parameter.
 *
 * Order of work: pinned items go first (into their quarter, even over capacity), then the blockers of pinned items,
 * then everything else in rank order; placing an item first places its unplaced blockers ("pulled forward").
 * Cost is O(n log n + n·q + links) for n items, q ≤ 8 quarters.
 */
import { isValid, parseISO } from 'date-fns';
import type { Roadmap } from '../../contract/model';
import { quarterHorizon, quarterOffset, type QuarterSlot } from './quarters';
import { ISO_DAY, validateRoadmapInput, type RoadmapCandidate, type RoadmapInput } from './roadmap-input';
import { UNPLACED, type PlanNode } from './plan-node';
import { linkBlockers } from './link-blockers';
import { Planner } from './planner';
import { label } from './plan-text';

/**
 * Plans `input.items` into `input.quarters` quarters. Throws `RoadmapInputError` for a horizon outside 1–8
 * quarters, a non-finite or negative capacity, a debt share outside 0–1, a `today` that is not yyyy-MM-dd, duplicate keys
 * or malformed items; softer
 * problems (unknown pins or due dates, cycles, over-capacity pins) become `warnings`.
 */
export function planRoadmap(input: RoadmapInput): Roadmap {
  const debtShare = validateRoadmapInput(input);
  const slots = quarterHorizon(input.now, input.quarters);
  const warnings: string[] = [];
  const nodes = buildNodes(input, slots, warnings);
  const planner = new Planner(slots, input.capacityPerQuarter, debtShare, nodes, warnings, input.today);
  planner.run();
  return planner.result();
}

function buildNodes(input: RoadmapInput, slots: QuarterSlot[], warnings: string[]): PlanNode[] {
  const sorted = [...input.items].sort((a, b) => a.rank - b.rank || compareKeys(a.key, b.key));
  const nodes = sorted.map((item, order): PlanNode => ({
    item,
    order,
    blockers: [],
    pin: resolvePin(item, input.now, slots, warnings),
    due: resolveDue(item, warnings),
    quarter: UNPLACED,
    reason: '',
  }));
  linkBlockers(nodes, warnings);
  return nodes;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A pin in the past moves to the current quarter, one beyond the horizon to its last quarter: the nearest ones. */
function resolvePin(item: RoadmapCandidate, now: Date, slots: QuarterSlot[], warnings: string[]): number | null {
  if (item.pinQuarter === undefined) return null;
  const offset = quarterOffset(item.pinQuarter, now);
  if (offset === null) {
    warnings.push(`${item.key}: pin "${item.pinQuarter}" is not a quarter like 2027-Q1; planned as if unpinned`);
    return null;
  }
  const last = slots.length - 1;
  if (offset < 0) {
    warnings.push(`${item.key} is pinned to ${item.pinQuarter}, which has passed; planned in ${label(slots, 0)}`);
    return 0;
  }
  if (offset > last) {
    warnings.push(
      `${item.key} is pinned to ${item.pinQuarter}, beyond this ${slots.length}-quarter plan; ` + `planned in its last quarter ${label(slots, last)}`,
    );
    return last;
  }
  return offset;
}

function resolveDue(item: RoadmapCandidate, warnings: string[]): Date | null {
  if (item.dueDate === undefined) return null;
  const due = ISO_DAY.test(item.dueDate) ? parseISO(item.dueDate) : null;
  if (due && isValid(due)) return due;
  warnings.push(`${item.key}: due date "${item.dueDate}" is not a yyyy-MM-dd date; ignored`);
  return null;
}
