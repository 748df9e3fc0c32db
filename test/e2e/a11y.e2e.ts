/**
 * Accessibility: axe-core inside each Custom UI frame (project page with the backlog loaded, issue panel,
 * admin page). No violation with impact "serious" or "critical" is allowed; the failure lists them.
 */
import type { Page } from 'playwright-core';
import {
  formatViolations,
  fullBacklog,
  moduleFrame,
  moduleLocator,
  openShell,
  PERSONAS,
  seriousAxeViolations,
  startE2E,
  warmBacklog,
  type E2E,
} from './support';

const PO = PERSONAS.productOwner.accountId;
const DEV = PERSONAS.developer.accountId;
const ADMIN = PERSONAS.admin.accountId;

describe('Accessibility (axe-core, serious and critical)', () => {
  let e2e: E2E;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2E();
    page = e2e.page;
    await warmBacklog(e2e.url, PO);
  }, 90_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it('project page (backlog)', async () => {
    await openShell(page, e2e.url, 'project', { user: PO });
    await moduleLocator(page, 'project-page').locator('table tbody[data-rbd-droppable-id] tr').first().waitFor({ timeout: 30_000 });
    const violations = await seriousAxeViolations(await moduleFrame(page, 'project-page'));
    if (violations.length)
      throw new Error(`axe found ${violations.length} serious/critical rule violation(s):\n${formatViolations('project page', violations)}`);
  });

  it('issue panel', async () => {
    const key = (await fullBacklog(e2e.url, DEV)).items[0]!.key;
    await openShell(page, e2e.url, `issue/${key}`, { user: DEV });
    await moduleLocator(page, 'issue-panel').locator('[aria-label^="Score "]').waitFor({ timeout: 30_000 });
    const violations = await seriousAxeViolations(await moduleFrame(page, 'issue-panel'));
    if (violations.length)
      throw new Error(`axe found ${violations.length} serious/critical rule violation(s):\n${formatViolations(`issue panel (${key})`, violations)}`);
  });

  it('admin page', async () => {
    await openShell(page, e2e.url, 'admin', { user: ADMIN });
    await moduleLocator(page, 'admin-page').locator('#cfg-weight-businessValue').waitFor({ timeout: 30_000 });
    const violations = await seriousAxeViolations(await moduleFrame(page, 'admin-page'));
    if (violations.length) throw new Error(`axe found ${violations.length} serious/critical rule violation(s):\n${formatViolations('admin page', violations)}`);
  });
});
