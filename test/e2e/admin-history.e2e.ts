/**
 * A long configuration history on the admin page: the first page comes with the tab, "Show older changes" adds
 * the next pages until the first version, each version once.
 */
import type { ResultMap } from '../../src/contract/operations';
import { ctx, invoke, openShell, PERSONAS } from './support';
import { useE2E } from './use-e2e';

const ADMIN = PERSONAS.admin.accountId;

describe('Jira admin reads a long settings history', () => {
  const e2e = useE2E({ module: 'admin-page' });

  it('shows the newest page first and the older ones on "Show older changes", every version once', async () => {
    for (let i = 0; i < 60; i++) {
      const cfg = await invoke<ResultMap['getConfig']>(e2e.url, 'getConfig', {}, ctx.adminPage(ADMIN));
      if (cfg.access !== 'full') throw new Error('the admin should see the whole config');
      await invoke(
        e2e.url,
        'saveConfig',
        { expectedVersion: cfg.version, config: { ...cfg.config, weights: { ...cfg.config.weights, enablement: 10 + (i % 2) } } },
        ctx.adminPage(ADMIN),
      );
    }
    const newest = (await invoke<ResultMap['getConfig']>(e2e.url, 'getConfig', {}, ctx.adminPage(ADMIN))).version;
    expect(newest).toBeGreaterThan(60);
    await openShell(e2e.page, e2e.url, 'admin', { user: ADMIN });
    await e2e.frame.getByRole('tab', { name: 'History' }).click();
    const entries = e2e.frame.locator('ol > li');
    await entries.first().waitFor({ timeout: 30_000 });
    const versions = () => entries.evaluateAll((lis) => lis.map((li) => (li.querySelector('strong')?.textContent ?? '').trim()));
    expect(await versions()).toEqual(Array.from({ length: 50 }, (_, i) => `Version ${newest - i}`));
    const more = e2e.frame.getByRole('button', { name: 'Show older changes' });
    for (let i = 0; i < 5 && (await more.count()) > 0; i++) {
      const before = await entries.count();
      await more.click();
      await e2e.frame.locator(`ol > li:nth-child(${before + 1})`).waitFor({ timeout: 30_000 });
    }
    await expect(more.count()).resolves.toBe(0);
    expect(await versions()).toEqual(Array.from({ length: newest }, (_, i) => `Version ${newest - i}`));
    expect(e2e.errors).toEqual([]);
  }, 180_000);
});
