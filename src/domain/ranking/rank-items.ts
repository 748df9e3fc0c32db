/**
 * The value order of `n` scored issues, as positions → issue indexes: score descending, then Jira's rank (the
 * index: candidates arrive in Jira's order, so no two tie), with position pins applied. Sorting an index array
 * over packed scores avoids chasing 100,000 object pointers per comparison.
 *
 * A pinned issue takes its pinned position (clamped to 1…n); when two pins claim one position, the better-valued
 * issue gets it and the other the next free slot (or, past the end, the nearest free slot above). Unpinned issues
 * fill the remaining positions in value order.
 */
export function rankOrder(score: Float64Array, pinPosition: (index: number) => number | undefined): Uint32Array {
  const n = score.length;
  const byValue = new Uint32Array(n);
  for (let i = 0; i < n; i++) byValue[i] = i;
  byValue.sort((a, b) => score[b]! - score[a]! || a - b);

  const pinned: { index: number; want: number; order: number }[] = [];
  for (let p = 0; p < n; p++) {
    const position = pinPosition(byValue[p]!);
    if (position !== undefined) pinned.push({ index: byValue[p]!, want: Math.min(n, Math.max(1, Math.floor(position))), order: p });
  }
  if (pinned.length === 0) return byValue;
  pinned.sort((a, b) => a.want - b.want || a.order - b.order);

  const FREE = 0xffffffff;
  const slots = new Uint32Array(n).fill(FREE);
  const isPinned = new Uint8Array(n);
  for (const p of pinned) {
    let pos = p.want - 1;
    while (pos < n && slots[pos] !== FREE) pos++;
    if (pos >= n) {
      pos = p.want - 1;
      while (pos >= 0 && slots[pos] !== FREE) pos--;
    }
    slots[pos] = p.index;
    isPinned[p.index] = 1;
  }
  let next = 0;
  for (let p = 0; p < n; p++) {
    const index = byValue[p]!;
    if (isPinned[index] === 1) continue;
    while (slots[next] !== FREE) next++;
    slots[next] = index;
  }
  return slots;
}
