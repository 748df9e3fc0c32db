/**
 * The quarter roadmap (DESIGN.md, "Roadmap planning"): value-ranked items placed greedily into quarters of limited
 * capacity, with a share kept for tech debt, blockers placed no later than what they block, pins honoured, and a
 * reason for every placement. Pure and deterministic; `now` comes in as a parameter.
 *
 * Order of work: pinned items go first (into their quarter, even over capacity), then the blockers of pinned items,
 * then everything else in rank order; placing an item first places its unplaced blockers ("pulled forward").
 * Cost is O(n log n + n·q + links) for n items, q ≤ 8 quarters.
 */
import { compareAsc, isDate, isValid, parseISO } from 'date-fns';
import type { Roadmap, RoadmapItem, RoadmapQuarter } from '../../contract/model';
import { proRatedCapacity, quarterHorizon, quarterOffset, type QuarterSlot } from './quarters';

/** Share of each quarter's points kept for tech debt when the input names none. */
export const DEFAULT_DEBT_SHARE = 0.2;
/** Longest horizon a roadmap may span, in quarters. */
export const MAX_QUARTERS = 8;

export interface RoadmapCandidate {
  key: string;
  /** 1-based position in the value order; lower goes first. */
  rank: number;
  /** Story points (> 0), already estimated when Jira had none. */
  points: number;
  kind: 'feature' | 'debt';
  /** Keys of issues that block this one; keys that are not candidates are ignored, cycles are broken. */
  blockedBy: string[];
  /** Quarter label such as `2027-Q1`. */
  pinQuarter?: string;
  /** Due date, yyyy-MM-dd. */
  dueDate?: string;
}

export interface RoadmapInput {
  now: Date;
  /** How many quarters to plan, 1–8, starting with the one holding `now`. */
  quarters: number;
  /** Points a full quarter can hold (≥ 0, fractional allowed); the current quarter gets its pro-rated part. */
  capacityPerQuarter: number;
  /** 0–1: share of each quarter's points kept for tech debt while debt waits; default 0.2. */
  debtShare?: number;
  items: RoadmapCandidate[];
}

/** The roadmap cannot be planned from this input; the message says which value to fix. */
export class RoadmapInputError extends Error {
  readonly code = 'INVALID_ROADMAP_INPUT';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RoadmapInputError';
  }
}

/** Allowance (points) when comparing sums of fractional points with capacity. */
const EPS = 1e-9;
const UNPLACED = -1;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

interface PlanNode {
  item: RoadmapCandidate;
  /** 0-based position in rank order (ties broken by key); cycles are broken along it. */
  order: number;
  /** Candidate blockers in rank order, cycle links removed. */
  blockers: PlanNode[];
  /** Quarter index the item is pinned to, already clamped into the horizon. */
  pin: number | null;
  due: Date | null;
  /** UNPLACED, a quarter index, or `later` (= number of quarters, i.e. after every quarter). */
  quarter: number;
  reason: string;
}

/**
 * Plans `input.items` into `input.quarters` quarters. Throws `RoadmapInputError` for a horizon outside 1–8
 * quarters, a non-finite or negative capacity, a debt share outside 0–1, duplicate keys or malformed items; softer
 * problems (unknown pins or due dates, cycles, over-capacity pins) become `warnings`.
 */
export function planRoadmap(input: RoadmapInput): Roadmap {
  const debtShare = validate(input);
  const slots = quarterHorizon(input.now, input.quarters);
  const warnings: string[] = [];
  const nodes = buildNodes(input, slots, warnings);
  const planner = new Planner(slots, input.capacityPerQuarter, debtShare, nodes, warnings);
  planner.run();
  return planner.result();
}

function validate(input: RoadmapInput): number {
  if (!isDate(input.now) || !isValid(input.now)) invalid('now must be a valid date');
  if (!Number.isInteger(input.quarters) || input.quarters < 1 || input.quarters > MAX_QUARTERS) {
    invalid(`quarters must be a whole number from 1 to ${MAX_QUARTERS}, got ${String(input.quarters)}`);
  }
  if (!Number.isFinite(input.capacityPerQuarter) || input.capacityPerQuarter < 0) {
    invalid(
      `capacity per quarter must be a finite number of points ≥ 0, got ${String(input.capacityPerQuarter)}; ` +
        'set a capacity override or record closed sprints with story points',
    );
  }
  const debtShare = input.debtShare ?? DEFAULT_DEBT_SHARE;
  if (!Number.isFinite(debtShare) || debtShare < 0 || debtShare > 1) {
    invalid(`the tech-debt share must be between 0 and 1, got ${String(debtShare)}`);
  }
  const keys = new Set<string>();
  for (const item of input.items) {
    if (typeof item.key !== 'string' || item.key === '') invalid('every roadmap item needs an issue key');
    if (keys.has(item.key)) invalid(`issue ${item.key} appears twice; each issue may be planned once`);
    keys.add(item.key);
    if (!Number.isFinite(item.rank)) invalid(`issue ${item.key} has no numeric rank`);
    if (!Number.isFinite(item.points) || item.points <= 0) {
      invalid(`issue ${item.key} needs a positive number of points, got ${String(item.points)}`);
    }
    if (item.kind !== 'feature' && item.kind !== 'debt') invalid(`issue ${item.key} must be a feature or debt`);
    if (!Array.isArray(item.blockedBy)) invalid(`issue ${item.key} needs a list of blocking keys`);
  }
  return debtShare;
}

function invalid(message: string): never {
  throw new RoadmapInputError(message);
}

function buildNodes(input: RoadmapInput, slots: QuarterSlot[], warnings: string[]): PlanNode[] {
  const sorted = [...input.items].sort((a, b) => a.rank - b.rank || compareKeys(a.key, b.key));
  const nodes = sorted.map((item, order): PlanNode => ({
    item,
    order,
    blockers: [],
    pin: resolvePin(item, input.now, slots, warnings),
    due: resolveDue(item, warnings),
    quarter: UNPLACED,
    reason: '',
  }));
  linkBlockers(nodes, warnings);
  return nodes;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A pin in the past moves to the current quarter, one beyond the horizon to its last quarter: the nearest ones. */
function resolvePin(item: RoadmapCandidate, now: Date, slots: QuarterSlot[], warnings: string[]): number | null {
  if (item.pinQuarter === undefined) return null;
  const offset = quarterOffset(item.pinQuarter, now);
  if (offset === null) {
    warnings.push(`${item.key}: pin "${item.pinQuarter}" is not a quarter like 2027-Q1; planned as if unpinned`);
    return null;
  }
  const last = slots.length - 1;
  if (offset < 0) {
    warnings.push(`${item.key} is pinned to ${item.pinQuarter}, which has passed; planned in ${label(slots, 0)}`);
    return 0;
  }
  if (offset > last) {
    warnings.push(
      `${item.key} is pinned to ${item.pinQuarter}, beyond this ${slots.length}-quarter plan; ` + `planned in its last quarter ${label(slots, last)}`,
    );
    return last;
  }
  return offset;
}

function resolveDue(item: RoadmapCandidate, warnings: string[]): Date | null {
  if (item.dueDate === undefined) return null;
  const due = ISO_DAY.test(item.dueDate) ? parseISO(item.dueDate) : null;
  if (due && isValid(due)) return due;
  warnings.push(`${item.key}: due date "${item.dueDate}" is not a yyyy-MM-dd date; ignored`);
  return null;
}

/**
 * Resolves `blockedBy` to candidate nodes and breaks blocking cycles: within each strongly connected group of
 * items, only links whose blocker ranks higher are kept, so the group is planned in rank order.
 */
function linkBlockers(nodes: PlanNode[], warnings: string[]): void {
  const byKey = new Map(nodes.map((n) => [n.item.key, n]));
  // linkedFrom[w] = v while v's list is built: drops repeated keys in O(1) without a set per item.
  const linkedFrom = new Array<number>(nodes.length).fill(-1);
  const links: number[][] = nodes.map((node) => {
    const orders: number[] = [];
    for (const key of node.item.blockedBy) {
      const blocker = byKey.get(key);
      if (blocker === node) warnings.push(`blocking cycle: ${key} is marked as blocking itself; link ignored`);
      else if (blocker && linkedFrom[blocker.order] !== node.order) {
        linkedFrom[blocker.order] = node.order;
        orders.push(blocker.order);
      }
    }
    return orders.length > 1 ? orders.sort((a, b) => a - b) : orders;
  });
  const component = stronglyConnected(links);
  const size = new Map<number, number>();
  for (const c of component) size.set(c, (size.get(c) ?? 0) + 1);
  const ignored = new Map<number, string[]>();
  nodes.forEach((node, v) => {
    const c = component[v] as number;
    const cyclic = (size.get(c) ?? 0) > 1;
    for (const w of links[v] ?? []) {
      const blocker = nodes[w] as PlanNode;
      if (cyclic && component[w] === c && w > v) {
        ignored.set(c, [...(ignored.get(c) ?? []), `${blocker.item.key} blocks ${node.item.key}`]);
      } else {
        node.blockers.push(blocker);
      }
    }
  });
  const members = new Map<number, string[]>();
  for (const node of nodes) {
    const c = component[node.order] as number;
    if (ignored.has(c)) members.set(c, [...(members.get(c) ?? []), node.item.key]);
  }
  for (const [c, keys] of members) {
    warnings.push(`blocking cycle among ${keys.join(', ')}: planned in rank order, ignoring ${(ignored.get(c) ?? []).join('; ')}`);
  }
}

/** Tarjan's strongly connected components, iterative so long blocking chains cannot overflow the stack. */
function stronglyConnected(links: number[][]): number[] {
  const n = links.length;
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const component = new Array<number>(n).fill(-1);
  const stack: number[] = [];
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const path: number[] = [root];
    const next: number[] = [0];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (path.length > 0) {
      const depth = path.length - 1;
      const v = path[depth] as number;
      const edges = links[v] ?? [];
      const e = next[depth] as number;
      if (e < edges.length) {
        next[depth] = e + 1;
        const w = edges[e] as number;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          path.push(w);
          next.push(0);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v] as number, index[w] as number);
        }
        continue;
      }
      path.pop();
      next.pop();
      const parent = path[path.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent] as number, low[v] as number);
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = false;
          component[w] = components;
        } while (w !== v);
        components++;
      }
    }
  }
  return component;
}

/** The mutable state of one planning run: points used per quarter and kind, and where each item went. */
class Planner {
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
            entry.atRisk = `due ${node.item.dueDate ?? ''}, planned in ${slot.label} ending ${slot.end}`;
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
        if (node.due) entry.atRisk = `due ${node.item.dueDate ?? ''}, not planned within ${horizon}`;
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

function label(slots: QuarterSlot[], i: number): string {
  return slots[i]?.label ?? 'later';
}

/** Points for people: whole numbers as they are, fractions to one decimal. */
function fmt(points: number): string {
  return Number.isInteger(points) ? String(points) : String(Math.round(points * 10) / 10);
}
