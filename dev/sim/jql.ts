/**
 * JQL for the simulator: the subset the app uses, evaluated against the acting user's view of
 * the site. See jql/parse.ts (syntax), jql/fields.ts (fields) and jql/compile.ts (semantics).
 */
import type { Actor } from './access';
import { canSee } from './access';
import { compileQuery } from './jql/compile';
import { JqlError, parseJql } from './jql/parse';
import type { IndexView } from './search-index';
import type { SimIssue, SimState } from './state';

export { JqlError } from './jql/parse';

export interface JqlOptions {
  /** Refuse queries without a search restriction, as /search/jql and /search/approximate-count do. */
  requireBounded?: boolean;
  /** Match and order as the search index has the issues (lagging recent writes); default: the current site. */
  index?: IndexView;
}

/** The issues `jql` selects that `actor` may browse, in the query's order. Throws JqlError. */
export function runJql(state: SimState, actor: Actor, jql: string, now: number, options: JqlOptions = {}): SimIssue[] {
  const query = parseJql(jql);
  if (options.requireBounded && query.where === undefined) {
    throw new JqlError('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
  }
  const { index } = options;
  const { predicate, compare } = compileQuery(query, { state, actor, now, rank: index?.rank });
  if (index === undefined)
    return state
      .issuesInRankOrder()
      .filter((issue) => canSee(state, actor, issue) && predicate(issue))
      .sort(compare);
  // Visibility is the current one (permissions are not indexed); values and order are the index's.
  const current = new Map<SimIssue, SimIssue>();
  const indexed = state.issuesInRankOrder().flatMap((issue) => {
    if (!canSee(state, actor, issue)) return [];
    const seen = index.asIndexed(issue);
    current.set(seen, issue);
    return predicate(seen) ? [seen] : [];
  });
  return indexed.sort(compare).map((seen) => current.get(seen) ?? seen);
}
