import { MAX_VALUE_BYTES } from '../ports/key-value-store';
import { jsonBytes } from './json-bytes';

/**
 * Bytes one stored chunk may take: the KVS value limit (240 KiB of UTF-8 JSON) less 4 KiB, so a chunk stays
 * storable when it is wrapped in a small record or a key grows by a few characters.
 */
export const CHUNK_BYTES = MAX_VALUE_BYTES - 4 * 1024;

/** An item that cannot be stored even alone; callers trim such items before chunking. */
export class ChunkItemTooLargeError extends Error {
  readonly code = 'KVS_ITEM_TOO_LARGE';
  constructor(
    readonly index: number,
    readonly bytes: number,
    readonly budget: number,
  ) {
    super(`Item ${index} takes ${bytes} bytes of JSON, more than the ${budget} bytes one stored value may hold.`);
    this.name = 'ChunkItemTooLargeError';
  }
}

/**
 * Splits `items` into consecutive chunks whose JSON array (`JSON.stringify(chunk)`) takes at most `budget` UTF-8
 * bytes, keeping the order. Sizes are measured, not guessed from item counts: a list of keys is small with
 * 8-character issue keys and many times larger with long ones. An empty list gives no chunks.
 *
 * @param budget bytes per chunk (default CHUNK_BYTES); an item larger than the budget on its own throws
 *   ChunkItemTooLargeError.
 */
export function chunkByBytes<T>(items: readonly T[], budget: number = CHUNK_BYTES): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  // "[" + "]" of the array; each item after the first adds a comma.
  let size = 2;
  items.forEach((item, index) => {
    const bytes = jsonBytes(item);
    if (bytes + 2 > budget) throw new ChunkItemTooLargeError(index, bytes, budget);
    const added = current.length === 0 ? bytes : bytes + 1;
    if (size + added > budget) {
      chunks.push(current);
      current = [];
      size = 2;
      size += bytes;
    } else {
      size += added;
    }
    current.push(item);
  });
  if (current.length > 0) chunks.push(current);
  return chunks;
}
