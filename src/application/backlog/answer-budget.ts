import type { BacklogItem, Roadmap } from '../../contract/model';
import type { ResultMap } from '../../contract/operations';
import { jsonBytes } from '../shared/json-bytes';

/**
 * Most bytes of JSON one answer may carry. Forge refuses a resolver response over 5 MB
 * (developer.atlassian.com/platform/forge/platform-quotas-and-limits/, "Invocation limits": response payload);
 * the rest is headroom for the envelope and for anything added on the way out.
 */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/**
 * The largest page that starts where the requested one does and fits `budget` bytes, as a page of the same
 * paging: its size divides the requested size, so `page · pageSize` is still the first item's offset and the
 * caller can go on with `page + 1` at the new size.
 */
export function fitPage(
  items: BacklogItem[],
  page: number,
  pageSize: number,
  budget = MAX_ANSWER_BYTES,
): { items: BacklogItem[]; page: number; pageSize: number; capped: boolean } {
  const sizes = items.map(jsonBytes);
  let total = 0;
  for (const s of sizes) total += s;
  // One item is the least a page can be (clipped evidence keeps an item far below the budget).
  if (total <= budget || pageSize === 1) return { items, page, pageSize, capped: false };
  const prefix = [0];
  for (const b of sizes) prefix.push(prefix[prefix.length - 1]! + b);
  // Down to one item, which divides every size.
  let size = pageSize - 1;
  while (size > 1 && (pageSize % size !== 0 || prefix[Math.min(size, sizes.length)]! > budget)) size--;
  return { items: items.slice(0, size), page: page * (pageSize / size), pageSize: size, capped: true };
}

/** A roadmap that fits `budget` bytes: `later` is cut from its end first, then the quarters from the last one back, each from its end; it says how many were left out. */
export function fitRoadmap(roadmap: Roadmap, budget = MAX_ANSWER_BYTES): Roadmap {
  let bytes = jsonBytes(roadmap);
  if (bytes <= budget) return roadmap;
  const later = [...roadmap.later];
  const quarters = roadmap.quarters.map((q) => ({ ...q, items: [...q.items] }));
  let omitted = 0;
  // Cutting by each entry's own size keeps this linear; a margin covers the added fields.
  const lists: { key: string }[][] = [later, ...quarters.map((q) => q.items).reverse()];
  for (const list of lists) {
    while (list.length > 0 && bytes > budget - 256) {
      bytes -= jsonBytes(list.pop()) + 1;
      omitted++;
    }
  }
  return { ...roadmap, quarters, later, cappedBy: 'bytes', omitted };
}

/** Rank movements that fit `budget` bytes: unchanged issues are left out first, then the tail; it says so. */
export function fitMoves(moves: ResultMap['previewWeights']['moves'], budget = MAX_ANSWER_BYTES): ResultMap['previewWeights'] {
  if (jsonBytes(moves) <= budget) return { moves };
  const kept = moves.filter((m) => m.from !== m.to);
  let bytes = jsonBytes(kept);
  while (kept.length > 0 && bytes > budget - 256) bytes -= jsonBytes(kept.pop()) + 1;
  return { moves: kept, cappedBy: 'bytes', omitted: moves.length - kept.length };
}
