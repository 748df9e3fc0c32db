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
}

/** Shared by every issue that blocks nothing (most of them); never mutated. */
const BLOCKS_NOTHING = Object.freeze({ value: 0, evidence: Object.freeze({ direct: 0, indirect: 0, blocks: [], enabledValue: 0 }) as EnablementEvidence });

/**
 * A "blocks" graph over issue keys. Edges come from both ends of each link (Jira shows links on both issues),
 * deduplicated. Issues known to be Done are left out: unblocking finished work enables nothing.
 */
export class BlocksGraph {
  private readonly out = new Map<string, Set<string>>();
  private readonly done = new Set<string>();

  addEdges(edges: readonly { from: string; to: string; toDone: boolean }[]): void {
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

  /**
   * Enablement of `key`, 0–1: breadth-first along "blocks" edges up to `maxDepth` hops; each blocked issue counts
   * once, at its shortest distance, with weight hopDecay^(hops − 1). Cycles end at already-visited issues.
   */
  enablement(key: string, cfg: ValueRankConfig['enablement']): { value: number; evidence: EnablementEvidence } {
    const first = this.out.get(key);
    if (first === undefined || first.size === 0) return BLOCKS_NOTHING;
    const seen = new Set<string>([key]);
    let frontier: string[] = [];
    let direct = 0;
    let indirect = 0;
    let mass = 0;
    const blocks: string[] = [];
    for (const k of [...first].sort()) {
      seen.add(k);
      frontier.push(k);
      if (!this.done.has(k)) {
        direct++;
        mass += 1;
        if (blocks.length < 10) blocks.push(k);
      }
    }
    let weight = 1;
    for (let depth = 2; depth <= cfg.maxDepth && frontier.length > 0; depth++) {
      weight *= cfg.hopDecay;
      const next: string[] = [];
      for (const k of frontier) {
        const outs = this.out.get(k);
        if (outs === undefined) continue;
        for (const o of outs) {
          if (seen.has(o)) continue;
          seen.add(o);
          next.push(o);
          if (!this.done.has(o)) {
            indirect++;
            mass += weight;
          }
        }
      }
      frontier = next;
    }
    return { value: saturate(mass, cfg.saturation), evidence: { direct, indirect, blocks, enabledValue: mass } };
  }
}
