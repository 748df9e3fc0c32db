/**
 * Jira data is untrusted text: an issue summary carrying HTML with an onerror handler, a `javascript:` label and a
 * remote link whose URL is `javascript:alert(1)` must show as literal text, run nothing and link nowhere.
 */
import type { Frame } from 'playwright-core';
import { demoSeed, type Dom, eventually, moduleFrame, moduleLocator, openShell, PERSONAS } from './support';
import { useE2E } from './use-e2e';

const PO = PERSONAS.productOwner.accountId;
const SUMMARY = '<img src=x onerror="window.__pwned=1">';
const JS_URL = 'javascript:alert(1)';

interface SeedIssue {
  key: string;
  fields: { summary: string; labels?: string[]; issuetype: { name: string }; status: { statusCategory: { key: string } } };
}

function hostileSeed(): { seed: ReturnType<typeof demoSeed>; key: string } {
  const seed = demoSeed();
  const issues = seed.issues as unknown as SeedIssue[];
  const target = issues.find(
    (i) => i.key.startsWith('PAY-') && i.fields.status.statusCategory.key !== 'done' && !['Epic', 'Sub-task', 'Subtask'].includes(i.fields.issuetype.name),
  );
  if (!target) throw new Error('the demo site has no open PAY issue');
  target.fields.summary = SUMMARY;
  target.fields.labels = [...(target.fields.labels ?? []), JS_URL];
  const links = seed.remoteLinks as unknown as Record<string, unknown[]>;
  links[target.key] = [
    ...(links[target.key] ?? []),
    {
      id: 990001,
      globalId: 'system=javascript&id=1',
      application: { type: 'com.example.supportdesk', name: 'SupportDesk' },
      relationship: 'mentioned in',
      object: {
        url: JS_URL,
        title: '<script>window.__pwned=2</script>',
        summary: '<b onmouseover="window.__pwned=3">hover</b>',
        icon: { url16x16: JS_URL, title: 'x' },
        status: { resolved: false, icon: {} },
      },
    },
  ];
  // Make the app treat that URL as a customer's support link, so the issue panel's evidence shows it.
  const config = seed.config as { customerVoice: { remoteLinkPatterns: string[] } };
  config.customerVoice = { ...config.customerVoice, remoteLinkPatterns: [...config.customerVoice.remoteLinkPatterns, '^javascript:(?<customer>[a-z]+)'] };
  return { seed, key: target.key };
}

async function pwned(frame: Frame): Promise<unknown> {
  return frame.evaluate(() => (globalThis as unknown as Dom).window.__pwned as unknown);
}

async function javascriptHrefs(frame: Frame): Promise<string[]> {
  return frame.evaluate(() =>
    Array.from((globalThis as unknown as Dom).document.querySelectorAll('[href], [src]') as ArrayLike<{ getAttribute(n: string): string | null }>)
      .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '')
      .filter((v) => /^\s*javascript:/i.test(v)),
  );
}

describe('Hostile Jira data is shown as text', () => {
  let key = '';
  const e2e = useE2E(() => {
    const hostile = hostileSeed();
    key = hostile.key;
    return { seed: hostile.seed, warmAs: PO };
  });
  const dialogs: string[] = [];

  beforeAll(() => {
    e2e.page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
  });

  it('project page: the summary is literal text and no handler runs', async () => {
    await openShell(e2e.page, e2e.url, 'project', { user: PO });
    const f = moduleLocator(e2e.page, 'project-page');
    await f.locator('table tbody tr').first().waitFor({ timeout: 30_000 });
    await f.getByRole('textbox', { name: 'Search summary or key' }).fill('onerror');
    const row = f.locator('table tbody tr', { has: f.getByRole('button', { name: `Open ${key} in Jira` }) });
    await row.waitFor({ timeout: 30_000 });
    // The search is debounced: the hostile issue may already be on the unfiltered first page, so wait for the
    // filtered answer (one row) rather than for the row alone.
    await eventually(
      () => f.locator('table tbody tr').count(),
      (n) => n === 1,
      { what: 'the search to leave one row' },
    );
    await expect(row.getByText(SUMMARY, { exact: true }).isVisible()).resolves.toBe(true);

    const frame = await moduleFrame(e2e.page, 'project-page');
    await expect(frame.evaluate(() => (globalThis as unknown as Dom).document.querySelectorAll('img[src="x"], script:not([src])').length)).resolves.toBe(0);
    await e2e.page.waitForTimeout(300); // an injected <img src=x> would have fired onerror by now
    await expect(pwned(frame)).resolves.toBeUndefined();
    await expect(pwned(e2e.page.mainFrame())).resolves.toBeUndefined();
    await expect(javascriptHrefs(frame)).resolves.toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('issue view: summary, javascript: label and link are text; nothing links to javascript:', async () => {
    await openShell(e2e.page, e2e.url, `issue/${key}`, { user: PO });
    const f = moduleLocator(e2e.page, 'issue-panel');
    await f.locator('[aria-label^="Score "]').waitFor({ timeout: 30_000 });
    await expect(e2e.page.locator('.issue-view h1').innerText()).resolves.toBe(`${key}: ${SUMMARY}`);
    await expect(e2e.page.locator('.issue-view dd', { hasText: JS_URL }).isVisible()).resolves.toBe(true);
    // The support link counts as evidence and is printed, never turned into a link.
    await expect(f.getByText(JS_URL, { exact: false }).first().isVisible()).resolves.toBe(true);

    const frame = await moduleFrame(e2e.page, 'issue-panel');
    await e2e.page.waitForTimeout(300);
    await expect(pwned(frame)).resolves.toBeUndefined();
    await expect(pwned(e2e.page.mainFrame())).resolves.toBeUndefined();
    await expect(javascriptHrefs(frame)).resolves.toEqual([]);
    await expect(javascriptHrefs(e2e.page.mainFrame())).resolves.toEqual([]);
    expect(dialogs).toEqual([]);
    expect(e2e.errors).toEqual([]);
  });
});
