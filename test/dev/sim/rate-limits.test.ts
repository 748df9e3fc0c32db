import { aSeed, ALICE, BOB, startSim, stories, type RunningSim } from './helpers';

const MINUTE_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/;

async function asApp(s: RunningSim, path: string): Promise<Response> {
  return fetch(s.url + path, { headers: { 'x-sim-principal': 'app' } });
}

describe('rate limits as Jira applies them', () => {
  let s: RunningSim;
  beforeEach(async () => {
    s = await startSim({ seed: aSeed(stories(3)) });
  });
  afterEach(() => s.close());

  it('gives each user and the app a budget of their own, with the limit headers, and refuses past it', async () => {
    s.sim.faults.configure('budget=3/1m');
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await s.call('GET', '/rest/api/3/myself', undefined, ALICE);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBe('3');
      remaining.push(res.headers.get('x-ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const refused = await s.call('GET', '/rest/api/3/myself', undefined, ALICE);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get('x-ratelimit-reset')).toMatch(MINUTE_ISO);
    expect(refused.headers.get('ratelimit-reason')).toBe('jira-cost-based');
    expect(refused.headers.get('x-ratelimit-nearlimit')).toBe('true');
    expect(refused.body).toEqual({ errorMessages: ['Rate limit exceeded.'], errors: {} });
    // Bob and the app spend budgets of their own; requests without a principal (tooling) spend none.
    expect((await s.call('GET', '/rest/api/3/myself', undefined, BOB)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await asApp(s, '/rest/api/3/myself')).status).toBe(200);
    const app = await asApp(s, '/rest/api/3/myself');
    expect(app.status).toBe(429);
    expect(app.headers.get('ratelimit-reason')).toBe('jira-quota-tenant-based');
    expect((await s.call('GET', '/rest/api/3/myself')).status).toBe(200);
    expect(s.sim.stats().injected['429']).toBe(2);
  });

  it('sends 429s with and without Retry-After, and 503s with it at times', async () => {
    s.sim.faults.configure('rate429=1,retryAfterShare=0');
    const bare = await s.call('GET', '/rest/api/3/myself', undefined, ALICE);
    expect(bare.status).toBe(429);
    expect(bare.headers.get('retry-after')).toBeNull();
    expect(bare.headers.get('ratelimit-reason')).toBe('jira-burst-based');
    s.sim.faults.configure('rate429=1,retryAfterShare=1,retryAfter=2');
    const told = await s.call('GET', '/rest/api/3/myself', undefined, ALICE);
    expect(told.headers.get('retry-after')).toBe('2');
    expect(told.headers.get('x-ratelimit-reset')).toMatch(MINUTE_ISO);
    s.sim.faults.configure('rate5xx=1,retryAfterShare=1');
    const busy = await s.call('GET', '/rest/api/3/myself', undefined, ALICE);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('1');
    s.sim.faults.configure('rate5xx=1,retryAfterShare=0');
    expect((await s.call('GET', '/rest/api/3/myself', undefined, ALICE)).headers.get('retry-after')).toBeNull();
  });
});
