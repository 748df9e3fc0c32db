import { MAX_PINS, PinStore } from '../../src/application/pins/pin-store';
import { MemoryKv } from '../fakes/memory-kv';

describe('PinStore', () => {
  it('keeps all of 20 pins written at the same moment (each store call reads and writes while the others do)', async () => {
    const store = new PinStore(new MemoryKv());
    const keys = Array.from({ length: 20 }, (_, i) => `PRJ-${i + 1}`);
    await Promise.all(keys.map((key, i) => store.set('PRJ', key, { position: i + 1 })));
    const pins = await store.all('PRJ');
    expect([...pins.keys()].sort()).toEqual([...keys].sort());
    expect(pins.get('PRJ-7')).toEqual({ position: 7 });
  });

  it('removes only the pins that were removed when removals and additions run together', async () => {
    const store = new PinStore(new MemoryKv());
    await store.set('PRJ', 'PRJ-1', { position: 1 });
    await store.set('PRJ', 'PRJ-2', { quarter: '2027-Q1' });
    await Promise.all([store.set('PRJ', 'PRJ-1', {}), store.set('PRJ', 'PRJ-3', { position: 3 }), store.set('PRJ', 'PRJ-4', { position: 4 })]);
    expect(Object.fromEntries(await store.all('PRJ'))).toEqual({ 'PRJ-2': { quarter: '2027-Q1' }, 'PRJ-3': { position: 3 }, 'PRJ-4': { position: 4 } });
  });

  it('keeps who set a pin and when, and still reads a pin stored without them', async () => {
    const kv = new MemoryKv();
    await kv.set('pin:PRJ:PRJ-1', { position: 1 });
    const store = new PinStore(kv);
    await store.set('PRJ', 'PRJ-2', { quarter: '2027-Q1' }, { by: 'acc-po', at: '2026-11-26T10:00:00.000Z' });
    expect(Object.fromEntries(await store.all('PRJ'))).toEqual({
      'PRJ-1': { position: 1 },
      'PRJ-2': { quarter: '2027-Q1', by: 'acc-po', at: '2026-11-26T10:00:00.000Z' },
    });
  });

  it("keeps one project's pins apart from a project whose key starts the same way", async () => {
    const store = new PinStore(new MemoryKv());
    await store.set('PA', 'PA-1', { position: 1 });
    await store.set('PAY', 'PAY-1', { position: 2 });
    expect([...(await store.all('PA')).keys()]).toEqual(['PA-1']);
  });

  it('reads pins an earlier version stored in one record, and moves them to their own keys on the next change', async () => {
    const kv = new MemoryKv();
    await kv.set('pins:PRJ', { 'PRJ-1': { position: 1 }, 'PRJ-2': { quarter: '2027-Q2' } });
    const store = new PinStore(kv);
    expect(Object.fromEntries(await store.all('PRJ'))).toEqual({ 'PRJ-1': { position: 1 }, 'PRJ-2': { quarter: '2027-Q2' } });
    await store.set('PRJ', 'PRJ-1', {});
    expect(Object.fromEntries(await store.all('PRJ'))).toEqual({ 'PRJ-2': { quarter: '2027-Q2' } });
    expect(kv.data.has('pins:PRJ')).toBe(false);
  });

  it('refuses a pin over the limit with INVALID_PAYLOAD, and still accepts changes to existing pins', async () => {
    const kv = new MemoryKv();
    await kv.setMany(Array.from({ length: MAX_PINS }, (_, i) => ({ key: `pin:PRJ:PRJ-${i + 1}`, value: { position: 1 } })));
    const store = new PinStore(kv);
    await expect(store.set('PRJ', 'PRJ-999999', { position: 1 })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await expect(store.set('PRJ', 'PRJ-5', { position: 9 })).resolves.toEqual({ position: 9 });
  });

  it('prunes the pins it is given and keeps the others', async () => {
    const store = new PinStore(new MemoryKv());
    await store.set('PRJ', 'PRJ-1', { position: 1 });
    await store.set('PRJ', 'PRJ-2', { position: 2 });
    await store.remove('PRJ', ['PRJ-1']);
    expect([...(await store.all('PRJ')).keys()]).toEqual(['PRJ-2']);
  });
});
