import { DEFAULT_SEARCH_LAG_MS, Faults, FaultSpecError, parseFaults } from '../../../dev/sim/faults';
import { aSeed, startSim, stories } from './helpers';

describe('parseFaults', () => {
  it('reads the preview spec', () => {
    expect(parseFaults('latency=50ms,jitter=20ms,rate429=0.05,rate5xx=0.02,retryAfter=1,failRank=PRJ-3|prj-7')).toEqual({
      latencyMs: 50,
      jitterMs: 20,
      rate429: 0.05,
      rate5xx: 0.02,
      retryAfterSec: 1,
      seed: 1,
      failRank: ['PRJ-3', 'PRJ-7'],
      failFetch: [],
      searchLagMs: DEFAULT_SEARCH_LAG_MS,
      retryAfterShare: 0.5,
      budget: null,
    });
    expect(parseFaults('budget=300/1m,retryAfterShare=0').budget).toEqual({ points: 300, windowMs: 60_000 });
    expect(() => parseFaults('budget=300')).toThrow('use <points>/<window>');
    expect(parseFaults('latency=1s').latencyMs).toBe(1000);
    expect(parseFaults('searchLag=2s').searchLagMs).toBe(2000);
    expect(parseFaults('searchLag=0').searchLagMs).toBe(0);
    expect(parseFaults('').rate429).toBe(0);
  });

  it.each([
    ['rate429=2', /rate429=2.*between 0 and 1/],
    ['latency=fast', /latency=fast.*duration/],
    ['retryAfter=1.5', /whole number/],
    ['boom=1', /Unknown --faults key 'boom'/],
    ['rate429', /expected key=value/],
    ['rate429=0.7,rate5xx=0.7', /must not exceed 1/],
  ])('refuses %s clearly', (spec, message) => {
    expect(() => parseFaults(spec)).toThrow(FaultSpecError);
    expect(() => parseFaults(spec)).toThrow(message);
  });

  it('is reproducible for a seed and injects about the configured share', () => {
    const run = (): number[] => {
      const f = new Faults('rate429=0.1,rate5xx=0.05,seed=42');
      return Array.from({ length: 2000 }, () => f.decide().inject ?? 0);
    };
    const a = run();
    expect(run()).toEqual(a);
    const share429 = a.filter((x) => x === 429).length / a.length;
    expect(share429).toBeGreaterThan(0.07);
    expect(share429).toBeLessThan(0.13);
  });
});

describe('injected faults over HTTP', () => {
  it('answers 429 with Retry-After, and counts it in the stats', async () => {
    const s = await startSim({ seed: aSeed(stories(3)), faults: 'rate429=1,retryAfter=2,retryAfterShare=1' });
    try {
      const res = await s.call('POST', '/rest/api/3/search/jql', { jql: 'project = PRJ' });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('2');
      await s.call('GET', '/rest/api/3/issue/PRJ-1/remotelink');
      const stats = await s.call('GET', '/__sim/stats');
      expect(stats.body).toEqual({
        total: 2,
        byEndpoint: { 'POST /rest/api/3/search/jql': 1, 'GET /rest/api/3/issue/{issueIdOrKey}/remotelink': 1 },
        injected: { '429': 2, '5xx': 0 },
      });
      expect((await s.call('POST', '/__sim/stats/reset')).status).toBe(204);
      expect((await s.call('GET', '/__sim/stats')).body).toEqual({ total: 0, byEndpoint: {}, injected: { '429': 0, '5xx': 0 } });
    } finally {
      await s.close();
    }
  });

  it('injects 5xx, delays with latency, and can be reconfigured at run time', async () => {
    const s = await startSim({ seed: aSeed(stories(3)), faults: 'rate5xx=1' });
    try {
      expect((await s.call('GET', '/rest/api/3/field')).status).toBe(503);
      expect((await s.call('PUT', '/__sim/faults', { spec: 'latency=40ms' })).status).toBe(204);
      const started = Date.now();
      expect((await s.call('GET', '/rest/api/3/field')).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(35);
      expect((await s.call('PUT', '/__sim/faults', { spec: 'rate=1' })).status).toBe(400);
      expect(s.sim.stats().injected['5xx']).toBe(1);
    } finally {
      await s.close();
    }
  });
});
