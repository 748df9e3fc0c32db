import type { KeyValueStore } from '../../src/application/ports/key-value-store';
import { MAX_VALUE_BYTES } from '../../src/application/ports/key-value-store';

/** In-memory KeyValueStore with the Forge KVS limits; values are copied in and out like a real store. */
export class MemoryKv implements KeyValueStore {
  readonly data = new Map<string, string>();
  writes = 0;
  async get<T>(key: string): Promise<T | undefined> {
    await Promise.resolve();
    const v = this.data.get(key);
    return v === undefined ? undefined : (JSON.parse(v) as T);
  }
  async getMany<T>(keys: readonly string[]): Promise<Map<string, T>> {
    const out = new Map<string, T>();
    for (const k of keys) {
      const v = await this.get<T>(k);
      if (v !== undefined) out.set(k, v);
    }
    return out;
  }
  async setMany(entries: readonly { key: string; value: unknown }[]): Promise<void> {
    for (const e of entries) await this.set(e.key, e.value);
  }
  async set(key: string, value: unknown): Promise<void> {
    await Promise.resolve();
    this.data.set(key, this.encode(key, value));
    this.writes++;
  }
  async setIfAbsent(key: string, value: unknown): Promise<boolean> {
    await Promise.resolve();
    if (this.data.has(key)) return false;
    this.data.set(key, this.encode(key, value));
    this.writes++;
    return true;
  }
  async delete(key: string): Promise<void> {
    await Promise.resolve();
    this.data.delete(key);
  }
  async listByPrefix<T>(prefix: string, limit: number): Promise<{ key: string; value: T }[]> {
    await Promise.resolve();
    return [...this.data.keys()]
      .filter((k) => k.startsWith(prefix))
      .sort()
      .slice(0, limit)
      .map((key) => ({ key, value: JSON.parse(this.data.get(key)!) as T }));
  }
  private encode(key: string, value: unknown): string {
    if (key.length > 500) throw new Error(`key too long: ${key.length}`);
    const s = JSON.stringify(value);
    if (Buffer.byteLength(s) > MAX_VALUE_BYTES) throw new Error(`value too large for ${key}`);
    return s;
  }
}
