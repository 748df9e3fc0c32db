import { LoadCache, LOAD_TTL_MS } from '../../src/application/backlog/load-cache';
import type { LoadedProject } from '../../src/application/backlog/load-project';

const loaded = (projectKey: string): LoadedProject =>
  ({
    projectKey,
    candidates: [],
    linked: new Map(),
    remoteLinks: new Map(),
    feedbackProjects: new Set(),
    truncated: false,
    remoteLinksPending: 0,
  }) as unknown as LoadedProject;

describe('LoadCache', () => {
  it('gives a load back only to the same principal, project and config (scope and version), within the TTL', () => {
    let now = 1_000;
    const cache = new LoadCache(() => now);
    const pay = loaded('PAY');
    cache.set('site|alice', 'PAY', 'global:3', pay);
    expect(cache.get('site|alice', 'PAY', 'global:3')).toBe(pay);
    expect(cache.get('site|bob', 'PAY', 'global:3')).toBeUndefined();
    expect(cache.get('other|alice', 'PAY', 'global:3')).toBeUndefined();
    expect(cache.get('site|alice', 'PAY', 'global:4')).toBeUndefined();
    expect(cache.get('site|alice', 'PAY', 'project:3')).toBeUndefined();
    now += LOAD_TTL_MS + 1;
    expect(cache.get('site|alice', 'PAY', 'global:3')).toBeUndefined();
  });

  it("drops every user's load of a project when it is invalidated, and keeps at most three loads", () => {
    const cache = new LoadCache(() => 0);
    cache.set('a', 'PAY', 'global:1', loaded('PAY'));
    cache.set('b', 'PAY', 'global:1', loaded('PAY'));
    cache.set('a', 'SUP', 'global:1', loaded('SUP'));
    cache.invalidate('PAY');
    expect(cache.get('a', 'PAY', 'global:1')).toBeUndefined();
    expect(cache.get('b', 'PAY', 'global:1')).toBeUndefined();
    expect(cache.get('a', 'SUP', 'global:1')).toBeDefined();
    for (const p of ['A', 'B', 'C']) cache.set('a', p, 'global:1', loaded(p));
    expect(cache.get('a', 'SUP', 'global:1')).toBeUndefined();
    expect(cache.get('a', 'C', 'global:1')).toBeDefined();
  });
});
