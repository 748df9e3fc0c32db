import type { FactorId } from '../../contract/model';

/**
 * Ranking history (docs/storage.md, `hist:*`): what a ranking looked like at one moment, with the facts that
 * explain why an issue moved between two moments. Pure data: the store encodes it, the diff reads it.
 */

/** A pin as history keeps it: where, and who set it (accountId; absent for pins set before `by` was kept). */
export interface PinFact {
  position: number | null;
  quarter: string | null;
  by: string | null;
}

/** One candidate's facts at a point: the inputs behind its score that a team can name. */
export interface Facts {
  key: string;
  /** Factor values (0–1, to 0.001) in FACTOR_IDS order. */
  values: number[];
  /** Distinct customers behind customer voice. */
  customers: number;
  /** yyyy-MM-dd, or null. */
  due: string | null;
  /** Story points read from Jira, or null. */
  points: number | null;
  /** Business value read from Jira (before normalising), or null. */
  businessValue: number | null;
  /** Keys of the unresolved issues it blocks, sorted. */
  blocks: string[];
  pin: PinFact | null;
}

export interface PointEntry {
  id: string;
  /** 0–100, to 0.01. */
  score: number;
  facts: Facts;
}

/** A ranking at one moment: entries in rank order among all candidates (index 0 = rank 1). */
export interface HistoryPoint {
  /** ISO date-time of the computation. */
  at: string;
  /** Config version in force. */
  configVersion: number;
  weights: Record<FactorId, number>;
  entries: PointEntry[];
}
