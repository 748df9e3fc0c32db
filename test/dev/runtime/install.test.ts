import api, { route, getAppContext, ProxyRequestError, __requestAtlassianAsApp } from '@forge/api';
import Resolver from '@forge/resolver';
import { installForgeRuntime, type InstalledForgeRuntime } from '../../../dev/runtime/install';
import { invokeFunction, invokeResolver, InvocationFailure } from '../../../dev/runtime/invoke';
import { KvsStore } from '../../../dev/runtime/kvs-store';
import { LocalQueue } from '../../../dev/runtime/queue';
import { startFakeJira, type FakeJira } from './fake-jira';

describe('local Forge runtime: product fetches', () => {
  let jira: FakeJira;
  let runtime: InstalledForgeRuntime;
  const handler = buildResolver();

  beforeAll(async () => {
    jira = await startFakeJira((path) => (path.includes('slow') ? 150 : 0));
    runtime = installForgeRuntime({ jiraBaseUrl: jira.baseUrl, store: new KvsStore(), queue: new LocalQueue() });
  });
  afterAll(async () => {
    runtime.uninstall();
    await jira.close();
  });
  beforeEach(() => jira.seen.splice(0));

  it('sends asUser() requests to the simulator as the invoking user, with path, method and body', async () => {
    const result = await invokeResolver(handler, {
      functionKey: 'whoAmI',
      payload: {},
      context: { accountId: 'user-a', moduleKey: 'valuerank-project-page', extension: { type: 'jira:projectPage' } },
    });

    expect(result).toEqual({ status: 200, echo: { method: 'GET', path: '/rest/api/3/myself', accountId: 'user-a', body: '' } });
    expect(jira.seen).toHaveLength(1);
    expect(jira.seen[0]?.headers['x-sim-account-id']).toBe('user-a');
  });

  it('passes method, headers and JSON body through', async () => {
    await invokeResolver(handler, {
      functionKey: 'search',
      payload: { jql: 'project = PRJ' },
      context: { accountId: 'user-b', moduleKey: 'valuerank-project-page' },
    });

    const [request] = jira.seen;
    expect(request).toMatchObject({ method: 'POST', path: '/rest/api/3/search/jql?fields=summary' });
    expect(JSON.parse(request?.body ?? '')).toEqual({ jql: 'project = PRJ' });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-sim-account-id']).toBe('user-b');
  });

  it('sends asApp() requests as the app user, without an account header, even when app code sets one', async () => {
    await invokeResolver(handler, { functionKey: 'asApp', context: { accountId: 'user-a', moduleKey: 'm' } });

    expect(jira.seen[0]?.path).toBe('/rest/api/3/field');
    expect(jira.seen[0]?.headers['x-sim-account-id']).toBeUndefined();
    expect(jira.seen[0]?.headers['x-sim-principal']).toBe('app');
  });

  it('keeps concurrent invocations of different users apart', async () => {
    const users = ['alice', 'bob', 'carol', 'dave'];
    const results = await Promise.all(
      users.map((accountId) => invokeResolver(handler, { functionKey: 'slowThenMyself', context: { accountId, moduleKey: 'm' } })),
    );

    expect(results).toEqual(users.map((accountId) => ({ first: accountId, second: accountId })));
  });

  it('gives the resolver a Forge-shaped context', async () => {
    const context = (await invokeResolver(handler, {
      functionKey: 'context',
      context: { accountId: 'user-a', moduleKey: 'valuerank-issue-panel', extension: { issue: { key: 'PRJ-1' } } },
    })) as Record<string, unknown>;

    expect(context).toMatchObject({
      accountId: 'user-a',
      moduleKey: 'valuerank-issue-panel',
      extension: { issue: { key: 'PRJ-1' } },
      environmentType: 'DEVELOPMENT',
      license: { isActive: true },
    });
    expect(context.installContext).toMatch(/^ari:cloud:jira::site\/[0-9a-f-]{36}$/);
    expect(context.cloudId).toEqual(expect.any(String));
    expect(context.localId).toEqual(expect.any(String));
    expect(context.appContext).toMatchObject({ moduleKey: 'valuerank-issue-panel', environmentType: 'DEVELOPMENT' });
    expect(context.remainingMs).toBeGreaterThan(20_000);
    expect(context.remainingMs).toBeLessThanOrEqual(25_000);
  });

  it('refuses asUser() in functions (no user) but lets them call asApp()', async () => {
    const asUser = () => api.asUser().requestJira(route`/rest/api/3/myself`);
    await expect(invokeFunction(asUser, {}, { moduleKey: 'daily' })).rejects.toThrow(/asUser\(\) has no user/);

    const asApp = async () => (await api.asApp().requestJira(route`/rest/api/3/serverInfo`)).status;
    await expect(invokeFunction(asApp, {}, { moduleKey: 'daily' })).resolves.toBe(200);
    expect(jira.seen.map((r) => r.headers['x-sim-account-id'])).toEqual([undefined]);
  });

  it("answers platform calls it does not emulate with the package's ProxyRequestError", async () => {
    await expect(__requestAtlassianAsApp('/graphql', { method: 'POST', body: '{}' })).rejects.toBeInstanceOf(ProxyRequestError);
  });

  it('cuts an invocation off at its time budget', async () => {
    const never = () => new Promise(() => undefined);
    await expect(invokeFunction(never, {}, { timeoutSeconds: 0.05 })).rejects.toMatchObject({ code: 'FUNCTION_TIME_OUT' });
    await expect(invokeFunction(never, {}, { timeoutSeconds: 0.05 })).rejects.toBeInstanceOf(InvocationFailure);
  });

  it('refuses a payload over 500 KB', async () => {
    const payload = { blob: 'x'.repeat(600 * 1024) };
    await expect(invokeResolver(handler, { functionKey: 'whoAmI', payload, context: { accountId: 'a', moduleKey: 'm' } })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
  });
});

function buildResolver() {
  const resolver = new Resolver();
  resolver.define('whoAmI', async () => {
    const response = await api.asUser().requestJira(route`/rest/api/3/myself`);
    return { status: response.status, echo: await response.json() };
  });
  resolver.define('search', async ({ payload }) => {
    const response = await api.asUser().requestJira(route`/rest/api/3/search/jql?fields=${'summary'}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
    });
    return response.json();
  });
  resolver.define('asApp', async () => {
    const response = await api.asApp().requestJira(route`/rest/api/3/field`, { headers: { 'X-Sim-Account-Id': 'spoofed' } });
    return response.json();
  });
  resolver.define('slowThenMyself', async () => {
    const first = (await (await api.asUser().requestJira(route`/rest/api/3/slow`)).json()) as { accountId: string };
    const second = (await (await api.asUser().requestJira(route`/rest/api/3/myself`)).json()) as { accountId: string };
    return { first: first.accountId, second: second.accountId };
  });
  resolver.define('context', async ({ context }) => ({
    ...context,
    appContext: JSON.parse(JSON.stringify(getAppContext())),
    remainingMs: getAppContext().invocationRemainingTimeInMillis(),
  }));
  return resolver.getDefinitions();
}
