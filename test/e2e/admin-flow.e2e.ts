/**
 * The Jira admin on Jira settings › ValueRank (global settings): change a weight, preview its effect, save
 * (version +1); a save on top of someone else's save shows CONFIG_CONFLICT and offers "Reload, keep my edits";
 * the history lists every version and "Revert to this version" brings that config back (as a new version).
 */
import type { FrameLocator } from 'playwright-core';
import type { ValueRankConfig } from '../../src/contract/config';
import { ctx, eventually, invoke, invokeRaw, openShell, PERSONAS, PROJECT, screenshot, warmBacklog } from './support';
import { useE2E } from './use-e2e';

const ADMIN = PERSONAS.admin.accountId;

interface Loaded {
  scope: 'global' | 'project';
  version: number;
  config: ValueRankConfig;
  updatedBy: string | null;
}

async function nudge(f: FrameLocator, id: string, presses: number): Promise<void> {
  const slider = f.locator(`#${id}`);
  const start = Number(await slider.inputValue());
  await slider.focus();
  for (let i = 0; i < Math.abs(presses); i++) await slider.press(presses > 0 ? 'ArrowRight' : 'ArrowLeft');
  await eventually(
    () => slider.inputValue(),
    (v) => Number(v) === start + presses,
    { what: `#${id} to read ${start + presses}` },
  );
}

describe('Jira admin on the global settings page', () => {
  const e2e = useE2E({ module: 'admin-page' });
  const getConfig = () => invoke<Loaded>(e2e.url, 'getConfig', {}, ctx.adminPage(ADMIN));
  const versionLine = () => e2e.frame.getByText(/^Editing the global settings · version \d+/).innerText();
  let v0: Loaded;
  let v1: Loaded;

  beforeAll(async () => {
    // PAY has a ranking to preview on (a project never opened has none yet, and its preview says so).
    await warmBacklog(e2e.url, ADMIN);
    v0 = await getConfig();
  });

  it('changes a weight, previews it, saves it: the version goes up by one', async () => {
    await openShell(e2e.page, e2e.url, 'admin', { user: ADMIN });
    await e2e.frame.locator('#cfg-weight-businessValue').waitFor({ timeout: 30_000 });
    await expect(versionLine()).resolves.toContain(`version ${v0.version}`);
    await screenshot(e2e.page, 'admin-page.png');

    await nudge(e2e.frame, 'cfg-weight-businessValue', 5);
    await e2e.frame.getByText('1 unsaved change.').waitFor();
    const weights = { ...v0.config.weights, businessValue: v0.config.weights.businessValue + 5 };

    // Preview on PAY (the global page asks which project): the page's count is the backend's.
    const preview = e2e.frame.getByRole('region', { name: 'Preview the changes' });
    await preview.locator('#preview-project').fill(PROJECT);
    await preview.getByRole('button', { name: /^Preview/ }).click();
    const expected = await invoke<{ moves: { from: number; to: number }[] }>(e2e.url, 'previewWeights', { projectKey: PROJECT, weights }, ctx.adminPage(ADMIN));
    const moved = expected.moves.filter((m) => m.from !== m.to).length;
    await preview.getByText(`On ${PROJECT}: ${moved} of ${expected.moves.length} issues would move.`).waitFor({ timeout: 30_000 });
    await expect(getConfig().then((c) => c.version)).resolves.toBe(v0.version);

    await e2e.frame.getByRole('button', { name: 'Save', exact: true }).click();
    await eventually(versionLine, (t) => t.includes(`version ${v0.version + 1}`), { what: `"version ${v0.version + 1}" on the page` });
    await e2e.frame.getByText('No unsaved changes.').waitFor();
    v1 = await getConfig();
    expect(v1.version).toBe(v0.version + 1);
    expect(v1.config.weights).toEqual(weights);
    expect(v1.updatedBy).toBe(ADMIN);
  });

  it('a save on top of someone else’s save shows CONFIG_CONFLICT and reloads keeping the edits', async () => {
    // My edit in the page…
    await nudge(e2e.frame, 'cfg-weight-timeCriticality', 3);
    // …while someone else saves another weight behind the page's back.
    const theirs = await invokeRaw<{ version: number }>(
      e2e.url,
      'saveConfig',
      { expectedVersion: v1.version, config: { ...v1.config, weights: { ...v1.config.weights, techDebt: 40 } } },
      ctx.adminPage(ADMIN),
    );
    expect(theirs.ok).toBe(true);
    expect(theirs.data!.version).toBe(v1.version + 1);

    await e2e.frame.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = e2e.frame.getByRole('alert').filter({ hasText: 'Someone else saved the settings meanwhile' });
    await conflict.waitFor({ timeout: 30_000 });
    await expect(conflict.innerText()).resolves.toContain('CONFIG_CONFLICT');
    // Nothing of mine was written.
    const afterConflict = await getConfig();
    expect(afterConflict.version).toBe(v1.version + 1);
    expect(afterConflict.config.weights.timeCriticality).toBe(v1.config.weights.timeCriticality);

    await conflict.getByRole('button', { name: 'Reload, keep my edits' }).click();
    await conflict.waitFor({ state: 'detached' });
    await eventually(versionLine, (t) => t.includes(`version ${v1.version + 1}`), { what: 'the page to be based on the newest version' });
    // Their weight and mine are both in the form.
    await expect(e2e.frame.locator('#cfg-weight-techDebt').inputValue()).resolves.toBe('40');
    await expect(e2e.frame.locator('#cfg-weight-timeCriticality').inputValue()).resolves.toBe(String(v1.config.weights.timeCriticality + 3));

    await e2e.frame.getByRole('button', { name: 'Save', exact: true }).click();
    await eventually(versionLine, (t) => t.includes(`version ${v1.version + 2}`), { what: `"version ${v1.version + 2}"` });
    const merged = await getConfig();
    expect(merged.version).toBe(v1.version + 2);
    expect(merged.config.weights).toEqual({ ...v1.config.weights, techDebt: 40, timeCriticality: v1.config.weights.timeCriticality + 3 });
  });

  it('lists the history and reverts to an earlier version', async () => {
    await e2e.frame.getByRole('tab', { name: 'History' }).click();
    const history = await invoke<{ entries: { version: number }[] }>(e2e.url, 'getConfigHistory', {}, ctx.adminPage(ADMIN));
    const entries = e2e.frame.locator('ol > li');
    await entries.first().waitFor({ timeout: 30_000 });
    const shown = await entries.evaluateAll((lis) => lis.map((li) => (li.querySelector('strong')?.textContent ?? '').trim()));
    expect(shown).toEqual(history.entries.map((e) => `Version ${e.version}`));
    expect(shown[0]).toBe(`Version ${v1.version + 2}`);
    expect(shown).toContain(`Version ${v1.version}`);

    const current = await getConfig();
    await entries
      .filter({ has: e2e.frame.locator('strong', { hasText: new RegExp(`^Version ${v1.version}$`) }) })
      .getByRole('button', { name: 'Revert to this version' })
      .click();
    await e2e.frame.locator('ol > li strong', { hasText: `Version ${current.version + 1}` }).waitFor({ timeout: 30_000 });

    const reverted = await getConfig();
    expect(reverted.version).toBe(current.version + 1);
    expect(reverted.config).toEqual(v1.config);
    expect(e2e.errors).toEqual([]);
  });
});
