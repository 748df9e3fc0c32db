import { FACTOR_IDS } from '../../contract/model';
import type { ValueRankConfig } from '../../contract/config';

/**
 * The score arithmetic, in one place: a project's scoring run and a snapshot view (positions among what one user
 * sees) must give the same score, bit for bit, so both add the same terms in the same order.
 */

/** Σ wᵢ over the factors, in FACTOR_IDS order. */
export function weightSum(weights: ValueRankConfig['weights']): number {
  return FACTOR_IDS.reduce((s, id) => s + weights[id], 0);
}

/** A factor's share of the score, in score points: 100 · w · v / Σw / effort divisor (0 when every weight is 0). */
export function contribution(weight: number, value: number, sum: number, divisor: number): number {
  return sum > 0 ? (100 * weight * value) / sum / divisor : 0;
}
