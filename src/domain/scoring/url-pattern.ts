import { RE2JS } from 're2js';

/**
 * Remote-link URL patterns run on text that anyone who can add a remote link controls, so they run on RE2's
 * engine (re2js, a pure-JS port): matching takes time linear in the URL whatever the pattern, where a
 * backtracking engine takes ~4^n steps for `([a-z0-9]+-?)+` on a near-miss. RE2 refuses what it cannot run in
 * linear time (backreferences, lookaround); the config is refused at save for such a pattern.
 */
export interface UrlPattern {
  /** The `customer` group of the first match (trimmed, maybe empty), or null when the URL does not match. */
  customerOf(url: string): { customer: string } | null;
}

/** URLs are cut to this many characters before matching (Jira allows longer ones; a customer's name sits early). */
export const MAX_MATCHED_URL_CHARS = 2000;

/** Compiles a pattern (case-insensitive, RE2 syntax, named groups as `(?<customer>…)`), or says why it cannot. */
export function compileUrlPattern(source: string): { pattern: UrlPattern } | { problem: string } {
  let re: RE2JS;
  try {
    re = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { problem: `not a regular expression ValueRank can run in linear time (RE2 syntax: no backreferences or lookaround): ${why}` };
  }
  const hasCustomer = Object.prototype.hasOwnProperty.call(re.namedGroups(), 'customer');
  return {
    pattern: {
      customerOf(url: string) {
        const m = re.matcher(url.length > MAX_MATCHED_URL_CHARS ? url.slice(0, MAX_MATCHED_URL_CHARS) : url);
        if (!m.find()) return null;
        return { customer: hasCustomer ? (m.group('customer') ?? '').trim() : '' };
      },
    },
  };
}
