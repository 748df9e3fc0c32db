/**
 * The next sprint's proposal (DESIGN.md, "Operation shapes": planSprint): value-ranked items taken greedily while
 * they fit the sprint's capacity, with the roadmap's rules at sprint scale. Pure and deterministic.
 *
 * - Order: pinned items first (in rank order), then everything else in rank order.
 * - Blockers first: an item is proposed only together with its unresolved candidate blockers (transitively), all of
 *   them fitting at once; each blocker is listed before what it blocks. Blockers that are not candidates (done,
 *   already in the active sprint, out of sight) do not hold an item back; a held blocker (pinned to a later
 *   quarter) does. Blocking cycles are broken along the rank order, as on the roadmap.
 * - Debt share: while tech debt that may still fit waits, features use at most capacity × (1 − debtShare); debt may
 *   use the whole sprint. Once no debt waits (all proposed, or none of it fits what is left), features may use the
 *   share too and the items skipped so far get a second look, in the same order.
 * - Capacity: the proposal never holds more points than the capacity, with one exception: when nothing fits at all
 *   and the capacity is above 0, the first item without waiting blockers is proposed alone, marked oversized.
 *
 * Cost is O(n log n + links) per pass, two passes at most.
 */
import { linkBlockers, type BlockingNode } from '../roadmap/link-blockers';
import { validateSprintInput, type SprintCandidate, type SprintInput, type SprintPick, type SprintPlan, type SprintReason } from './sprint-input';

/** Allowance (points) when comparing sums of fractional points with capacity. */
const EPS = 1e-9;

interface SprintNode extends BlockingNode<SprintNode> {
  item: SprintCandidate;
  placed: boolean;
}

/** Proposes the next sprint; throws `SprintInputError` for a bad capacity, debt share or item. */
export function planSprint(input: SprintInput): SprintPlan {
  validateSprintInput(input);
  const warnings: string[] = [];
  const sorted = [...input.items].sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const nodes = sorted.map((item, order): SprintNode => ({ item, order, blockers: [], placed: false }));
  linkBlockers(nodes, warnings);
  return new SprintPlanner(input.capacity, input.debtShare, nodes, warnings).run();
}

class SprintPlanner {
  private feature = 0;
  private debt = 0;
  private readonly reserve: number;
  /** Debt items not yet proposed; features stay out of the reserve while any waits. */
  private debtWaiting: number;
  private released: boolean;
  private readonly queue: SprintNode[];
  private readonly picks: (SprintPick & { root: boolean })[] = [];

  constructor(
    private readonly capacity: number,
    debtShare: number,
    nodes: SprintNode[],
    private readonly warnings: string[],
  ) {
    this.reserve = capacity * debtShare;
    const open = nodes.filter((n) => n.item.held !== true);
    this.queue = [...open.filter((n) => n.item.pinned === true), ...open.filter((n) => n.item.pinned !== true)];
    this.debtWaiting = open.filter((n) => n.item.kind === 'debt').length;
    this.released = this.debtWaiting === 0;
  }

  run(): SprintPlan {
    for (let i = 0; i < this.queue.length; i++) {
      const node = this.queue[i] as SprintNode;
      if (!node.placed) this.tryPlace(node);
      if (!this.released && this.debtWaiting === 0) {
        // Every debt item is in: what was skipped for the reserve gets its second look from the top.
        this.released = true;
        i = -1;
      }
    }
    if (!this.released) {
      // Debt still waits, but none of it fits what is left: the reserve would stay empty, so features may use it.
      this.released = true;
      for (const node of this.queue) if (!node.placed) this.tryPlace(node);
    }
    if (this.picks.length === 0) this.placeOversized();
    const cutRank = this.cutRank();
    return {
      items: this.picks.map(({ root: _root, ...pick }) => pick),
      used: { feature: this.feature, debt: this.debt },
      cutRank,
      missed: cutRank === null ? [] : this.missedAbove(cutRank),
      warnings: this.warnings,
    };
  }

  private tryPlace(root: SprintNode): void {
    const group = this.withBlockers(root);
    if (!Array.isArray(group)) return;
    const { feature, debt } = pointsOf(group);
    if (!this.fits(feature, debt)) return;
    for (const { node, dependent } of group) this.put(node, dependent);
  }

  /**
   * `root` and its unplaced blockers, each blocker before what it blocks (post-order), with the item it was
   * reached from; or the held blocker that stands in the way.
   */
  private withBlockers(root: SprintNode): { node: SprintNode; dependent: SprintNode | null }[] | { heldBy: SprintNode } {
    const out: { node: SprintNode; dependent: SprintNode | null }[] = [];
    const seen = new Set<SprintNode>([root]);
    const path: { node: SprintNode; dependent: SprintNode | null; next: number }[] = [{ node: root, dependent: null, next: 0 }];
    while (path.length > 0) {
      const top = path[path.length - 1] as { node: SprintNode; dependent: SprintNode | null; next: number };
      const blocker = top.node.blockers[top.next];
      if (blocker) {
        top.next++;
        if (blocker.placed || seen.has(blocker)) continue;
        if (blocker.item.held === true) return { heldBy: blocker };
        seen.add(blocker);
        path.push({ node: blocker, dependent: top.node, next: 0 });
        continue;
      }
      path.pop();
      out.push({ node: top.node, dependent: top.dependent });
    }
    return out;
  }

  private fits(feature: number, debt: number): boolean {
    if (this.feature + this.debt + feature + debt > this.capacity + EPS) return false;
    return this.released || this.feature + feature + Math.max(this.reserve, this.debt + debt) <= this.capacity + EPS;
  }

  private put(node: SprintNode, dependent: SprintNode | null): void {
    node.placed = true;
    const { key, rank, points, kind } = node.item;
    const reasons: SprintReason[] = [{ kind: 'rank', rank }];
    if (dependent !== null) reasons.push({ kind: 'blocks', key: dependent.item.key });
    else if (node.item.pinned === true) reasons.push({ kind: 'pinned' });
    if (kind === 'debt') {
      this.debt += points;
      this.debtWaiting--;
      if (this.reserve > EPS && this.debt <= this.reserve + EPS) reasons.push({ kind: 'debtShare' });
    } else {
      this.feature += points;
      if (this.reserve > EPS && this.feature > this.capacity - this.reserve + EPS) reasons.push({ kind: 'freedDebtShare' });
    }
    this.picks.push({ key, rank, points, kind, reasons, root: dependent === null });
  }

  /** Nothing fits: the first item with no blocker waiting is proposed alone, so the sprint is not planned empty. */
  private placeOversized(): void {
    if (this.capacity <= 0) return;
    const node = this.queue.find((n) => n.blockers.every((b) => b.placed));
    if (node === undefined) return;
    this.put(node, null);
    const pick = this.picks[this.picks.length - 1] as SprintPick;
    pick.reasons.push({ kind: 'oversized', capacity: this.capacity });
    this.warnings.push(`${node.item.key} (${node.item.points} points) is larger than the sprint's ${this.capacity} points: consider splitting it`);
  }

  /** What ranks above the cut but was left out, and why, in the terms of the final proposal. */
  private missedAbove(cutRank: number): SprintPlan['missed'] {
    const free = Math.max(0, this.capacity - this.feature - this.debt);
    const out: SprintPlan['missed'] = [];
    for (const node of this.queue) {
      if (node.placed || node.item.rank >= cutRank) continue;
      const group = this.withBlockers(node);
      if (!Array.isArray(group)) {
        out.push({ key: node.item.key, rank: node.item.rank, reason: { kind: 'heldBlocker', key: group.heldBy.item.key } });
        continue;
      }
      const { feature, debt } = pointsOf(group);
      out.push({ key: node.item.key, rank: node.item.rank, reason: { kind: 'noRoom', needs: feature + debt, free, blockers: group.length - 1 } });
    }
    return out.sort((a, b) => a.rank - b.rank);
  }

  private cutRank(): number | null {
    const byValue = this.picks.filter((p) => p.root && !p.reasons.some((r) => r.kind === 'debtShare' || r.kind === 'pinned'));
    const counted = byValue.length > 0 ? byValue : this.picks;
    return counted.reduce<number | null>((worst, p) => (worst === null || p.rank > worst ? p.rank : worst), null);
  }
}

function pointsOf(group: readonly { node: SprintNode }[]): { feature: number; debt: number } {
  let feature = 0;
  let debt = 0;
  for (const { node } of group) {
    if (node.item.kind === 'debt') debt += node.item.points;
    else feature += node.item.points;
  }
  return { feature, debt };
}
