/**
 * Accessibility: axe-core inside each Custom UI frame (project page with the backlog loaded, issue panel,
 * admin page). No violation with impact "serious" or "critical" is allowed; the failure lists them.
 */
import { formatViolations, fullBacklog, moduleFrame, moduleLocator, openShell, PERSONAS, seriousAxeViolations } from './support';
import { useE2E } from './use-e2e';

const PO = PERSONAS.productOwner.accountId;
const DEV = PERSONAS.developer.accountId;
const ADMIN = PERSONAS.admin.accountId;

describe('Accessibility (axe-core, serious and critical)', () => {
  const e2e = useE2E({ warmAs: PO });

  it('project page (backlog)', async () => {
    await openShell(e2e.page, e2e.url, 'project', { user: PO });
    await moduleLocator(e2e.page, 'project-page').locator('table tbody[data-rbd-droppable-id] tr').first().waitFor({ timeout: 30_000 });
    const violations = await seriousAxeViolations(await moduleFrame(e2e.page, 'project-page'));
    if (violations.length)
      throw new Error(`axe found ${violations.length} serious/critical rule violation(s):\n${formatViolations('project page', violations)}`);
  });

  it('issue panel', async () => {
    const key = (await fullBacklog(e2e.url, DEV)).items[0]!.key;
    await openShell(e2e.page, e2e.url, `issue/${key}`, { user: DEV });
    await moduleLocator(e2e.page, 'issue-panel').locator('[aria-label^="Score "]').waitFor({ timeout: 30_000 });
    const violations = await seriousAxeViolations(await moduleFrame(e2e.page, 'issue-panel'));
    if (violations.length)
      throw new Error(`axe found ${violations.length} serious/critical rule violation(s):\n${formatViolations(`issue panel (${key})`, violations)}`);
  });

  it('admin page', async () => {
    await openShell(e2e.page, e2e.url, 'admin', { user: ADMIN });
    await moduleLocator(e2e.page, 'admin-page').locator('#cfg-weight-businessValue').waitFor({ timeout: 30_000 });
    const violations = await seriousAxeViolations(await moduleFrame(e2e.page, 'admin-page'));
    if (violations.length) throw new Error(`axe found ${violations.length} serious/critical rule violation(s):\n${formatViolations('admin page', violations)}`);
  });
});
