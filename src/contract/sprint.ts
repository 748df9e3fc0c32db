/** Where a sprint proposal's capacity came from: typed by the PO, the closed sprints' median, or nothing usable (capacity 0). */
export type SprintCapacitySource = { kind: 'typed' } | { kind: 'history'; sprints: number } | { kind: 'none' };

/**
 * The next sprint's proposal (DESIGN.md, "Operation shapes": planSprint). `items` are in the order to work on them
 * (blockers first); `why` is in words ("rank 3; blocks PAY-12"). Points of an `estimated` item are the project's median.
 */
export interface SprintProposal {
  capacity: number;
  capacitySource: SprintCapacitySource;
  items: { key: string; summary: string; points: number; estimated: boolean; kind: 'feature' | 'debt'; score: number; rank: number; why: string }[];
  /** Points proposed. */
  used: number;
  /** 0–1: share of the proposal's points on items with customer voice. */
  customerShare: number;
  /** 0–1: the proposal's actual share of debt points. */
  debtShare: number;
  /** 0–1: the configured share kept for tech debt. */
  targetDebtShare: number;
  /**
   * What ranks above the proposal's worst value-chosen rank but is not proposed, in rank order, and why: already in the
   * active sprint, pinned to a later quarter, no room left (with its blockers), or a blocker held back.
   */
  skipped: { key: string; summary: string; rank: number; points: number; why: string }[];
  /** The project's active sprint and what in it ranks below the proposal's cut (worst rank first). */
  activeSprint?: { id: number; name: string; issues: number; lowRanked: { key: string; summary: string; rank: number; score: number }[] };
  warnings: string[];
}
