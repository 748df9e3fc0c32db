import type { BacklogItem } from '../../contract/model';
import { LazyItems } from './lazy-items';
import { Positions } from './positions';
import { rankOrder } from './rank-items';

/**
 * Issues ranked by score with pins applied: what the scoring run's backlog and a snapshot's view share, since they
 * rank the same way. Issues are indexed in Jira's order; positions (0-based) are the value order. Items are built
 * on first use by the subclass.
 */
export abstract class RankedOrder {
  /** Positions → issue indexes (Jira order). */
  protected readonly order: Uint32Array;
  private readonly positions: Positions;
  private readonly built: LazyItems<BacklogItem>;

  /**
   * `score`: per issue (Jira order), 0–100; `pinOf`: an issue's pinned position (1-based) or undefined;
   * `indexOfKey`: an issue key → its index, undefined when it is not ranked here.
   */
  protected constructor(
    protected readonly score: Float64Array,
    pinOf: (index: number) => number | undefined,
    indexOfKey: (key: string) => number | undefined,
  ) {
    this.order = rankOrder(score, pinOf);
    this.positions = new Positions(this.order, indexOfKey);
    this.built = new LazyItems(this.order.length, (position) => this.buildItem(position));
  }

  /** Builds the item at a position (called once per position until it is forgotten). */
  protected abstract buildItem(position: number): BacklogItem;

  /** Builds the item of `key` afresh on its next use. */
  protected forgetItem(key: string): void {
    const at = this.positions.of(key);
    if (at >= 0) this.built.forget(at);
  }

  /** How many issues are ranked. */
  get length(): number {
    return this.order.length;
  }

  /** The score (0–100) at a position. */
  scoreAt(position: number): number {
    return this.score[this.order[position]!]!;
  }

  /** Jira's rank (1-based, among the ranked issues) of the issue at a position. */
  jiraRankAt(position: number): number {
    return this.order[position]! + 1;
  }

  /** The position (0-based) of the issue with Jira rank `jiraRank` (1-based, as `jiraRankAt` gives). */
  positionOfJiraRank(jiraRank: number): number {
    return this.positions.ofJiraRank(jiraRank);
  }

  /** The position (0-based) of an issue key, or −1 when it is not ranked here. */
  positionOf(key: string): number {
    return this.positions.of(key);
  }

  /** The item at a position, built once, on first use. */
  item(position: number): BacklogItem {
    return this.built.at(position);
  }

  /** Items at positions from…to−1 (clamped), in value order. */
  slice(from: number, to: number): BacklogItem[] {
    return this.built.slice(from, to);
  }
}
