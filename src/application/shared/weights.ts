import type { Weights } from '../../contract/config';
import { AppError } from '../errors';

/** Refuses weights that are all 0 (no score could be computed); `field` names the payload field for the message. */
export function requireSomeWeight(weights: Weights, field: string): void {
  if (!Object.values(weights).some((w) => w > 0)) throw new AppError('INVALID_PAYLOAD', `${field}: at least one weight must be above 0`);
}
