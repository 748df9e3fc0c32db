import { DEFAULT_SEARCH_LAG_MS } from '../../dev/sim/faults';

/**
 * Waits until the simulated Jira's search index has caught up with the writes made so far. Like Jira Cloud's,
 * `/search/jql` lags writes by a moment (dev/sim/search-index.ts); a test that reads Jira's state back through a
 * search, rather than through the app, waits for it first, as a script against a real site would.
 */
export function searchIndexCaughtUp(lagMs: number = DEFAULT_SEARCH_LAG_MS): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, lagMs + 50));
}
