import type { ValueRankConfig } from '../../contract/config';
import { saturate } from './read-values';

export interface EnablementEvidence {
  /** Unresolved issues this one blocks directly. */
  direct: number;
  /** Unresolved issues it blocks through others (within `maxDepth` hops). */
  indirect: number;
  /** Keys it blocks directly (at most 10 listed). */
  blocks: string[];
  /** Σ hopDecay^(hops − 1) over every blocked issue: the mass in m / (m + saturation). */
  enabledValue: number;
  /** Present when the search stopped at MAX_ENABLEMENT_STEPS links: the counts and the value are lower bounds. */
  capped?: true;
  /** Blocked issues the asking user cannot open (counted, never named). */
  hiddenBlocks?: number;
}

/**
 * Most "blocks" links one issue's search examines. Without a bound, a hub (every issue blocks H1, H1 blocks H2,
 * H2 blocks every issue) makes each of n searches walk all n issues: n² work. Past this many links the value is
 * near saturation anyway (2,000 blocked issues at any hop decay ≥ 0.5 within 3 hops), and the issue says so.
 */
export const MAX_ENABLEMENT_STEPS = 2000;

/** Shared by every issue that blocks nothing (most of them); never mutated. */
const BLOCKS_NOTHING = Object.freeze({
  value: 0,
  evidence: Object.freeze({ direct: 0, indirect: 0, blocks: [], enabledValue: 0 }) as EnablementEvidence,
});

/** The graph as integer arrays, built once all edges are known: node i's targets are targets[start[i] … start[i + 1]). */
interface Compiled {
  ids: Map<string, number>;
  keys: string[];
  done: Uint8Array;
  start: Uint32Array;
  targets: Uint32Array;
  /** Per node, the search that last reached it (a search's own number): no per-search set to allocate. */
  reachedBy: Uint32Array;
  queue: Uint32Array;
  search: number;
}

/**
 * A "blocks" graph over issue keys. Edges come from both ends of each link (Jira shows links on both issues),
 * deduplicated. Issues known to be Done are left out: unblocking finished work enables nothing.
 */
export class BlocksGraph {
  private readonly out = new Map<string, Set<string>>();
  private readonly done = new Set<string>();
  private compiled: Compiled | null = null;
  /** Links examined by every `enablement` call so far (at most MAX_ENABLEMENT_STEPS per call). */
  stepsTaken = 0;

  addEdges(edges: readonly { from: string; to: string; toDone: boolean }[]): void {
    if (edges.length > 0) this.compiled = null;
    for (const e of edges) {
      if (e.toDone) this.done.add(e.to);
      this.edge(e.from, e.to);
    }
  }

  private edge(from: string, to: string): void {
    if (from === to) return;
    let s = this.out.get(from);
    if (s === undefined) {
      s = new Set();
      this.out.set(from, s);
    }
    s.add(to);
  }

  /** Each node's targets sorted by key, so a capped search stops at the same issues whatever order links came in. */
  private compile(): Compiled {
    const ids = new Map<string, number>();
    const keys: string[] = [];
    const idOf = (k: string): number => {
      let id = ids.get(k);
      if (id === undefined) {
        id = keys.length;
        ids.set(k, id);
        keys.push(k);
      }
      return id;
    };
    let edges = 0;
    for (const [from, tos] of this.out) {
      idOf(from);
      for (const t of tos) idOf(t);
      edges += tos.size;
    }
    const n = keys.length;
    const start = new Uint32Array(n + 1);
    const targets = new Uint32Array(edges);
    let at = 0;
    for (let i = 0; i < n; i++) {
      start[i] = at;
      const tos = this.out.get(keys[i]!);
      if (tos === undefined) continue;
      for (const t of [...tos].sort(byKey)) targets[at++] = ids.get(t)!;
    }
    start[n] = at;
    const done = new Uint8Array(n);
    for (const k of this.done) {
      const id = ids.get(k);
      if (id !== undefined) done[id] = 1;
    }
    return { ids, keys, done, start, targets, reachedBy: new Uint32Array(n), queue: new Uint32Array(n), search: 0 };
  }

  /**
   * Enablement of `key`, 0–1: breadth-first along "blocks" edges up to `maxDepth` hops; each blocked issue counts
   * once, at its shortest distance, with weight hopDecay^(hops − 1). Cycles end at already-reached issues. The
   * search examines at most MAX_ENABLEMENT_STEPS links (then `capped`), so a project costs O(n) searches of
   * bounded size whatever the shape of its graph.
   */
  enablement(key: string, cfg: ValueRankConfig['enablement']): { value: number; evidence: EnablementEvidence } {
    const g = this.compiled ?? (this.compiled = this.compile());
    const source = g.ids.get(key);
    if (source === undefined || g.start[source] === g.start[source + 1]) return BLOCKS_NOTHING;
    const search = ++g.search;
    const { reachedBy, queue, start, targets, done } = g;
    reachedBy[source] = search;
    queue[0] = source;
    let head = 0;
    let tail = 1;
    let direct = 0;
    let indirect = 0;
    let mass = 0;
    let steps = 0;
    let capped = false;
    const blocks: string[] = [];
    let weight = 1;
    // Level by level; no self-links are stored, so the first level is the source's own targets.
    for (let depth = 1; depth <= cfg.maxDepth && head < tail && !capped; depth++) {
      if (depth > 1) weight *= cfg.hopDecay;
      const levelEnd = tail;
      for (; head < levelEnd && !capped; head++) {
        const k = queue[head]!;
        for (let e = start[k]!; e < start[k + 1]!; e++) {
          if (steps === MAX_ENABLEMENT_STEPS) {
            capped = true;
            break;
          }
          steps++;
          const t = targets[e]!;
          if (reachedBy[t] === search) continue;
          reachedBy[t] = search;
          queue[tail++] = t;
          if (done[t] !== 0) continue;
          mass += weight;
          if (depth > 1) indirect++;
          else {
            direct++;
            if (blocks.length < 10) blocks.push(g.keys[t]!);
          }
        }
      }
    }
    this.stepsTaken += steps;
    return { value: saturate(mass, cfg.saturation), evidence: { direct, indirect, blocks, enabledValue: mass, ...(capped ? { capped: true as const } : {}) } };
  }
}

function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
