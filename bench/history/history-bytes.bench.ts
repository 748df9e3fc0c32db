import { writePoint } from '../../src/application/history/history-store';
import { MemoryKv } from '../../test/fakes/memory-kv';
import type { BenchRow, BenchSuite } from '../types';
import { syntheticDays } from './synthetic-history';

/** The bytes a store holds under a prefix: what Forge KVS would keep. */
function bytesUnder(kv: MemoryKv, prefix: string): { bytes: number; values: number } {
  let bytes = 0;
  let values = 0;
  for (const [k, v] of kv.data)
    if (k.startsWith(prefix)) {
      bytes += Buffer.byteLength(v);
      values++;
    }
  return { bytes, values };
}

/** Stored history of `issues` issues after `days` daily points of a changing synthetic project. */
export async function historyBytes(issues: number, days: number): Promise<{ bytes: number; values: number }> {
  // The in-memory store of the tests keeps each value as its JSON text and refuses what Forge KVS would refuse.
  const kv = new MemoryKv();
  for (const p of syntheticDays(issues, days)) await writePoint(kv, 'PAY', p, 'd', { replaceLast: false, now: new Date(p.at) });
  return bytesUnder(kv, 'hist:PAY:');
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
