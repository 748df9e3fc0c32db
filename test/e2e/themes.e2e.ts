/**
 * The project page in Jira's light and dark themes. In dark mode the module's <html> must carry
 * data-color-mode="dark" and actually render dark: the iframe body's background is dark and its text light.
 */
import type { Frame, Page } from 'playwright-core';
import { luminance, type Dom, moduleFrame, moduleLocator, openShell, PERSONAS, screenshot } from './support';
import { useE2E } from './use-e2e';

const PO = PERSONAS.productOwner.accountId;

interface Look {
  colorMode: string | null;
  background: string;
  text: string;
  surfaceToken: string;
  textToken: string;
}

async function look(frame: Frame): Promise<Look> {
  return frame.evaluate(() => {
    const { document, getComputedStyle } = globalThis as unknown as Dom;
    const root = getComputedStyle(document.documentElement);
    const body = getComputedStyle(document.body);
    const main = document.querySelector('main');
    return {
      colorMode: document.documentElement.getAttribute('data-color-mode'),
      background: body.backgroundColor,
      text: main ? getComputedStyle(main).color : body.color,
      surfaceToken: root.getPropertyValue('--ds-surface').trim(),
      textToken: root.getPropertyValue('--ds-text').trim(),
    };
  });
}

async function openProjectPage(page: Page, url: string, theme: 'light' | 'dark'): Promise<Frame> {
  await openShell(page, url, 'project', { user: PO, theme });
  await moduleLocator(page, 'project-page').locator('table tbody[data-rbd-droppable-id] tr').first().waitFor({ timeout: 30_000 });
  const frame = await moduleFrame(page, 'project-page');
  // The shell sets the theme attributes when the module asks for theming (view.theme.enable()).
  await frame.waitForFunction((mode) => (globalThis as unknown as Dom).document.documentElement.getAttribute('data-color-mode') === mode, theme, {
    timeout: 10_000,
  });
  return frame;
}

describe('Project page themes', () => {
  const e2e = useE2E({ warmAs: PO });

  it('renders light: light background, dark text', async () => {
    const frame = await openProjectPage(e2e.page, e2e.url, 'light');
    await screenshot(e2e.page, 'project-page.png');
    const l = await look(frame);
    expect(l.colorMode).toBe('light');
    expect(luminance(l.background)).toBeGreaterThan(0.8);
    expect(luminance(l.text)).toBeLessThan(0.2);
  });

  it('renders dark: data-color-mode="dark", dark background, light text', async () => {
    const frame = await openProjectPage(e2e.page, e2e.url, 'dark');
    await screenshot(e2e.page, 'project-page-dark.png');
    const l = await look(frame);
    expect(l.colorMode).toBe('dark');
    const bg = luminance(l.background);
    const fg = luminance(l.text);
    const ok = bg !== null && fg !== null && bg < 0.2 && fg > 0.4;
    if (!ok) {
      throw new Error(
        [
          'Dark theme does not render dark inside the project-page iframe.',
          `  <html data-color-mode="${l.colorMode}"> is set, but body background is ${l.background} (luminance ${bg?.toFixed(3)}, want < 0.2)`,
          `  and <main> text is ${l.text} (luminance ${fg?.toFixed(3)}, want > 0.4).`,
          `  Design-token CSS variables in the frame: --ds-surface = "${l.surfaceToken}", --ds-text = "${l.textToken}"`,
          '  (empty means no token theme stylesheet is loaded, so every token() falls back to its light default).',
        ].join('\n'),
      );
    }
    expect(e2e.errors).toEqual([]);
  });
});
