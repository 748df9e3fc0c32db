import { readAfterWrite, RECONCILE_WINDOW_MS, rememberMoved, replayMoves } from '../../src/application/rank-sync/recent-moves';
import { MemoryKv } from '../fakes/memory-kv';

describe('read-after-write for rank sync', () => {
  it('reconciles the newest 50 moved ids within the window, and nothing after it', async () => {
    const kv = new MemoryKv();
    const ids = Array.from({ length: 30 }, (_, i) => String(10000 + i));
    await rememberMoved(kv, 'PAY', { ids, batches: [{ issues: ids.map((id) => `PAY-${id}`), rankBeforeIssue: 'PAY-1' }] }, 1_000);
    expect(await readAfterWrite(kv, 'PAY', 2_000)).toEqual({ reconcile: ids, replay: [] });
    expect(await readAfterWrite(kv, 'PAY', 1_000 + RECONCILE_WINDOW_MS)).toEqual({ reconcile: [], replay: [] });
  });

  it('replays the rank calls when more issues moved than reconcileIssues can take', async () => {
    const kv = new MemoryKv();
    const first = Array.from({ length: 40 }, (_, i) => String(20000 + i));
    const second = Array.from({ length: 40 }, (_, i) => String(30000 + i));
    const batch = (ids: string[]) => ({ issues: ids.map((id) => `PAY-${id}`), rankAfterIssue: 'PAY-1' });
    await rememberMoved(kv, 'PAY', { ids: first, batches: [batch(first)] }, 1_000);
    await rememberMoved(kv, 'PAY', { ids: second, batches: [batch(second)] }, 2_000);
    const now = await readAfterWrite(kv, 'PAY', 3_000);
    expect(now.reconcile).toEqual([...first.slice(-10), ...second]);
    expect(now.replay).toEqual([batch(first), batch(second)]);
  });

  it('replays moves over a stale order, leaving out issues and anchors the order does not hold', () => {
    const stale = ['A', 'B', 'C', 'D', 'E'];
    const batches = [
      { issues: ['E', 'X'], rankBeforeIssue: 'A' },
      { issues: ['D'], rankAfterIssue: 'E' },
      { issues: ['C'], rankBeforeIssue: 'GONE' },
    ];
    expect(replayMoves(stale, batches)).toEqual(['E', 'D', 'A', 'B', 'C']);
    // Replaying over an order that already has the moves changes nothing.
    expect(replayMoves(['E', 'D', 'A', 'B', 'C'], batches)).toEqual(['E', 'D', 'A', 'B', 'C']);
  });
});
