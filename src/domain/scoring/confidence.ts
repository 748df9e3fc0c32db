import type { GapCode } from '../../contract/gaps';

/** What stands behind one issue's score. */
export interface EvidenceStrength {
  /** A business value was read (not missing, not malformed). */
  businessValue: boolean;
  /** Story points were read (the effort is not the project median). */
  points: boolean;
  /** A due date (or a fix version's release date) was read. */
  dueDate: boolean;
  /** Distinct customers behind customer voice. */
  customers: number;
  /** Stakeholders who voted. */
  voters: number;
  /** The data gaps. */
  gaps: readonly GapCode[];
}

/** Gaps already counted as an unfilled field; every other gap (malformed links, unreadable tickets…) costs this. */
const FIELD_GAPS = new Set<string>(['businessValue.missing', 'businessValue.malformed', 'effort.missing', 'effort.malformed']);
const OTHER_GAP_PENALTY = 0.1;

/**
 * Confidence (0–1): how much evidence stands behind a score, not only whether data is missing.
 *
 *   fields = 0.45·[business value read] + 0.40·[story points read] + 0.15·[due date read]
 *   demand = 1 − 1 / (1 + customers + voters)     (0 with nobody, ½ with one, ⅔ with two, → 1)
 *   confidence = clamp₀¹(fields · (0.5 + 0.5·demand) − 0.1 · other data gaps)
 *
 * Fields bound it: without a business value it stays at or below 0.55, never "high" (the UI's high starts at
 * 0.75). Demand fills the rest: a fully filled issue nobody asked for is 0.5 ("medium"), with one customer or vote
 * 0.75; without a due date it takes four distinct customers or votes to reach 0.75. Each filled field and each
 * distinct customer or vote raises it; malformed links, unreadable feedback tickets and the like lower it.
 */
export function confidenceOf(e: EvidenceStrength): number {
  const fields = (e.businessValue ? 0.45 : 0) + (e.points ? 0.4 : 0) + (e.dueDate ? 0.15 : 0);
  const demand = 1 - 1 / (1 + Math.max(0, e.customers) + Math.max(0, e.voters));
  const penalty = e.gaps.filter((g) => !FIELD_GAPS.has(g)).length * OTHER_GAP_PENALTY;
  return Math.max(0, Math.min(1, fields * (0.5 + 0.5 * demand) - penalty));
}
