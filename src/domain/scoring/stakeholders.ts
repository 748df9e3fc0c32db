import type { ValueRankConfig } from '../../contract/config';
import { saturate } from './read-values';

/** One user's vote on an issue, as stored (importance 0 withdraws a vote, so a stored vote is 1–5). */
export interface StakeholderVote {
  accountId: string;
  /** 1–5. */
  importance: number;
  /** The voter's Jira group names when they voted (read once per vote), for the configured group weights. */
  groups: readonly string[];
}

export interface StakeholderEvidence {
  /** How many users voted. */
  voters: number;
  /** Σ importance × group multiplier: the mass m in m / (m + saturation). */
  weightedImportance: number;
}

/** Shared by every issue nobody voted on; never mutated. */
export const NO_VOTES: StakeholderEvidence = Object.freeze({ voters: 0, weightedImportance: 0 });

/** Group name (trimmed, lower case) → multiplier, from the config. */
export function groupWeightMap(config: ValueRankConfig['stakeholders']): ReadonlyMap<string, number> {
  return new Map(Object.entries(config.groupWeights).map(([k, v]) => [k.trim().toLowerCase(), v]));
}

/**
 * A voter's multiplier: the largest weight among their groups that the config names, 1 when it names none of
 * them (an admin weighs the groups they care about; everyone else counts as one stakeholder).
 */
export function voterMultiplier(groups: readonly string[], weights: ReadonlyMap<string, number>): number {
  let best: number | null = null;
  for (const g of groups) {
    const w = weights.get(g.trim().toLowerCase());
    if (w !== undefined && (best === null || w > best)) best = w;
  }
  return best ?? 1;
}

/**
 * The stakeholders factor (0–1): saturate(Σ importance × multiplier, saturation), like customer voice. Votes are
 * added in account-id order, so the same votes give the same value bit for bit whatever order storage listed them
 * in, and removing one vote gives exactly the value the others give alone. Importances outside 1–5 (a corrupt
 * record) count as nothing.
 */
export function stakeholders(
  votes: readonly StakeholderVote[] | undefined,
  weights: ReadonlyMap<string, number>,
  config: ValueRankConfig['stakeholders'],
): { value: number; evidence: StakeholderEvidence } {
  if (votes === undefined || votes.length === 0) return { value: 0, evidence: NO_VOTES };
  const sorted = [...votes].sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
  let mass = 0;
  let voters = 0;
  for (const v of sorted) {
    if (!(Number.isInteger(v.importance) && v.importance >= 1 && v.importance <= 5)) continue;
    voters++;
    mass += v.importance * voterMultiplier(v.groups, weights);
  }
  return { value: saturate(mass, config.saturation), evidence: { voters, weightedImportance: mass } };
}
