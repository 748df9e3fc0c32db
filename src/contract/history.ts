import type { FactorId } from './model';

/**
 * Ranking history shapes (DESIGN.md, "Operation shapes": getChanges, explainIssue's history). Types only.
 */

/** One reason behind a move, in words a team understands ("3 more customers", "weights changed in config v7"). */
export interface ChangeReason {
  kind: 'factor' | 'config' | 'evidence' | 'pin' | 'vote';
  factor?: FactorId;
  text: string;
}

export interface RankChange {
  key: string;
  summary: string;
  /** 1-based positions among the issues the user can browse. */
  rankFrom: number;
  rankTo: number;
  /** 0–100, to 0.01. */
  scoreFrom: number;
  scoreTo: number;
  /** The main reason first; empty when nothing of the issue's own changed (others moved past it). */
  why: ChangeReason[];
}

export interface ChangesResult {
  /** ISO date-time of the history point compared with (the newest at or before `since`, else the oldest kept). */
  from: string;
  /** ISO date-time of now: the current ranking. */
  to: string;
  /** `since` as resolved to a date-time. */
  since: string;
  moves: RankChange[];
  entered: { key: string; summary: string; rank: number; score: number; why: string }[];
  left: { key: string; summary: string; rankFrom: number; why: 'done' | 'removed' | 'filtered' }[];
  /** Moves left out to fit one answer (the smallest ones), when there were more than 1,000. */
  omitted?: number;
}

/** One day of an issue's history: the day's last computation. */
export interface HistoryStep {
  at: string;
  /** 0–100, to 0.01. */
  score: number;
  /** 1-based position among the issues the user can browse now. */
  rank: number;
  /** The main reason of the change since the step before. */
  why?: ChangeReason;
}
