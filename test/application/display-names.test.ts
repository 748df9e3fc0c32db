import { displayNames, NAME_TTL_MS } from '../../src/application/users/display-names';
import { MemoryJira } from '../fakes/memory-jira';
import { MemoryKv } from '../fakes/memory-kv';

describe('displayNames', () => {
  const T0 = Date.parse('2026-11-25T00:00:00.000Z');

  it('names known accounts, calls an unknown one "former user" and the app\'s migration "ValueRank"', async () => {
    const jira = new MemoryJira([]);
    jira.people.set('acc-1', 'Ada');
    const names = await displayNames(new MemoryKv(), jira, ['acc-1', 'gone', 'valuerank:migration', 'acc-1'], T0);
    expect([...names]).toEqual([
      ['valuerank:migration', 'ValueRank'],
      ['acc-1', 'Ada'],
      ['gone', 'former user'],
    ]);
  });

  it('reads Jira once within the cache time and again after it, so a rename shows within a day', async () => {
    const kv = new MemoryKv();
    const jira = new MemoryJira([]);
    jira.people.set('acc-1', 'Ada');
    await displayNames(kv, jira, ['acc-1', 'gone'], T0);
    const first = jira.requests;
    jira.people.set('acc-1', 'Ada Lovelace');
    expect((await displayNames(kv, jira, ['acc-1', 'gone'], T0 + NAME_TTL_MS - 1)).get('acc-1')).toBe('Ada');
    expect(jira.requests).toBe(first);
    expect((await displayNames(kv, jira, ['acc-1'], T0 + NAME_TTL_MS)).get('acc-1')).toBe('Ada Lovelace');
    expect(jira.requests).toBe(first + 1);
  });
});
