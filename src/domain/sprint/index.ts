/** Sprint planning (DESIGN.md, "Operation shapes": planSprint): the next sprint's proposal from the ranking. */
export { planSprint } from './plan-sprint';
export { SprintInputError, type SprintCandidate, type SprintInput, type SprintMiss, type SprintPick, type SprintPlan, type SprintReason } from './sprint-input';
