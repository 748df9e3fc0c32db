import type { RoadmapCandidate } from './roadmap-input';

/** `PlanNode.quarter` of an item not yet placed. */
export const UNPLACED = -1;

/** One item while it is planned: its blockers, pin and due date resolved, and where it went and why. */
export interface PlanNode {
  item: RoadmapCandidate;
  /** 0-based position in rank order (ties broken by key); cycles are broken along it. */
  order: number;
  /** Candidate blockers in rank order, cycle links removed. */
  blockers: PlanNode[];
  /** Quarter index the item is pinned to, already clamped into the horizon. */
  pin: number | null;
  due: Date | null;
  /** UNPLACED, a quarter index, or `later` (= number of quarters, i.e. after every quarter). */
  quarter: number;
  reason: string;
}
