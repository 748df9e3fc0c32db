import { LatestOnly } from '../../static/shared/latest-only';

/** A send function whose answers the test releases by hand, in any order. */
function controlledSend() {
  const calls: { value: number; resolve: (r: string) => void; reject: (e: unknown) => void }[] = [];
  const send = (value: number) => new Promise<string>((resolve, reject) => calls.push({ value, resolve, reject }));
  return { calls, send };
}
const flush = () => new Promise((r) => setImmediate(r));

describe('LatestOnly', () => {
  it('sends the first value at once and delivers its answer', async () => {
    const { calls, send } = controlledSend();
    const delivered: unknown[] = [];
    const l = new LatestOnly(send, (o) => delivered.push(o));
    l.request(1);
    expect(calls.map((c) => c.value)).toEqual([1]);
    expect(l.busy).toBe(true);
    calls[0]!.resolve('one');
    await flush();
    expect(delivered).toEqual([{ ok: true, value: 1, result: 'one' }]);
    expect(l.busy).toBe(false);
  });

  it('collapses changes made while a request is in flight into one request for the newest value', async () => {
    const { calls, send } = controlledSend();
    const delivered: { value: number }[] = [];
    const l = new LatestOnly(send, (o) => delivered.push(o));
    l.request(1);
    l.request(2);
    l.request(3);
    l.request(4);
    expect(calls.map((c) => c.value)).toEqual([1]);
    calls[0]!.resolve('one');
    await flush();
    // The answer for 1 is stale (4 was asked meanwhile): not delivered; 4 is sent, 2 and 3 never are.
    expect(delivered).toEqual([]);
    expect(calls.map((c) => c.value)).toEqual([1, 4]);
    calls[1]!.resolve('four');
    await flush();
    expect(delivered).toEqual([{ ok: true, value: 4, result: 'four' }]);
  });

  it('delivers a failure of the newest request, and nothing after cancel or close', async () => {
    const { calls, send } = controlledSend();
    const delivered: { ok: boolean; value: number }[] = [];
    const l = new LatestOnly(send, (o) => delivered.push(o));
    l.request(1);
    calls[0]!.reject(new Error('boom'));
    await flush();
    expect(delivered).toMatchObject([{ ok: false, value: 1, error: new Error('boom') }]);

    l.request(2);
    l.cancel();
    calls[1]!.resolve('two');
    await flush();
    expect(delivered).toHaveLength(1);

    l.request(3);
    l.close();
    l.request(4);
    calls[2]!.resolve('three');
    await flush();
    expect(delivered).toHaveLength(1);
    expect(calls.map((c) => c.value)).toEqual([1, 2, 3]);
  });

  it('turns a send that throws into a delivered failure', async () => {
    const delivered: { ok: boolean }[] = [];
    const l = new LatestOnly<number, string>(
      () => {
        throw new Error('sync');
      },
      (o) => delivered.push(o),
    );
    l.request(1);
    await flush();
    expect(delivered).toMatchObject([{ ok: false, value: 1 }]);
  });
});
