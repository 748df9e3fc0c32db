import { stronglyConnected } from './strongly-connected';

/** What the blocking graph needs of a plan's node: the roadmap's and the sprint's planners share it. */
export interface BlockingNode<N> {
  item: { key: string; blockedBy: readonly string[] };
  /** 0-based position in rank order (ties broken by key); cycles are broken along it. */
  order: number;
  /** Filled here: candidate blockers in rank order, cycle links removed. */
  blockers: N[];
}

/**
 * Resolves `blockedBy` to candidate nodes and breaks blocking cycles: within each strongly connected group of
 * items, only links whose blocker ranks higher are kept, so the group is planned in rank order.
 */
export function linkBlockers<N extends BlockingNode<N>>(nodes: N[], warnings: string[]): void {
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
      const blocker = nodes[w] as N;
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
