import { checkPlannedItems } from '../roadmap/planned-items';

/** One backlog item the next sprint may take. */
export interface SprintCandidate {
  key: string;
  /** 1-based position in the value order; lower goes first. */
  rank: number;
  /** Story points (≥ 0), already estimated when Jira had none. */
  points: number;
  kind: 'feature' | 'debt';
  /** Keys of unresolved issues that block this one; keys that are not candidates are ignored, cycles are broken. */
  blockedBy: readonly string[];
  /** Pinned to the current quarter (or an earlier one): considered before the rest. */
  pinned?: boolean;
  /** May not be proposed (pinned to a later quarter); what it blocks may not be proposed either. */
  held?: boolean;
}

export interface SprintInput {
  /** Points the sprint can hold (≥ 0, fractional allowed). */
  capacity: number;
  /** 0–1: share of the capacity kept for tech debt while debt work that fits waits. */
  debtShare: number;
  items: readonly SprintCandidate[];
}

/** Why an item is in the proposal; the words are written at the edge. */
export type SprintReason =
  | { kind: 'rank'; rank: number }
  | { kind: 'pinned' }
  /** Pulled in ahead of the item it blocks. */
  | { kind: 'blocks'; key: string }
  /** Tech debt within the debt share. */
  | { kind: 'debtShare' }
  /** A feature in the debt share: no tech debt that fits was waiting. */
  | { kind: 'freedDebtShare' }
  /** Alone and larger than the capacity: nothing else fitted (see `planSprint`). */
  | { kind: 'oversized'; capacity: number };

export interface SprintPick {
  key: string;
  rank: number;
  points: number;
  kind: 'feature' | 'debt';
  reasons: SprintReason[];
}

/** Why an item ranked above the cut is not in the proposal. */
export type SprintMiss =
  /** It (with its `blockers` waiting blockers) needs `needs` points; `free` were left. */
  | { kind: 'noRoom'; needs: number; free: number; blockers: number }
  /** A blocker of it is held (pinned to a later quarter). */
  | { kind: 'heldBlocker'; key: string };

export interface SprintPlan {
  /** In the order to work on them: every blocker before what it blocks. */
  items: SprintPick[];
  /** Points proposed, by kind. */
  used: { feature: number; debt: number };
  /**
   * The worst rank the proposal reached by value alone (pinned items, blockers pulled in and debt within the debt share not
   * counted); null for an empty proposal. Work ranked below it would not have made this sprint.
   */
  cutRank: number | null;
  /** Candidates ranked above the cut that were left out (held items not included), in rank order, and why. */
  missed: { key: string; rank: number; reason: SprintMiss }[];
  warnings: string[];
}

/** The sprint cannot be planned from this input; the message says which value to fix. */
export class SprintInputError extends Error {
  readonly code = 'INVALID_SPRINT_INPUT';

  constructor(message: string) {
    super(message);
    this.name = 'SprintInputError';
  }
}

/** Throws `SprintInputError` naming the first bad value. */
export function validateSprintInput(input: SprintInput): void {
  if (!Number.isFinite(input.capacity) || input.capacity < 0) {
    invalid(`the sprint capacity must be a finite number of points ≥ 0, got ${String(input.capacity)}`);
  }
  if (!Number.isFinite(input.debtShare) || input.debtShare < 0 || input.debtShare > 1) {
    invalid(`the tech-debt share must be between 0 and 1, got ${String(input.debtShare)}`);
  }
  checkPlannedItems(input.items, { noun: 'sprint candidate', verb: 'proposed', zeroPoints: true }, invalid);
}

function invalid(message: string): never {
  throw new SprintInputError(message);
}
