import { compareAsc, parseISO } from 'date-fns';
import type { Roadmap, RoadmapItem, RoadmapQuarter } from '../../contract/model';
import { proRatedCapacity, type QuarterSlot } from './quarters';
import { UNPLACED, type PlanNode } from './plan-node';
import type { RoadmapCandidate } from './roadmap-input';
import { atRiskText, fmt, label } from './plan-text';

/** Allowance (points) when comparing sums of fractional points with capacity. */
const EPS = 1e-9;

/** The mutable state of one planning run: points used per quarter and kind, and where each item went. */
export class Planner {
  /** The index that stands for `later`: one past the last quarter. */
  private readonly later: number;
  /** Points per quarter (pro-rated for the current one). */
  private readonly capacity: number[];
  /** Points per quarter kept for tech debt while debt waits. */
  private readonly reserve: number[];
  private readonly featureUsed: number[];
  private readonly debtUsed: number[];
  private readonly placed: PlanNode[][];
  /** Debt items not yet in a quarter (unplaced or in later); features may use the reserve only at 0. */
  private debtWaiting: number;
  private reserveReleased = false;

  constructor(
    private readonly slots: QuarterSlot[],
    private readonly fullCapacity: number,
    private readonly debtShare: number,
    private readonly nodes: PlanNode[],
    private readonly warnings: string[],
    /** The user's calendar day (yyyy-MM-dd), when the at-risk lines may say "overdue". */
    private readonly today: string | undefined,
  ) {
    this.later = slots.length;
    this.capacity = slots.map((slot) => proRatedCapacity(fullCapacity, slot));
    this.reserve = this.capacity.map((c) => c * debtShare);
    this.featureUsed = slots.map(() => 0);
    this.debtUsed = slots.map(() => 0);
    this.placed = slots.map(() => []);
    this.debtWaiting = nodes.filter((n) => n.item.kind === 'debt').length;
  }

  run(): void {
    this.placePins();
    for (const node of this.nodes) {
      if (node.pin === null) continue;
      this.placeWithBlockers(node);
      this.releaseReserveOnceDebtIsPlaced();
    }
    for (const node of this.nodes) {
      if (node.quarter !== UNPLACED) continue;
      this.placeWithBlockers(node);
      this.releaseReserveOnceDebtIsPlaced();
    }
    this.warnBlockersAfterDependents();
  }

  result(): Roadmap {
    const quarters = this.slots.map((slot, i): RoadmapQuarter => {
      const end = parseISO(slot.end);
      return {
        label: slot.label,
        start: slot.start,
        end: slot.end,
        capacity: this.capacity[i] as number,
        used: { feature: this.featureUsed[i] as number, debt: this.debtUsed[i] as number },
        items: (this.placed[i] ?? []).map((node) => {
          const { key, points, kind } = node.item;
          const entry: RoadmapItem = { key, points, kind, reason: node.reason };
          if (node.due && compareAsc(node.due, end) < 0) {
            entry.atRisk = atRiskText({ due: node.item.dueDate ?? '', quarter: slot.label, ends: slot.end }, this.today);
          }
          return entry;
        }),
      };
    });
    const horizon = this.range(0, this.later - 1);
    const later = this.nodes
      .filter((node) => node.quarter === this.later)
      .map((node) => {
        const entry: Roadmap['later'][number] = { key: node.item.key, points: node.item.points, reason: node.reason };
        if (node.due) entry.atRisk = atRiskText({ due: node.item.dueDate ?? '', notWithin: horizon }, this.today);
        return entry;
      });
    return { quarters, later, warnings: this.warnings };
  }

  /** Pins are honoured even over capacity; the overflow is reported rather than moved. */
  private placePins(): void {
    for (const node of this.nodes) {
      if (node.pin === null) continue;
      const pinned = node.item.pinQuarter ?? '';
      const where = label(this.slots, node.pin);
      const moved = pinned === where ? '' : ` (nearest quarter to ${pinned})`;
      this.put(node, node.pin);
      node.reason = `${this.rankText(node)}; pinned to ${where}${moved}`;
    }
    this.slots.forEach((slot, i) => {
      const used = this.used(i);
      const capacity = this.capacity[i] as number;
      if (used <= capacity + EPS) return;
      const overflow = `over capacity: ${fmt(used)} of ${fmt(capacity)} points`;
      this.warnings.push(`${slot.label} is ${overflow} because of pinned items`);
      for (const node of this.placed[i] ?? []) node.reason += `; ${slot.label} ${overflow}`;
    });
  }

  /**
   * Places `root` after its unplaced blockers (depth-first, blockers in rank order); an explicit stack keeps long
   * chains off the call stack. A pinned root is already placed, so only its blockers are.
   */
  private placeWithBlockers(root: PlanNode): void {
    const path: { node: PlanNode; next: number }[] = [{ node: root, next: 0 }];
    while (path.length > 0) {
      const top = path[path.length - 1] as { node: PlanNode; next: number };
      const blocker = top.node.blockers[top.next];
      if (blocker) {
        top.next++;
        if (blocker.quarter === UNPLACED) path.push({ node: blocker, next: 0 });
        continue;
      }
      path.pop();
      if (top.node.quarter === UNPLACED) this.decide(top.node, path[path.length - 1]?.node);
    }
  }

  /**
   * Once every debt item sits in a quarter, nothing waits for the reserve any more: features already sent to
   * later get a second chance, in rank order, with the whole capacity. Happens at most once, as placed debt never
   * leaves its quarter.
   */
  private releaseReserveOnceDebtIsPlaced(): void {
    if (this.debtWaiting > 0 || this.reserveReleased) return;
    this.reserveReleased = true;
    const waiting = this.nodes.filter((node) => node.quarter === this.later);
    for (const node of waiting) node.quarter = UNPLACED;
    for (const node of waiting) {
      if (node.quarter === UNPLACED) this.placeWithBlockers(node);
    }
  }

  private decide(node: PlanNode, dependent: PlanNode | undefined): void {
    const { points, kind } = node.item;
    const rank = this.rankText(node);
    let earliest = 0;
    let gate: PlanNode | null = null;
    for (const blocker of node.blockers) {
      if (blocker.quarter === this.later) {
        this.toLater(node, `${rank}; blocked by ${blocker.item.key}, which is in later`);
        return;
      }
      if (blocker.quarter > earliest) {
        earliest = blocker.quarter;
        gate = blocker;
      }
    }
    const facts = [rank];
    if (gate) facts.push(`after its blocker ${gate.item.key} (${label(this.slots, earliest)})`);
    const placed = dependent ? [`pulled forward: blocks ${dependent.item.key}`, ...facts] : facts;
    const locked = kind === 'feature' && this.debtWaiting > 0;
    for (let i = earliest; i < this.later; i++) {
      if (!this.fits(i, points, locked)) continue;
      const where = label(this.slots, i);
      const skipped = i > earliest ? `${this.range(earliest, i - 1)} full; ${where} is the first quarter with room` : `fits ${where}`;
      this.put(node, i);
      node.reason = [...placed, `${skipped} ${this.usage(i, kind, locked)}`].join('; ');
      return;
    }
    const alone = !locked && points > this.fullCapacity + EPS ? this.firstEmptyFullQuarter(earliest) : -1;
    if (alone >= 0) {
      const where = label(this.slots, alone);
      this.put(node, alone);
      const whole = fmt(this.fullCapacity);
      const oversized = `${fmt(points)} points exceed a whole quarter's ${whole}, so it takes ${where} alone`;
      node.reason = [...placed, oversized].join('; ');
      this.warnings.push(
        `${node.item.key} (${fmt(points)} points) is larger than a quarter's capacity of ${whole} points; ` +
          `planned alone in ${where}: consider splitting it`,
      );
      return;
    }
    this.toLater(node, [...facts, this.noRoom(earliest, points, kind, locked)].join('; '));
  }

  private fits(i: number, points: number, locked: boolean): boolean {
    const capacity = this.capacity[i] as number;
    const feature = this.featureUsed[i] as number;
    const debt = this.debtUsed[i] as number;
    if (locked) return feature + points <= capacity - Math.max(this.reserve[i] as number, debt) + EPS;
    return feature + debt + points <= capacity + EPS;
  }

  /** An item bigger than a whole quarter may take a full-length quarter that holds nothing else. */
  private firstEmptyFullQuarter(from: number): number {
    if (this.fullCapacity <= 0) return -1;
    for (let i = from; i < this.later; i++) {
      const slot = this.slots[i] as QuarterSlot;
      if (slot.openDays === slot.days && (this.placed[i] ?? []).length === 0) return i;
    }
    return -1;
  }

  /** The points picture of quarter `i` after a placement, in the terms that decided it. */
  private usage(i: number, kind: RoadmapCandidate['kind'], locked: boolean): string {
    const capacity = this.capacity[i] as number;
    const reserve = this.reserve[i] as number;
    const feature = this.featureUsed[i] as number;
    const debt = this.debtUsed[i] as number;
    if (kind === 'debt') {
      if (reserve > EPS && debt <= reserve + EPS) {
        return `(${fmt(debt)} of ${fmt(reserve)} reserved points used); uses the tech-debt reserve`;
      }
      const beyond = reserve > EPS ? `; beyond the ${fmt(reserve)}-point tech-debt reserve, as debt may use the whole quarter` : '';
      return `(${fmt(feature + debt)} of ${fmt(capacity)} points used)${beyond}`;
    }
    if (locked) return `(${fmt(feature)} of ${fmt(capacity - reserve)} feature points used)`;
    const total = `(${fmt(feature + debt)} of ${fmt(capacity)} points used)`;
    return feature > capacity - reserve + EPS ? `${total}; uses the tech-debt reserve (no tech debt waiting)` : total;
  }

  private noRoom(earliest: number, points: number, kind: RoadmapCandidate['kind'], locked: boolean): string {
    const share = `${fmt(this.debtShare * 100)}%`;
    const featureRoom = this.fullCapacity * (1 - this.debtShare);
    if (locked && points > featureRoom + EPS) {
      return `needs ${fmt(points)} points but a quarter has ${fmt(featureRoom)} feature points ` + `while tech debt waits (${share} reserved)`;
    }
    if (!locked && points > this.fullCapacity + EPS && this.fullCapacity > 0) {
      return (
        `${fmt(points)} points exceed a whole quarter's ${fmt(this.fullCapacity)} ` +
        `and no full quarter from ${label(this.slots, earliest)} is free to take it alone`
      );
    }
    let most = 0;
    for (let i = earliest; i < this.later; i++) {
      const capacity = this.capacity[i] as number;
      const taken = locked ? (this.featureUsed[i] as number) + Math.max(this.reserve[i] as number, this.debtUsed[i] as number) : this.used(i);
      most = Math.max(most, capacity - taken);
    }
    const room = locked ? ` for features; ${share} of each quarter is kept for waiting tech debt` : '';
    const needs = `${fmt(points)} ${kind === 'debt' ? 'tech-debt ' : ''}points`;
    return `no room in ${this.range(earliest, this.later - 1)} (needs ${needs}, at most ${fmt(most)} free${room})`;
  }

  private put(node: PlanNode, i: number): void {
    node.quarter = i;
    (this.placed[i] as PlanNode[]).push(node);
    if (node.item.kind === 'debt') {
      this.debtUsed[i] = (this.debtUsed[i] as number) + node.item.points;
      this.debtWaiting--;
    } else {
      this.featureUsed[i] = (this.featureUsed[i] as number) + node.item.points;
    }
  }

  private toLater(node: PlanNode, reason: string): void {
    node.quarter = this.later;
    node.reason = reason;
  }

  private used(i: number): number {
    return (this.featureUsed[i] as number) + (this.debtUsed[i] as number);
  }

  private rankText(node: PlanNode): string {
    return `rank #${node.item.rank}${node.item.kind === 'debt' ? ' (tech debt)' : ''}`;
  }

  private range(from: number, to: number): string {
    return from === to ? label(this.slots, from) : `${label(this.slots, from)}–${label(this.slots, to)}`;
  }

  /** Only pins (or their neighbours) can leave a blocker after what it blocks; the plan says so. */
  private warnBlockersAfterDependents(): void {
    for (const node of this.nodes) {
      for (const blocker of node.blockers) {
        if (blocker.quarter > node.quarter) {
          this.warnings.push(`${blocker.item.key} blocks ${node.item.key} ` + `but is planned ${this.where(blocker)}, after it (${this.where(node)})`);
        }
      }
    }
  }

  private where(node: PlanNode): string {
    return node.quarter === this.later ? 'in later' : `in ${label(this.slots, node.quarter)}`;
  }
}
