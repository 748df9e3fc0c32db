import { isDate, isValid } from 'date-fns';
import { checkPlannedItems } from './planned-items';

/** Share of each quarter's points kept for tech debt when the input names none. */
export const DEFAULT_DEBT_SHARE = 0.2;
/** Longest horizon a roadmap may span, in quarters. */
export const MAX_QUARTERS = 8;

export interface RoadmapCandidate {
  key: string;
  /** 1-based position in the value order; lower goes first. */
  rank: number;
  /** Story points (> 0), already estimated when Jira had none. */
  points: number;
  kind: 'feature' | 'debt';
  /** Keys of issues that block this one; keys that are not candidates are ignored, cycles are broken. */
  blockedBy: string[];
  /** Quarter label such as `2027-Q1`. */
  pinQuarter?: string;
  /** Due date, yyyy-MM-dd. */
  dueDate?: string;
}

export interface RoadmapInput {
  now: Date;
  /**
   * The user's calendar day, yyyy-MM-dd. When given, an at-risk item already past its due date reads "overdue since
   * <due>"; without it, "due <due>".
   */
  today?: string;
  /** How many quarters to plan, 1–8, starting with the one holding `now`. */
  quarters: number;
  /** Points a full quarter can hold (≥ 0, fractional allowed); the current quarter gets its pro-rated part. */
  capacityPerQuarter: number;
  /** 0–1: share of each quarter's points kept for tech debt while debt waits; default 0.2. */
  debtShare?: number;
  items: RoadmapCandidate[];
}

/** The roadmap cannot be planned from this input; the message says which value to fix. */
export class RoadmapInputError extends Error {
  readonly code = 'INVALID_ROADMAP_INPUT';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RoadmapInputError';
  }
}

/** A calendar day as Jira writes it (yyyy-MM-dd). */
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Checks `input` and returns its tech-debt share (0–1); throws `RoadmapInputError` naming the first bad value. */
export function validateRoadmapInput(input: RoadmapInput): number {
  if (!isDate(input.now) || !isValid(input.now)) invalid('now must be a valid date');
  if (!Number.isInteger(input.quarters) || input.quarters < 1 || input.quarters > MAX_QUARTERS) {
    invalid(`quarters must be a whole number from 1 to ${MAX_QUARTERS}, got ${String(input.quarters)}`);
  }
  if (!Number.isFinite(input.capacityPerQuarter) || input.capacityPerQuarter < 0) {
    invalid(
      `capacity per quarter must be a finite number of points ≥ 0, got ${String(input.capacityPerQuarter)}; ` +
        'set a capacity override or record closed sprints with story points',
    );
  }
  const debtShare = input.debtShare ?? DEFAULT_DEBT_SHARE;
  if (!Number.isFinite(debtShare) || debtShare < 0 || debtShare > 1) {
    invalid(`the tech-debt share must be between 0 and 1, got ${String(debtShare)}`);
  }
  if (input.today !== undefined && !ISO_DAY.test(input.today)) invalid(`today must be a yyyy-MM-dd date, got ${String(input.today)}`);
  checkPlannedItems(input.items, { noun: 'roadmap item', verb: 'planned', zeroPoints: false }, invalid);
  return debtShare;
}

function invalid(message: string): never {
  throw new RoadmapInputError(message);
}
