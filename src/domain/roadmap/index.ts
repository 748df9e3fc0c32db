/** Roadmap planning (DESIGN.md, "Roadmap planning"): pure quarter planner, sprint capacity and quarter helpers. */
export {
  capacityFromDeliveries,
  capacityFromSprints,
  deliveredBySprint,
  pointsPerSprint,
  type SprintCapacity,
  type SprintDelivery,
  type SprintIssue,
  type SprintRecord,
} from './capacity';
export { planRoadmap } from './plan-roadmap';
export { linkBlockers, type BlockingNode } from './link-blockers';
export { DEFAULT_DEBT_SHARE, MAX_QUARTERS, RoadmapInputError, type RoadmapCandidate, type RoadmapInput } from './roadmap-input';
export { daysInQuarter, proRatedCapacity, quarterHorizon, quarterLabel, quarterOffset, type QuarterSlot } from './quarters';
