/**
 * What `/search/jql` sees: Jira Cloud's search index lags writes by a moment. "Recent updates might not be
 * immediately visible in the returned search results. If you need read-after-write consistency, you can utilize the
 * `reconcileIssues` parameter" (POST /rest/api/3/search/jql in the platform spec; Atlassian's "Search and reconcile"
 * page, https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/).
 *
 * Modelled for the writes whose lag the app can notice: rank moves (ORDER BY Rank) and field edits (PUT issue, app
 * field values) are invisible to matching and ordering for `lagMs` after the write, unless the issue's id is in the
 * search's `reconcileIssues`. A moved issue keeps its old place in the index; an edited one its old field values.
 * Rendered fields are always current (the issues' own data), as bulkfetch would return them.
 */
import type { SimIssue } from './state';

interface PendingMove {
  ids: string[];
  position: 'before' | 'after';
  anchorId: string;
  /** Epoch ms (wall clock) when the index has caught up with it. */
  until: number;
}

function applyMove(order: string[], ids: readonly string[], position: 'before' | 'after', anchorId: string): void {
  if (ids.length === 0) return;
  const moving = new Set(ids);
  const rest = order.filter((id) => !moving.has(id));
  const at = rest.indexOf(anchorId);
  if (at < 0) return;
  rest.splice(position === 'before' ? at : at + 1, 0, ...ids);
  order.splice(0, order.length, ...rest);
}

/** The index's view for one search: positions and field values, given the ids to reconcile. */
export interface IndexView {
  /** 0-based rank positions as indexed; undefined when the index is current. */
  rank: Map<string, number> | undefined;
  /** The issue as indexed (its fields before recent edits), or the issue itself. */
  asIndexed(issue: SimIssue): SimIssue;
}

export class SearchIndex {
  /** The rank order as last fully indexed, while moves are pending; null when the index is current. */
  private base: string[] | null = null;
  private moves: PendingMove[] = [];
  private readonly staleFields = new Map<string, { issue: SimIssue; until: number }>();

  /**
   * @param lagMs how long (ms, wall clock) a write stays invisible to search; 0 turns the lag off.
   */
  constructor(
    private readonly lagMs: () => number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Call before the rank order changes: `order` is the order before the move. */
  recordMove(order: readonly string[], ids: readonly string[], position: 'before' | 'after', anchorId: string): void {
    const lag = this.lagMs();
    if (lag <= 0) return;
    this.expire();
    this.base ??= [...order];
    this.moves.push({ ids: [...ids], position, anchorId, until: this.clock() + lag });
  }

  /** Call before an issue's fields change: the index keeps the values from before the first unindexed edit. */
  recordEdit(issue: SimIssue): void {
    const lag = this.lagMs();
    if (lag <= 0) return;
    const now = this.clock();
    const held = this.staleFields.get(issue.id);
    const copy = held !== undefined && held.until > now ? held.issue : { ...issue, fields: structuredClone(issue.fields) };
    this.staleFields.set(issue.id, { issue: copy, until: now + lag });
  }

  view(reconcile: ReadonlySet<string>): IndexView {
    this.expire();
    let rank: Map<string, number> | undefined;
    if (this.base !== null) {
      const order = [...this.base];
      for (const m of this.moves)
        applyMove(
          order,
          m.ids.filter((id) => reconcile.has(id)),
          m.position,
          m.anchorId,
        );
      rank = new Map(order.map((id, i) => [id, i]));
    }
    const stale = this.staleFields;
    return {
      rank,
      asIndexed: (issue) => (reconcile.has(issue.id) ? issue : (stale.get(issue.id)?.issue ?? issue)),
    };
  }

  /** Folds what the index has caught up with. */
  private expire(): void {
    const now = this.clock();
    while (this.base !== null && this.moves.length > 0 && (this.moves[0]?.until ?? 0) <= now) {
      const m = this.moves.shift()!;
      applyMove(this.base, m.ids, m.position, m.anchorId);
    }
    if (this.moves.length === 0) this.base = null;
    for (const [id, held] of this.staleFields) if (held.until <= now) this.staleFields.delete(id);
  }
}
