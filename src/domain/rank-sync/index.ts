export { applyBatches, MAX_RANK_BATCH, planRankSync, RankSyncInputError } from './plan-rank-sync';
export type { RankSyncPlan } from './plan-rank-sync';
