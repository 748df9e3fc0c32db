import { writePoint } from '../../src/application/history/history-store';
import type { KeyValueStore } from '../../src/application/ports/key-value-store';
import type { BenchRow, BenchSuite } from '../types';
import { syntheticDays } from './synthetic-history';

/** The bytes a store holds under a prefix: what Forge KVS would keep. */
class BytesKv implements KeyValueStore {
  readonly data = new Map<string, string>();
  async get<T>(key: string): Promise<T | undefined> {
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
    this.data.set(key, JSON.stringify(value));
  }
  async setIfAbsent(key: string, value: unknown): Promise<boolean> {
    if (this.data.has(key)) return false;
    await this.set(key, value);
    return true;
  }
  async delete(key: string): Promise<void> {
    this.data.delete(key);
  }
  async listByPrefix<T>(prefix: string, limit: number): Promise<{ key: string; value: T }[]> {
    return [...this.data]
      .filter(([k]) => k.startsWith(prefix))
      .slice(0, limit)
      .map(([key, v]) => ({ key, value: JSON.parse(v) as T }));
  }
  bytes(prefix: string): { bytes: number; values: number } {
    let bytes = 0;
    let values = 0;
    for (const [k, v] of this.data)
      if (k.startsWith(prefix)) {
        bytes += Buffer.byteLength(v);
        values++;
      }
    return { bytes, values };
  }
}

/** Stored history of `issues` issues after `days` daily points of a changing synthetic project. */
export async function historyBytes(issues: number, days: number): Promise<{ bytes: number; values: number }> {
  const kv = new BytesKv();
  for (const p of syntheticDays(issues, days)) await writePoint(kv, 'PAY', p, 'd', { replaceLast: false, now: new Date(p.at) });
  return kv.bytes('hist:PAY:');
}

/** `npm run bench -- history`: KVS bytes of 90 days of ranking history per 1,000 issues (3 % of issues change a fact a day). */
export const historySuite: BenchSuite = async (opts) => {
  const rows: BenchRow[] = [];
  for (const issues of opts.quick ? [1000] : [1000, 5000]) {
    const { bytes, values } = await historyBytes(issues, 90);
    rows.push({
      suite: 'history',
      name: `90 daily points, ${issues.toLocaleString('en')} issues: KiB per 1,000 issues`,
      value: Math.round(bytes / 1024 / (issues / 1000)),
      unit: 'KiB',
      target: '< 4096 KiB',
      met: bytes / (issues / 1000) < 4 * 2 ** 20,
      notes: `${values} KVS values`,
    });
  }
  return rows;
};
