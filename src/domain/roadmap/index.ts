/** Roadmap planning (DESIGN.md, "Roadmap planning"): pure quarter planner, sprint capacity and quarter helpers. */
export {
  capacityFromDeliveries,
  capacityFromSprints,
  deliveredBySprint,
  type SprintCapacity,
  type SprintDelivery,
  type SprintIssue,
  type SprintRecord,
} from './capacity';
export { planRoadmap } from './plan-roadmap';
export { DEFAULT_DEBT_SHARE, MAX_QUARTERS, RoadmapInputError, type RoadmapCandidate, type RoadmapInput } from './roadmap-input';
export { daysInQuarter, proRatedCapacity, quarterHorizon, quarterLabel, quarterOffset, type QuarterSlot } from './quarters';
