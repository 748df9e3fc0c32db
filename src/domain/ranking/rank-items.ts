import type { BacklogItem } from '../../contract/model';

/** Value order without pins: score descending, then Jira's rank, then the key. */
export function compareByValue(a: BacklogItem, b: BacklogItem): number {
  return b.score - a.score || a.jiraRank - b.jiraRank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * `items` sorted with `compareByValue`. Sorting an index array over packed scores and ranks avoids chasing
 * 100,000 object pointers per comparison; the key is compared only on exact ties of score and rank.
 */
function sortByValue(items: readonly BacklogItem[]): BacklogItem[] {
  const n = items.length;
  const score = new Float64Array(n);
  const rank = new Float64Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    score[i] = items[i]!.score;
    rank[i] = items[i]!.jiraRank;
    order[i] = i;
  }
  order.sort((a, b) => score[b]! - score[a]! || rank[a]! - rank[b]! || compareByValue(items[a]!, items[b]!));
  return Array.from(order, (i) => items[i]!);
}

/**
 * Orders items by value and applies position pins, then sets `rank` (1-based). A pinned item takes its pinned
 * position (clamped to 1…n); when two pins claim one position, the better-valued item gets it and the other
 * the next free slot. Unpinned items fill the remaining positions in value order.
 */
export function rankItems(items: BacklogItem[]): BacklogItem[] {
  const byValue = sortByValue(items);
  const n = byValue.length;
  const pinned = byValue
    .filter((i) => i.pin?.position !== undefined)
    .map((item, order) => ({ item, want: Math.min(n, Math.max(1, Math.floor(item.pin!.position!))), order }))
    .sort((a, b) => a.want - b.want || a.order - b.order);
  if (pinned.length === 0) {
    byValue.forEach((item, i) => (item.rank = i + 1));
    return byValue;
  }
  const slots: (BacklogItem | undefined)[] = new Array(n);
  for (const p of pinned) {
    let pos = p.want - 1;
    while (pos < n && slots[pos] !== undefined) pos++;
    if (pos >= n) {
      pos = p.want - 1;
      while (pos >= 0 && slots[pos] !== undefined) pos--;
    }
    slots[pos] = p.item;
  }
  const pinnedSet = new Set(pinned.map((p) => p.item));
  let next = 0;
  for (const item of byValue) {
    if (pinnedSet.has(item)) continue;
    while (slots[next] !== undefined) next++;
    slots[next] = item;
  }
  const out = slots as BacklogItem[];
  out.forEach((item, i) => (item.rank = i + 1));
  return out;
}
