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
export { DEFAULT_DEBT_SHARE, MAX_QUARTERS, planRoadmap, RoadmapInputError, type RoadmapCandidate, type RoadmapInput } from './plan-roadmap';
export { daysInQuarter, proRatedCapacity, quarterHorizon, quarterLabel, quarterOffset, type QuarterSlot } from './quarters';
