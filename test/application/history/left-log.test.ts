import { readLeft, recordLeft } from '../../../src/application/history/left-log';
import { leftWhy } from '../../../src/application/history/record-history';
import type { JiraIssueLike } from '../../../src/domain';
import { MemoryKv } from '../../fakes/memory-kv';

const issue = (key: string, category: string): JiraIssueLike => ({ id: '1', key, fields: { status: { name: 'x', statusCategory: { key: category } } } });

describe('why an issue left the ranking', () => {
  it('is done when resolved, removed when gone or moved to another project, filtered otherwise', () => {
    expect(leftWhy('PAY', issue('PAY-1', 'done'))).toBe('done');
    expect(leftWhy('PAY', undefined)).toBe('removed');
    expect(leftWhy('PAY', issue('OPS-9', 'new'))).toBe('removed');
    expect(leftWhy('PAY', issue('PAY-1', 'new'))).toBe('filtered');
  });

  it('keeps the newest record of an issue and drops records older than 90 days', async () => {
    const kv = new MemoryKv();
    const now = new Date('2026-11-25T00:00:00.000Z');
    await recordLeft(kv, 'PAY', [{ id: '1', key: 'PAY-1', at: '2026-07-01T00:00:00.000Z', why: 'done', summary: 'old' }], now);
    await recordLeft(
      kv,
      'PAY',
      [
        { id: '2', key: 'PAY-2', at: '2026-11-20T00:00:00.000Z', why: 'filtered', summary: 'first' },
        { id: '2', key: 'PAY-2', at: '2026-11-24T00:00:00.000Z', why: 'done', summary: 'again' },
      ],
      now,
    );
    const left = await readLeft(kv, 'PAY');
    expect([...left.keys()]).toEqual(['2']);
    expect(left.get('2')).toMatchObject({ why: 'done', summary: 'again' });
  });
});
