import type { AppDeps } from '../../../src/application/app-deps';
import { rebuildProject } from '../../../src/application/background/recompute';
import { ConfigStore } from '../../../src/application/config/config-store';
import { AppError } from '../../../src/application/errors';
import { PinStore } from '../../../src/application/pins/pin-store';
import { adfOf } from '../../../src/application/shipped/comment-body';
import { notifyCustomers } from '../../../src/application/shipped/notify-customers';
import { appendShipped, readShipped, SHIPPED_MAX_ITEMS } from '../../../src/application/shipped/shipped-log';
import { defaultConfig, type JiraIssueLike } from '../../../src/domain';
import type { ShippedRecord } from '../../../src/domain/shipped/shipped-record';
import { aFeedbackTicket, anIssue, NOW } from '../../builders/issue-builder';
import { MemoryJira } from '../../fakes/memory-jira';
import { MemoryKv } from '../../fakes/memory-kv';

const APP = { appId: '11111111-2222-4333-8444-555555555555', environmentId: '66666666-7777-4888-9999-000000000000' };
const SCORE_FIELD = {
  id: 'customfield_10500',
  key: `${APP.appId}__DEVELOPMENT__value-score`,
  name: 'Value score',
  custom: true,
  schema: { type: 'number', custom: `ari:cloud:ecosystem::extension/${APP.appId}/${APP.environmentId}/static/value-score` },
};

function depsOver(kv: MemoryKv): AppDeps {
  const clock = (): Date => NOW;
  return { kv, configs: new ConfigStore(kv, clock), pins: new PinStore(kv), clock, appIdentity: () => APP };
}

/** A Jira whose searches leave out done issues, as the candidate JQL (`statusCategory != Done`) does. */
class OpenOnlyJira extends MemoryJira {
  constructor(private readonly all: JiraIssueLike[]) {
    super(all, [SCORE_FIELD]);
  }
  override async *searchIds(jql: string, limit: number): AsyncGenerator<string[]> {
    this.jql.push(jql);
    yield this.all
      .filter((i) => !isDone(i))
      .map((i) => i.id)
      .slice(0, limit);
  }
  override async *searchKeys(jql: string, limit: number): AsyncGenerator<{ id: string; key: string }[]> {
    this.jql.push(jql);
    yield this.all
      .filter((i) => !isDone(i))
      .map((i) => ({ id: i.id, key: i.key }))
      .slice(0, limit);
  }
}
const isDone = (i: JiraIssueLike): boolean => (i.fields.status as { statusCategory?: { key?: string } } | undefined)?.statusCategory?.key === 'done';
const done = (i: JiraIssueLike, at: string): JiraIssueLike => ({
  ...i,
  fields: { ...i.fields, status: { name: 'Done', statusCategory: { key: 'done' } }, resolutiondate: at },
});

const tickets = [aFeedbackTicket('SUP-1', null), aFeedbackTicket('SUP-2', null), aFeedbackTicket('SUP-3', null)];

async function builtProject(): Promise<{ deps: AppDeps; issues: JiraIssueLike[] }> {
  const deps = depsOver(new MemoryKv());
  const config = defaultConfig();
  config.customerVoice.feedbackProjects = ['SUP'];
  await deps.configs.save({ kind: 'global' }, 0, config, 'admin');
  const issues = [anIssue('PAY-1').feedback('SUP-1').feedback('SUP-2').build(), anIssue('PAY-2').feedback('SUP-3').build(), anIssue('PAY-3').build()];
  const jira = new OpenOnlyJira([...issues, ...tickets]);
  expect((await rebuildProject(deps, jira, jira, 'PAY', () => Number.POSITIVE_INFINITY)).status).toBe('done');
  return { deps, issues };
}

describe('the shipped log', () => {
  it('a rebuild that finds a former row done logs it with its customers and tickets; a deleted one is not logged', async () => {
    const { deps, issues } = await builtProject();
    const [pay1, , pay3] = issues;
    const jira = new OpenOnlyJira([done(pay1!, '2026-11-20T10:00:00.000+0000'), pay3!, ...tickets]);
    await rebuildProject(deps, jira, jira, 'PAY', () => Number.POSITIVE_INFINITY);
    expect(await readShipped(deps.kv, 'PAY')).toEqual([
      {
        id: pay1!.id,
        key: 'PAY-1',
        summary: 'Summary of PAY-1',
        resolvedAt: '2026-11-20T10:00:00.000Z',
        customers: [
          { name: 'Reporter of SUP-1', tickets: [{ id: tickets[0]!.id, key: 'SUP-1' }] },
          { name: 'Reporter of SUP-2', tickets: [{ id: tickets[1]!.id, key: 'SUP-2' }] },
        ],
      },
    ]);
  });

  it('keeps 400 days and at most 2,000 items, newest first, one record per issue', async () => {
    const kv = new MemoryKv();
    const record = (n: number, daysAgo: number): ShippedRecord => ({
      id: String(n),
      key: `PAY-${n}`,
      summary: `Item ${n}`,
      resolvedAt: new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString(),
      customers: [],
    });
    await appendShipped(kv, 'PAY', [record(1, 401), record(2, 399)], NOW);
    expect((await readShipped(kv, 'PAY')).map((r) => r.key)).toEqual(['PAY-2']);
    await appendShipped(kv, 'PAY', [record(2, 1)], NOW);
    expect(await readShipped(kv, 'PAY')).toEqual([record(2, 1)]);
    const many = Array.from({ length: SHIPPED_MAX_ITEMS + 5 }, (_, i) => record(100 + i, (i % 300) + 2));
    await appendShipped(kv, 'PAY', many, NOW);
    const kept = await readShipped(kv, 'PAY');
    expect(kept).toHaveLength(SHIPPED_MAX_ITEMS);
    expect(kept[0]!.key).toBe('PAY-2');
    expect([...kept].sort((a, b) => b.resolvedAt.localeCompare(a.resolvedAt) || a.key.localeCompare(b.key))).toEqual(kept);
    expect([...kv.data.keys()].filter((k) => k.startsWith('shipped:PAY:')).length).toBeLessThanOrEqual(1 + Math.ceil(kept.length / 500));
  });
});

describe('telling the customers', () => {
  /** A Jira that fails (after its retries) when a comment is posted to `failOn`. */
  class FailingJira extends MemoryJira {
    failOn: string | null = null;
    override async comment(issueId: string, body: unknown, properties: readonly { key: string; value: unknown }[]) {
      if (issueId === this.failOn) throw new AppError('RATE_LIMITED', 'Jira is rate-limiting this app right now. Wait a minute and try again.');
      return super.comment(issueId, body, properties);
    }
  }

  it('a 429 on one ticket keeps the tickets already told; the next call tells only the rest', async () => {
    const { deps, issues } = await builtProject();
    const gone = new OpenOnlyJira([done(issues[0]!, '2026-11-20T10:00:00.000+0000'), issues[1]!, issues[2]!, ...tickets]);
    await rebuildProject(deps, gone, gone, 'PAY', () => Number.POSITIVE_INFINITY);
    const jira = new FailingJira([done(issues[0]!, '2026-11-20T10:00:00.000+0000'), ...tickets]);
    jira.failOn = tickets[1]!.id;
    const p = { projectKey: 'PAY', issueKey: 'PAY-1', text: 'Shipped.' };
    const failed = await notifyCustomers(deps, jira, jira, 'acc-po', p).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(AppError);
    expect((failed as AppError).code).toBe('PARTIAL_FAILURE');
    expect((failed as AppError).details).toEqual({ commented: 1, alreadyNotified: 0, refused: 0, failed: 'SUP-2' });
    expect(jira.comments.map((c) => c.issueId)).toEqual([tickets[0]!.id]);
    jira.failOn = null;
    expect(await notifyCustomers(deps, jira, jira, 'acc-po', p)).toEqual({ commented: 1, alreadyNotified: 1, refused: 0 });
    expect(jira.comments.map((c) => c.issueId)).toEqual([tickets[0]!.id, tickets[1]!.id]);
    expect(jira.comments[0]!.properties).toEqual([{ key: 'sd.public.comment', value: { internal: true } }]);
  });

  it('a ticket the user cannot see is refused, never commented', async () => {
    const { deps, issues } = await builtProject();
    const gone = new OpenOnlyJira([done(issues[0]!, '2026-11-20T10:00:00.000+0000'), ...tickets]);
    await rebuildProject(deps, gone, gone, 'PAY', () => Number.POSITIVE_INFINITY);
    const jira = new MemoryJira([done(issues[0]!, '2026-11-20T10:00:00.000+0000'), ...tickets]);
    jira.hidden.add(tickets[0]!.id);
    expect(await notifyCustomers(deps, jira, jira, 'acc-po', { projectKey: 'PAY', issueKey: 'PAY-1', text: 'Shipped.' })).toEqual({
      commented: 1,
      alreadyNotified: 0,
      refused: 1,
    });
    expect(jira.comments.map((c) => c.issueId)).toEqual([tickets[1]!.id]);
  });
});

describe('the comment body', () => {
  it('makes a paragraph per block and a hard break per line, text never read as markup', () => {
    expect(adfOf('First *line*\nsecond\n\n\n<b>Third</b>')).toEqual({
      type: 'doc',
      version: 1,
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'First *line*' }, { type: 'hardBreak' }, { type: 'text', text: 'second' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '<b>Third</b>' }] },
      ],
    });
  });
});
