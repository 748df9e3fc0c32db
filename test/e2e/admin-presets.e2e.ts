/**
 * The Jira admin picks the WSJF preset on the global settings page: the sliders and the effort exponent take the
 * preset's values, the preview shows what would move on PAY (the backend's count), nothing is saved until Save, and
 * Save stores exactly the preset's weights and exponent.
 */
import type { ValueRankConfig } from '../../src/contract/config';
import { FACTOR_IDS } from '../../src/contract/model';
import { ctx, eventually, invoke, openShell, PERSONAS, PROJECT, screenshot, warmBacklog } from './support';
import { useE2E } from './use-e2e';

const ADMIN = PERSONAS.admin.accountId;

interface Loaded {
  version: number;
  config: ValueRankConfig;
}
interface Preset {
  id: string;
  name: string;
  weights: ValueRankConfig['weights'];
  effortExponent: number;
}

describe('Jira admin applies a scoring preset', () => {
  const e2e = useE2E({ module: 'admin-page' });
  const getConfig = () => invoke<Loaded>(e2e.url, 'getConfig', {}, ctx.adminPage(ADMIN));

  it('picks WSJF, sees the preview, saves: the config holds exactly the preset', async () => {
    // PAY's ranking exists (the project was opened in ValueRank): the preview starts from it.
    await warmBacklog(e2e.url, ADMIN);
    const before = await getConfig();
    const { presets } = await invoke<{ presets: Preset[] }>(e2e.url, 'listPresets', {}, ctx.adminPage(ADMIN));
    const wsjf = presets.find((p) => p.id === 'wsjf')!;
    await openShell(e2e.page, e2e.url, 'admin', { user: ADMIN });
    await e2e.frame.getByTestId('preset-wsjf').waitFor({ timeout: 30_000 });
    await e2e.frame.locator('#preview-project').fill(PROJECT);

    await e2e.frame.getByTestId('preset-wsjf').click();
    for (const id of FACTOR_IDS)
      await eventually(
        () => e2e.frame.locator(`#cfg-weight-${id}`).inputValue(),
        (v) => Number(v) === wsjf.weights[id],
        { what: `${id} slider` },
      );
    await expect(e2e.frame.locator('#effort-exponent').inputValue()).resolves.toBe(String(wsjf.effortExponent));
    await expect(e2e.frame.getByTestId('preset-wsjf').getAttribute('aria-pressed')).resolves.toBe('true');
    await e2e.frame.getByRole('group', { name: 'Scoring presets' }).scrollIntoViewIfNeeded();
    await screenshot(e2e.page, 'admin-presets-picker.png');

    const proposed = { ...structuredClone(before.config), weights: wsjf.weights };
    proposed.effort.exponent = wsjf.effortExponent;
    const expected = await invoke<{ moved: number; moves: unknown[]; largest: { key: string }[] }>(
      e2e.url,
      'previewConfig',
      { previewOn: PROJECT, config: proposed },
      ctx.adminPage(ADMIN),
    );
    expect(expected.moved).toBeGreaterThan(0);
    const preview = e2e.frame.getByRole('region', { name: 'Preview the changes' });
    await preview.getByText(`On ${PROJECT}: ${expected.moved} of ${expected.moves.length} issues would move.`).waitFor({ timeout: 30_000 });
    // The largest move is listed first.
    await expect(preview.locator('tbody tr').first().locator('td').first().innerText()).resolves.toBe(expected.largest[0]!.key);
    await expect(getConfig().then((c) => c.version)).resolves.toBe(before.version);
    await preview.scrollIntoViewIfNeeded();
    await screenshot(e2e.page, 'admin-presets.png');

    await e2e.frame.getByRole('button', { name: 'Save', exact: true }).click();
    await e2e.frame.getByText('No unsaved changes.').waitFor({ timeout: 30_000 });
    const after = await getConfig();
    expect(after.version).toBe(before.version + 1);
    expect(after.config.weights).toEqual(wsjf.weights);
    expect(after.config.effort.exponent).toBe(wsjf.effortExponent);
    expect({ ...after.config, weights: null, effort: { ...after.config.effort, exponent: null } }).toEqual({
      ...before.config,
      weights: null,
      effort: { ...before.config.effort, exponent: null },
    });
  });

  it('gives Enterprise customers more weight: the preview says it computes in the background, then fills in; nothing is saved', async () => {
    const before = await getConfig();
    await e2e.frame.getByRole('button', { name: 'Add a tier' }).click();
    const name = e2e.frame.locator('input[id^="tier-name-"]').last();
    const weight = e2e.frame.locator('input[id^="tier-weight-"]').last();
    await name.fill('Enterprise');
    await weight.fill('5');
    const preview = e2e.frame.getByRole('region', { name: 'Preview the changes' });
    // The stored ranking does not keep customers' tiers: the page says the effect is computed in the background…
    await preview
      .getByRole('status')
      .getByText(/Computing the effect of customer tiers/)
      .waitFor({ timeout: 30_000 });
    // …and fills in when it is done.
    await preview.getByText(/Previewed: .*customer tiers/).waitFor({ timeout: 60_000 });
    const proposed = structuredClone(before.config);
    proposed.customerVoice.tierWeights = { ...proposed.customerVoice.tierWeights, Enterprise: 5 };
    const expected = await invoke<{ moved: number; moves: unknown[]; job: { status: string } }>(
      e2e.url,
      'previewConfig',
      { previewOn: PROJECT, config: proposed },
      ctx.adminPage(ADMIN),
    );
    expect(expected.job.status).toBe('done');
    await preview.getByText(`On ${PROJECT}: ${expected.moved} of ${expected.moves.length} issues would move.`).waitFor({ timeout: 30_000 });
    await expect(getConfig().then((c) => c.version)).resolves.toBe(before.version);
    await e2e.frame.getByRole('button', { name: 'Discard changes' }).click();
    await e2e.frame.getByText('No unsaved changes.').waitFor();
  });
});
