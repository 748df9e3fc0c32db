import { CHUNK_BYTES, chunkByBytes, ChunkItemTooLargeError } from '../../src/application/shared/chunk-by-bytes';
import { MAX_VALUE_BYTES } from '../../src/application/ports/key-value-store';

const bytes = (v: unknown): number => Buffer.byteLength(JSON.stringify(v), 'utf8');

describe('chunkByBytes', () => {
  it('cuts a list into chunks whose JSON stays within the budget, in order, losing nothing', () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ from: `K${'é'.repeat(i % 40)}-${i}`, to: `L-${i}`, toDone: i % 3 === 0 }));
    const chunks = chunkByBytes(items, 10_000);

    expect(chunks.flat()).toEqual(items);
    for (const c of chunks) expect(bytes(c)).toBeLessThanOrEqual(10_000);
    // Packed, not padded: every chunk but the last would overflow with the next item.
    chunks.slice(0, -1).forEach((c, n) => expect(bytes([...c, chunks[n + 1]![0]])).toBeGreaterThan(10_000));
  });

  it('counts UTF-8 bytes, not characters', () => {
    const items = Array.from({ length: 100 }, () => '€'.repeat(100));
    for (const c of chunkByBytes(items, 3_000)) expect(bytes(c)).toBeLessThanOrEqual(3_000);
  });

  it('keeps the default budget under the KVS value limit and gives no chunk for an empty list', () => {
    expect(CHUNK_BYTES).toBeLessThan(MAX_VALUE_BYTES);
    expect(chunkByBytes([])).toEqual([]);
  });

  it('refuses an item that could not be stored even alone, naming it', () => {
    expect(() => chunkByBytes(['a', 'x'.repeat(200)], 100)).toThrow(ChunkItemTooLargeError);
    expect(() => chunkByBytes(['a', 'x'.repeat(200)], 100)).toThrow(/Item 1 takes 202 bytes/);
  });
});
