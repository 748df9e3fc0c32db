import { invoke, PERSONAS, projectPage, useDemo } from './harness';

/** Jira's per-user budget (the simulator's `budget=`), as the app meets it in a UI call. */
describe('a user whose Jira budget is spent', () => {
  const preview = useDemo({ faults: 'budget=4/1m' });

  it('gets RATE_LIMITED with the wait Jira asked for, at once, instead of a call that hangs or blames Jira', async () => {
    const res = await invoke(
      preview.url,
      'getBacklog',
      { projectKey: 'PAY', pageSize: 5 },
      { accountId: PERSONAS.productOwner.accountId, ...projectPage('PAY') },
    );
    expect(res.ok).toBe(false);
    expect(res.error?.code).toBe('RATE_LIMITED');
    expect(res.error?.message).toMatch(/Wait/);
    // Another user has a budget of their own.
    const other = await invoke(preview.url, 'getConfig', { projectKey: 'PAY' }, { accountId: PERSONAS.developer.accountId, ...projectPage('PAY') });
    expect(other.ok).toBe(true);
  }, 60_000);
});
