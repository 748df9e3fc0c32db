import fc from 'fast-check';
import { scoreIssues } from '../../../src/domain';
import { BlocksGraph, MAX_ENABLEMENT_STEPS } from '../../../src/domain/scoring/enablement';
import { anIssue, aScoringInput } from '../../builders/issue-builder';

type Edge = { from: string; to: string; toDone: boolean };
type Cfg = { linkTypes: string[]; hopDecay: number; maxDepth: number; saturation: number };

/**
 * The reference: a plain breadth-first search from one issue, each blocked issue counted once at its shortest
 * distance with weight hopDecay^(hops − 1), Done issues passed through but not counted.
 */
function referenceEnablement(edges: readonly Edge[], key: string, cfg: Cfg): { direct: number; indirect: number; mass: number } {
  const out = new Map<string, Set<string>>();
  const done = new Set<string>();
  for (const e of edges) {
    if (e.toDone) done.add(e.to);
    if (e.from === e.to) continue;
    out.set(e.from, (out.get(e.from) ?? new Set()).add(e.to));
  }
  const dist = new Map<string, number>([[key, 0]]);
  const queue = [key];
  for (let head = 0; head < queue.length; head++) {
    const k = queue[head]!;
    const d = dist.get(k)!;
    if (d === cfg.maxDepth) continue;
    for (const o of out.get(k) ?? []) {
      if (dist.has(o)) continue;
      dist.set(o, d + 1);
      queue.push(o);
    }
  }
  let direct = 0;
  let indirect = 0;
  let mass = 0;
  for (const [k, d] of dist) {
    if (d === 0 || done.has(k)) continue;
    if (d === 1) direct++;
    else indirect++;
    mass += Math.pow(cfg.hopDecay, d - 1);
  }
  return { direct, indirect, mass };
}

const edgeArb = (n: number) =>
  fc.record({ from: fc.integer({ min: 1, max: n }).map((i) => `PRJ-${i}`), to: fc.integer({ min: 1, max: n }).map((i) => `PRJ-${i}`), toDone: fc.boolean() });
const cfgArb = fc.record({
  linkTypes: fc.constant([] as string[]),
  hopDecay: fc.double({ min: 0.05, max: 1, noNaN: true }),
  maxDepth: fc.integer({ min: 1, max: 10 }),
  saturation: fc.double({ min: 0.5, max: 10, noNaN: true }),
});

/** Every X blocks H1, H1 blocks H2, H2 blocks every X: one cycle through a hub that reaches all n issues. */
function hubEdges(n: number): Edge[] {
  const edges: Edge[] = [{ from: 'HUB-1', to: 'HUB-2', toDone: false }];
  for (let i = 1; i <= n; i++) edges.push({ from: `PRJ-${i}`, to: 'HUB-1', toDone: false }, { from: 'HUB-2', to: `PRJ-${i}`, toDone: false });
  return edges;
}

describe('BlocksGraph.enablement', () => {
  it('counts the same blocked issues, at the same distances, as a plain breadth-first search (cycles and Done issues included)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }).chain((n) => fc.tuple(fc.array(edgeArb(n), { maxLength: 80 }), fc.integer({ min: 1, max: n }))),
        cfgArb,
        ([edges, start], cfg) => {
          const graph = new BlocksGraph();
          graph.addEdges(edges);
          const key = `PRJ-${start}`;
          const got = graph.enablement(key, cfg);
          const want = referenceEnablement(edges, key, cfg);
          expect(got.evidence.direct).toBe(want.direct);
          expect(got.evidence.indirect).toBe(want.indirect);
          expect(got.evidence.enabledValue).toBeCloseTo(want.mass, 9);
          expect(got.value).toBeCloseTo(want.mass / (want.mass + cfg.saturation), 9);
          expect(got.evidence.capped).toBeUndefined();
        },
      ),
      { numRuns: 500, seed: 20261203 },
    );
  });

  it('gives the same answer whatever order the links arrive in', () => {
    fc.assert(
      fc.property(fc.array(edgeArb(15), { maxLength: 60 }), fc.integer({ min: 1, max: 15 }), cfgArb, (edges, start, cfg) => {
        const a = new BlocksGraph();
        a.addEdges(edges);
        const b = new BlocksGraph();
        b.addEdges([...edges].reverse());
        expect(a.enablement(`PRJ-${start}`, cfg)).toEqual(b.enablement(`PRJ-${start}`, cfg));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('examines at most a fixed number of links per issue behind a hub that reaches every issue, and says the count is a lower bound', () => {
    const n = 3000;
    const graph = new BlocksGraph();
    graph.addEdges(hubEdges(n));
    const cfg = { linkTypes: [], hopDecay: 0.5, maxDepth: 3, saturation: 2 };
    for (let i = 1; i <= n; i++) graph.enablement(`PRJ-${i}`, cfg);
    // A search per issue through the hub examines all n issues each time: n² = 9,000,000 links here.
    expect(graph.stepsTaken).toBeLessThanOrEqual(n * MAX_ENABLEMENT_STEPS);
    const first = graph.enablement('PRJ-1', cfg);
    expect(first.evidence).toMatchObject({ direct: 1, capped: true });
    expect(first.evidence.indirect).toBeGreaterThan(0);
    expect(first.evidence.indirect).toBeLessThan(MAX_ENABLEMENT_STEPS);
  });
});

describe('enablement in a scored backlog', () => {
  it('reports a data gap on an issue whose blocked issues were too many to follow', () => {
    // PRJ-1 blocks 60 issues, each blocking 40 more: 2,460 links within two hops.
    let top = anIssue('PRJ-1');
    const middle = [];
    for (let i = 1; i <= 60; i++) {
      top = top.blocks(`MID-${i}`);
      let m = anIssue(`MID-${i}`);
      for (let j = 1; j <= 40; j++) m = m.blocks(`LEAF-${i}-${j}`);
      middle.push(m);
    }
    const items = scoreIssues(
      aScoringInput()
        .withIssues(top, ...middle, anIssue('PRJ-2').blocks('PRJ-3'), anIssue('PRJ-3'))
        .build(),
    );
    const byKey = new Map(items.map((i) => [i.key, i]));
    expect(byKey.get('PRJ-1')!.gaps).toContain('enablement.capped');
    expect(byKey.get('PRJ-1')!.factors.enablement.value).toBeGreaterThan(0.99);
    expect(byKey.get('MID-1')!.gaps).not.toContain('enablement.capped');
    expect(byKey.get('PRJ-2')!.gaps).not.toContain('enablement.capped');
  });
});
