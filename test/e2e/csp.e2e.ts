/**
 * The Custom UI modules under the Content-Security-Policy Forge applies, built from the manifest. Atlaskit's
 * compiled styles ship in the build's .css file ('self'); what is injected at run time as <style> elements (the
 * drag-and-drop styles of the ranked table: the handle's grab cursor) needs `permissions.content.styles:
 * ['unsafe-inline']`. With the app's manifest both apply and nothing is refused; with a manifest lacking the
 * permission the run-time styles are refused, as they would be inside Jira.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { Page } from 'playwright-core';
import { contentSecurityPolicy, readCustomUiPermissions } from '../../dev/preview/csp';
import { type Dom, moduleFrame, moduleLocator, openShell, PERSONAS, ROOT, startE2E, warmBacklog, type E2E } from './support';

const PO = PERSONAS.productOwner.accountId;
const MANIFEST = join(ROOT, 'manifest.yml');

interface Look {
  /** Computed look of the first Atlaskit button and of a plain <button> added beside it. */
  atlaskit: Record<string, string>;
  plain: Record<string, string>;
  /** Computed cursor of the first row's drag handle (set by a <style> element the table injects at run time). */
  dragCursor: string;
}

async function look(page: Page): Promise<Look> {
  await moduleLocator(page, 'project-page').locator('table tbody[data-rbd-droppable-id] tr').first().waitFor({ timeout: 30_000 });
  const frame = await moduleFrame(page, 'project-page');
  return frame.evaluate(() => {
    const { document, getComputedStyle } = globalThis as unknown as Dom;
    const props = ['background-color', 'border-top-left-radius', 'padding-left', 'height'];
    const lookOf = (el: unknown): Record<string, string> => Object.fromEntries(props.map((p) => [p, getComputedStyle(el).getPropertyValue(p)]));
    const atlaskit = document.querySelector('main button');
    const plain = document.createElement('button');
    plain.textContent = 'plain';
    atlaskit.parentElement.appendChild(plain);
    const out = {
      atlaskit: lookOf(atlaskit),
      plain: lookOf(plain),
      dragCursor: getComputedStyle(document.querySelector('[data-rbd-drag-handle-context-id]')).cursor,
    };
    plain.remove();
    return out;
  });
}

const cspRefusals = (errors: string[]): string[] => errors.filter((e) => /Content Security Policy/i.test(e));

describe("Custom UI under Forge's Content-Security-Policy", () => {
  let e2e: E2E | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await e2e?.close();
    e2e = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves every module file with the policy from manifest.yml, and Atlaskit renders styled with nothing refused', async () => {
    e2e = await startE2E();
    await warmBacklog(e2e.url, PO);
    const policy = contentSecurityPolicy(readCustomUiPermissions(MANIFEST));
    const html = await fetch(`${e2e.url}/static/project-page/index.html`);
    expect(html.headers.get('content-security-policy')).toBe(policy);
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(await html.text())?.[1];
    expect((await fetch(`${e2e.url}/static/project-page/${script}`)).headers.get('content-security-policy')).toBe(policy);

    await openShell(e2e.page, e2e.url, 'project', { user: PO });
    const seen = await look(e2e.page);

    expect(seen.atlaskit).not.toEqual(seen.plain);
    expect(seen.dragCursor).toBe('grab');
    expect(cspRefusals(e2e.errors)).toEqual([]);
  }, 120_000);

  it('refuses the run-time styles, as Jira would, when the manifest lacks the inline-style permission', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vr-csp-manifest-'));
    const manifest = parse(readFileSync(MANIFEST, 'utf8')) as { permissions: Record<string, unknown> };
    delete manifest.permissions.content;
    const stripped = join(dir, 'manifest.yml');
    writeFileSync(stripped, stringify(manifest));
    e2e = await startE2E({ manifest: stripped });
    await warmBacklog(e2e.url, PO);

    await openShell(e2e.page, e2e.url, 'project', { user: PO });
    const seen = await look(e2e.page);

    expect(seen.dragCursor).not.toBe('grab');
    expect(cspRefusals(e2e.errors).length).toBeGreaterThan(0);
    e2e.errors.length = 0;
  }, 120_000);
});
