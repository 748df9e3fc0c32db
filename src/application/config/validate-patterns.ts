import { compileUrlPattern } from '../../domain/scoring/url-pattern';
import { AppError } from '../errors';

/**
 * Refuses remote-link URL patterns that the scoring engine (RE2, linear time) cannot compile, naming the field:
 * a pattern that compiled in JavaScript but not in RE2 (a lookahead, a backreference) would otherwise match
 * nothing, silently.
 */
export function checkRemoteLinkPatterns(patterns: readonly string[]): void {
  for (const [i, p] of patterns.entries()) {
    const compiled = compileUrlPattern(p);
    if ('problem' in compiled) {
      const path = `customerVoice.remoteLinkPatterns.${i}`;
      throw new AppError('INVALID_PAYLOAD', `Invalid configuration: ${path}: ${compiled.problem}`, [{ path, message: compiled.problem }]);
    }
  }
}
