import type { QuarterSlot } from './quarters';

/** The label of quarter `i`, or `later` past the last one. */
export function label(slots: QuarterSlot[], i: number): string {
  return slots[i]?.label ?? 'later';
}

/** Points for people: whole numbers as they are, fractions to one decimal. */
export function fmt(points: number): string {
  return Number.isInteger(points) ? String(points) : String(Math.round(points * 10) / 10);
}

/** Why an item may miss its due date (yyyy-MM-dd): planned in a quarter that ends after it, or beyond the plan. */
export type DueRisk = { due: string; quarter: string; ends: string } | { due: string; notWithin: string };

/**
 * The at-risk line of a roadmap item. `today` (yyyy-MM-dd), when given, turns a due date already passed into
 * "overdue since <due>".
 */
export function atRiskText(risk: DueRisk, today: string | undefined): string {
  const where = 'quarter' in risk ? `planned in ${risk.quarter} ending ${risk.ends}` : `not planned within ${risk.notWithin}`;
  return today !== undefined && risk.due < today ? `overdue since ${risk.due}; ${where}` : `due ${risk.due}, ${where}`;
}
