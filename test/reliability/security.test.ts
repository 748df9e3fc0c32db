/**
 * Who may call what. An explicit permission matrix (DESIGN.md "who may call" × the demo
 * personas of dev/demo/jira-catalog.ts) over every operation, checking that a refused call changes nothing (config
 * versions, pins, Jira's rank order) and leaks nothing; tampered contexts; injection strings in keys, labels and
 * field ids, which must never reach Jira; and a source check that `asApp()` stays in background code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { kvs, WhereConditions } from '@forge/kvs';
import type { ResolverHandler } from '../../dev/runtime';
import { defaultConfig } from '../../src/domain';
import { startDemo } from '../integration/harness';
import {
  ADMIN,
  adminPage,
  call,
  DEV,
  issuePanel,
  jiraRankOrder,
  loadResolver,
  PO,
  projectPage,
  projectSettings,
  resetStats,
  settleQueue,
  simStats,
  SUPPORT,
  type Answer,
  type Ctx,
} from './helpers';

type Persona = 'anonymous' | 'developer' | 'supportAgent' | 'productOwner' | 'jiraAdmin';
const ACCOUNT: Record<Persona, string> = { anonymous: '', developer: DEV, supportAgent: SUPPORT, productOwner: PO, jiraAdmin: ADMIN };
const PERSONA_ORDER: Persona[] = ['anonymous', 'developer', 'supportAgent', 'productOwner', 'jiraAdmin'];

/**
 * The expected table. Columns: anonymous (no accountId), developer (Browse on PAY), support agent (Browse on SUP
 * only), product owner (Browse + Schedule + Administer on PAY: project admin), Jira admin. "who may call" from
 * DESIGN.md: reads need Browse on the project; config writes, history and revert need project admin (project
 * override, from the project settings page) or Jira admin (global, from the admin page); pins and rank sync need
 * Schedule Issues; listFields needs admin. The global config (no project) may be read by any signed-in user: it is
 * what every project without an override shows anyway.
 */
const A = 'allow' as const;
const F = 'FORBIDDEN' as const;
/** Past the permission check, but the issue asked about is no shipped item (nothing is done in the demo yet). */
const N = 'NOT_FOUND' as const;
type Verdict = typeof A | typeof F | typeof N;
const MATRIX: Record<string, [Verdict, Verdict, Verdict, Verdict, Verdict]> = {
  //                          anon dev supp  PO admin
  getBacklog: /*            */ [F, A, F, A, A],
  explainIssue: /*          */ [F, A, F, A, A],
  getRoadmap: /*            */ [F, A, F, A, A],
  previewWeights: /*        */ [F, A, F, A, A],
  'getConfig(project)': /*  */ [F, A, F, A, A],
  'getConfig(global)': /*   */ [F, A, A, A, A],
  'saveConfig(project)': /* */ [F, F, F, A, A],
  'saveConfig(global)': /*  */ [F, F, F, F, A],
  'getConfigHistory(project)': [F, F, F, A, A],
  'getConfigHistory(global)': [F, F, F, F, A],
  'revertConfig(project)': /**/ [F, F, F, A, A],
  'revertConfig(global)': /* */ [F, F, F, F, A],
  setPin: /*                */ [F, F, F, A, A],
  planRankSync: /*          */ [F, F, F, A, A],
  applyRankSync: /*         */ [F, F, F, A, A],
  'listFields(global)': /*  */ [F, F, F, F, A],
  'listFields(project)': /* */ [F, F, F, A, A],
  planSprint: /*            */ [F, A, F, A, A],
  getShipped: /*            */ [F, A, F, A, A],
  notifyCustomers: /*       */ [F, N, F, N, N],
  'previewConfig(project)': /**/ [F, A, F, A, A],
  'previewConfig(global)': /* */ [F, F, F, F, A],
  'listPresets(global)': /* */ [F, F, F, F, A],
  'listPresets(project)': /**/ [F, F, F, A, A],
  castVote: /*              */ [F, A, F, A, A],
  getChanges: /*            */ [F, A, F, A, A],
};

interface Recorded {
  url: string;
  method: string;
  body: string;
}

const INJECTIONS = ['PAY" OR project = SUP', '../../rest/api/3/myself', 'PAY%2F..', 'PAY AND 1=1', 'PAY/../SUP', 'PAY ORDER BY key', 'PAY\nOR project = SUP'];

describe('security', () => {
  let preview: Awaited<ReturnType<typeof startDemo>>;
  let resolver: ResolverHandler;
  const realFetch = globalThis.fetch;
  const recorded: Recorded[] = [];
  let candidates: string[] = [];

  beforeAll(async () => {
    // Every request the local Forge runtime sends to the simulated Jira goes through the global fetch: record them.
    globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      recorded.push({ url: decodeURIComponentSafe(url), method: init?.method ?? 'GET', body: typeof init?.body === 'string' ? init.body : '' });
      return realFetch(input, init);
    }) as typeof fetch;
    preview = await startDemo();
    resolver = await loadResolver();
    // Version 1 of PAY's override exists (so revert has a target); the global config is version 1 (the seed's).
    const cfg = await call(resolver, 'getConfig', { projectKey: 'PAY' }, { accountId: PO, ...projectSettings('PAY') });
    if (!cfg.ok) throw new Error('getConfig failed');
    const saved = await call(
      resolver,
      'saveConfig',
      { projectKey: 'PAY', expectedVersion: 0, config: cfg.data.config },
      { accountId: PO, ...projectSettings('PAY') },
    );
    if (!saved.ok) throw new Error(`override not saved: ${saved.error.message}`);
    const backlog = await call(resolver, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, { accountId: ADMIN, ...projectPage('PAY') });
    if (!backlog.ok) throw new Error('backlog failed');
    candidates = backlog.data.items.map((i: { key: string }) => i.key);
  }, 60_000);

  afterAll(async () => {
    await preview?.close();
    globalThis.fetch = realFetch;
  });

  function decodeURIComponentSafe(s: string): string {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  }

  async function configVersion(scope: 'global' | 'PAY'): Promise<number> {
    const r = await call(
      resolver,
      'getConfig',
      scope === 'global' ? {} : { projectKey: 'PAY' },
      scope === 'global' ? { accountId: ADMIN, ...adminPage } : { accountId: ADMIN, ...projectSettings('PAY') },
    );
    if (!r.ok) throw new Error('getConfig failed');
    return r.data.version;
  }

  interface Snapshot {
    global: number;
    pay: number;
    pins: unknown;
    order: string[];
  }
  async function snapshot(): Promise<Snapshot> {
    return {
      global: await configVersion('global'),
      pay: await configVersion('PAY'),
      pins: (await kvs.query().where('key', WhereConditions.beginsWith('pin:PAY:')).limit(100).getMany()).results,
      order: await jiraRankOrder(preview.url),
    };
  }

  /** The call a persona's UI would make for a matrix row (payloads that would succeed for someone allowed). */
  async function request(row: string): Promise<{ key: string; payload: unknown; ctx: Omit<Ctx, 'accountId'> }> {
    const issue = candidates[3]!;
    const cfgOf = async (scope: 'global' | 'PAY') => {
      const r = await call(resolver, 'getConfig', scope === 'global' ? {} : { projectKey: 'PAY' }, {
        accountId: ADMIN,
        ...(scope === 'global' ? adminPage : projectSettings('PAY')),
      });
      if (!r.ok) throw new Error('getConfig failed');
      const config = structuredClone(r.data.config);
      config.weights.enablement = config.weights.enablement === 15 ? 16 : 15;
      return { version: r.data.version as number, config };
    };
    switch (row) {
      case 'getBacklog':
        return { key: row, payload: { projectKey: 'PAY', pageSize: 10 }, ctx: projectPage('PAY') };
      case 'explainIssue':
        return { key: row, payload: { issueKey: issue }, ctx: issuePanel(issue) };
      case 'getRoadmap':
        return { key: row, payload: { projectKey: 'PAY' }, ctx: projectPage('PAY') };
      case 'previewWeights':
        return { key: row, payload: { projectKey: 'PAY', weights: { customerVoice: 5 } }, ctx: projectPage('PAY') };
      case 'getConfig(project)':
        return { key: 'getConfig', payload: { projectKey: 'PAY' }, ctx: projectSettings('PAY') };
      case 'getConfig(global)':
        return { key: 'getConfig', payload: {}, ctx: adminPage };
      case 'saveConfig(project)': {
        const { version, config } = await cfgOf('PAY');
        return { key: 'saveConfig', payload: { projectKey: 'PAY', expectedVersion: version, config }, ctx: projectSettings('PAY') };
      }
      case 'saveConfig(global)': {
        const { version, config } = await cfgOf('global');
        return { key: 'saveConfig', payload: { expectedVersion: version, config }, ctx: adminPage };
      }
      case 'getConfigHistory(project)':
        return { key: 'getConfigHistory', payload: { projectKey: 'PAY' }, ctx: projectSettings('PAY') };
      case 'getConfigHistory(global)':
        return { key: 'getConfigHistory', payload: {}, ctx: adminPage };
      case 'revertConfig(project)':
        return { key: 'revertConfig', payload: { projectKey: 'PAY', toVersion: 1, expectedVersion: await configVersion('PAY') }, ctx: projectSettings('PAY') };
      case 'revertConfig(global)':
        return { key: 'revertConfig', payload: { toVersion: 1, expectedVersion: await configVersion('global') }, ctx: adminPage };
      case 'setPin':
        return { key: row, payload: { projectKey: 'PAY', issueKey: candidates[candidates.length - 1], position: 2 }, ctx: projectPage('PAY') };
      case 'planRankSync':
        return { key: row, payload: { projectKey: 'PAY' }, ctx: projectPage('PAY') };
      case 'applyRankSync': {
        const plan = await call(resolver, 'planRankSync', { projectKey: 'PAY' }, { accountId: ADMIN, ...projectPage('PAY') });
        if (!plan.ok) throw new Error('plan failed');
        return { key: row, payload: { projectKey: 'PAY', planId: plan.data.planId }, ctx: projectPage('PAY') };
      }
      case 'listFields(global)':
        return { key: 'listFields', payload: {}, ctx: adminPage };
      case 'listFields(project)':
        return { key: 'listFields', payload: {}, ctx: projectSettings('PAY') };
      case 'planSprint':
        return { key: row, payload: { projectKey: 'PAY' }, ctx: projectPage('PAY') };
      case 'getShipped':
        return { key: row, payload: { projectKey: 'PAY', since: '2026-01-01T00:00:00Z' }, ctx: projectPage('PAY') };
      case 'notifyCustomers':
        return { key: row, payload: { projectKey: 'PAY', issueKey: issue, text: 'Shipped.' }, ctx: projectPage('PAY') };
      case 'previewConfig(project)':
        return { key: 'previewConfig', payload: { projectKey: 'PAY', config: (await cfgOf('PAY')).config }, ctx: projectSettings('PAY') };
      case 'previewConfig(global)':
        return { key: 'previewConfig', payload: { previewOn: 'PAY', config: (await cfgOf('global')).config }, ctx: adminPage };
      case 'listPresets(global)':
        return { key: 'listPresets', payload: {}, ctx: adminPage };
      case 'listPresets(project)':
        return { key: 'listPresets', payload: {}, ctx: projectSettings('PAY') };
      case 'castVote':
        return { key: row, payload: { issueKey: issue, importance: 3 }, ctx: issuePanel(issue) };
      case 'getChanges':
        return { key: row, payload: { projectKey: 'PAY', since: 'lastWeek' }, ctx: projectPage('PAY') };
    }
    throw new Error(`unknown row ${row}`);
  }

  it('the matrix covers every operation of the contract', async () => {
    const { OPERATION_KEYS } = await import('../../src/contract/operations');
    expect(new Set(Object.keys(MATRIX).map((r) => r.replace(/\(.*\)$/, '')))).toEqual(new Set(OPERATION_KEYS));
  });

  // Rows in order; within a row the refused personas come first, so a refused apply meets a plan with real moves.
  for (const row of Object.keys(MATRIX)) {
    it(`permission matrix: ${row}`, async () => {
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const persona of PERSONA_ORDER) {
        const verdict = MATRIX[row]![PERSONA_ORDER.indexOf(persona)]!;
        const req = await request(row);
        if (row === 'applyRankSync' && verdict === F) {
          const plan = await call(resolver, 'planRankSync', { projectKey: 'PAY' }, { accountId: ADMIN, ...projectPage('PAY') });
          expect(plan.ok && plan.data.moves.length).toBeGreaterThan(0);
        }
        const before = await snapshot();
        const r = await call(resolver, req.key, req.payload, { accountId: ACCOUNT[persona], ...req.ctx });
        outcomes.push(`${persona}: ${r.ok ? A : r.error.code}`);
        expected.push(`${persona}: ${verdict}`);
        if (!r.ok) {
          // Refused: nothing changed, and nothing of the project leaked.
          expect(await snapshot()).toEqual(before);
          expect(JSON.stringify(r)).not.toMatch(/"PAY-\d+"|customerVoice/);
        }
      }
      expect(outcomes).toEqual(expected);
    }, 30_000);
  }

  /**
   * What a permitted getConfig shows, per persona: the whole config (data sources, patterns, JQL, field mapping)
   * and who saved it only to someone who may change that scope; everyone else the weights and the version, which
   * is all the project page's what-if panel reads.
   */
  const CONFIG_VIEW: Record<
    'getConfig(project)' | 'getConfig(global)',
    [Verdict | 'summary' | 'full', Verdict | 'summary' | 'full', Verdict | 'summary' | 'full', Verdict | 'summary' | 'full', Verdict | 'summary' | 'full']
  > = {
    //                    anon dev        supp       PO         admin
    'getConfig(project)': [F, 'summary', F, 'full', 'full'],
    'getConfig(global)': [F, 'summary', 'summary', 'summary', 'full'],
  };
  for (const row of Object.keys(CONFIG_VIEW) as (keyof typeof CONFIG_VIEW)[]) {
    it(`config exposure: ${row} shows the whole config only to who may change it`, async () => {
      const seen: string[] = [];
      const leaks: string[] = [];
      for (const persona of PERSONA_ORDER) {
        const req = await request(row);
        const r = await call(resolver, req.key, req.payload, { accountId: ACCOUNT[persona], ...req.ctx });
        if (!r.ok) {
          seen.push(`${persona}: ${r.error.code}`);
          continue;
        }
        const full = 'customerVoice' in r.data.config && 'candidateJql' in r.data.config;
        seen.push(`${persona}: ${full ? 'full' : 'summary'}`);
        expect(r.data.config.weights).toEqual(expect.objectContaining({ customerVoice: expect.any(Number), techDebt: expect.any(Number) }));
        expect(r.data.version).toEqual(expect.any(Number));
        if (!full) {
          const json = JSON.stringify(r.data);
          for (const secret of ['remoteLinkPatterns', 'feedbackProjects', 'candidateJql', 'optionValues', 'customfield_', ADMIN, PO])
            if (json.includes(secret)) leaks.push(`${persona} sees ${secret}`);
        }
      }
      expect(seen).toEqual(PERSONA_ORDER.map((p, i) => `${p}: ${CONFIG_VIEW[row][i]}`));
      expect(leaks).toEqual([]);
    });
  }

  it.each([
    ['an empty accountId', ''],
    ['a blank accountId', ' '],
    ['a tab as accountId', '\t'],
  ])(
    'anonymous-like context (%s) is refused for every operation and changes nothing',
    async (_what, accountId) => {
      const before = await snapshot();
      const outcomes: string[] = [];
      for (const row of Object.keys(MATRIX)) {
        const req = await request(row);
        const r = await call(resolver, req.key, req.payload, { accountId, ...req.ctx });
        outcomes.push(`${row}: ${r.ok ? 'allow' : r.error.code}`);
      }
      expect(outcomes).toEqual(Object.keys(MATRIX).map((row) => `${row}: FORBIDDEN`));
      expect(await snapshot()).toEqual(before);
    },
    60_000,
  );

  describe('tampered context', () => {
    const cases: [string, string, unknown, Ctx][] = [
      ['PO on a SUP page asks for PAY', 'getBacklog', { projectKey: 'PAY' }, { accountId: PO, ...projectPage('SUP') }],
      ['developer on a SUP page asks for PAY', 'getRoadmap', { projectKey: 'PAY' }, { accountId: DEV, ...projectPage('SUP') }],
      ['support agent claims a PAY page', 'getBacklog', { projectKey: 'PAY' }, { accountId: SUPPORT, ...projectPage('PAY') }],
      ['support agent on their SUP page explains a PAY issue', 'explainIssue', { issueKey: 'PAY-10' }, { accountId: SUPPORT, ...projectPage('SUP') }],
      ['a PAY issue panel asked about another issue', 'explainIssue', { issueKey: 'PAY-11' }, { accountId: PO, ...issuePanel('PAY-10') }],
      [
        'lower-case project key in the extension',
        'previewWeights',
        { projectKey: 'PAY', weights: { customerVoice: 1 } },
        { accountId: PO, moduleKey: 'valuerank-project-page', extension: { project: { key: 'pay' } } },
      ],
      [
        'PO saves a PAY override from a SUP settings page',
        'saveConfig',
        { projectKey: 'PAY', expectedVersion: 1, config: defaultConfig() },
        { accountId: PO, ...projectSettings('SUP') },
      ],
      [
        'Jira admin saves the global config from a project page',
        'saveConfig',
        { expectedVersion: 1, config: defaultConfig() },
        { accountId: ADMIN, ...projectSettings('PAY') },
      ],
      [
        'Jira admin reverts the global config from a project page',
        'revertConfig',
        { toVersion: 1, expectedVersion: 1 },
        { accountId: ADMIN, ...projectSettings('PAY') },
      ],
      ['PO lists fields from a SUP settings page', 'listFields', {}, { accountId: PO, ...projectSettings('SUP') }],
      [
        'PO pins a SUP issue in SUP (no Schedule Issues there)',
        'setPin',
        { projectKey: 'SUP', issueKey: 'SUP-1', position: 1 },
        { accountId: PO, ...projectPage('SUP') },
      ],
      ['PO plans a rank sync for SUP from a PAY page', 'planRankSync', { projectKey: 'SUP' }, { accountId: PO, ...projectPage('PAY') }],
      ['developer reads PAY history from the admin page', 'getConfigHistory', { projectKey: 'PAY' }, { accountId: DEV, ...adminPage }],
    ];
    it.each(cases)('%s → FORBIDDEN, no data, nothing changed', async (_what, key, payload, ctx) => {
      const before = await snapshot();
      const r = await call(resolver, key, payload, ctx);
      expect(r.ok ? 'allow' : r.error.code).toBe('FORBIDDEN');
      expect(JSON.stringify(r)).not.toMatch(/"(PAY|SUP)-\d+"|customerVoice/);
      expect(await snapshot()).toEqual(before);
    });

    it("a pin naming another project's issue is refused, and a plan of PAY cannot be applied to SUP", async () => {
      const pin = await call(resolver, 'setPin', { projectKey: 'PAY', issueKey: 'SUP-1', position: 1 }, { accountId: PO, ...projectPage('PAY') });
      expect(pin.ok ? 'allow' : pin.error.code).toBe('INVALID_PAYLOAD');
      const plan = await call(resolver, 'planRankSync', { projectKey: 'PAY' }, { accountId: ADMIN, ...projectPage('PAY') });
      if (!plan.ok) throw new Error('plan failed');
      const before = await snapshot();
      const sup = await jiraRankOrder(preview.url, { jql: 'project = SUP ORDER BY Rank ASC' });
      const r = await call(resolver, 'applyRankSync', { projectKey: 'SUP', planId: plan.data.planId }, { accountId: ADMIN, ...projectPage('SUP') });
      expect(r.ok).toBe(false);
      expect(await snapshot()).toEqual(before);
      expect(await jiraRankOrder(preview.url, { jql: 'project = SUP ORDER BY Rank ASC' })).toEqual(sup);
    });
  });

  describe('injection', () => {
    function carried(): string[] {
      return recorded.flatMap((r) =>
        INJECTIONS.filter((s) => r.url.includes(s) || r.body.includes(s) || r.body.includes(JSON.stringify(s).slice(1, -1))).map(
          (s) => `${r.method} ${r.url}: ${s}`,
        ),
      );
    }

    it('project keys, issue keys, plan ids and field ids carrying JQL or paths are INVALID_PAYLOAD naming the field, and reach no Jira endpoint', async () => {
      // Background work left by earlier tests (recomputes after rank moves) must not count as this test's requests.
      await settleQueue(preview.url);
      await resetStats(preview.url);
      recorded.length = 0;
      const po = { accountId: PO, ...projectPage('PAY') };
      const admin = { accountId: ADMIN, ...adminPage };
      const cfg = await call(resolver, 'getConfig', {}, admin);
      if (!cfg.ok) throw new Error('getConfig failed');
      await resetStats(preview.url);
      recorded.length = 0;
      const problems: string[] = [];
      for (const s of INJECTIONS) {
        const attempts: [string, unknown, Ctx, string][] = [
          ['getBacklog', { projectKey: s }, { accountId: PO, moduleKey: 'valuerank-project-page', extension: {} }, 'projectKey'],
          ['getBacklog', { projectKey: 'PAY', filter: { epicKey: s } }, po, 'filter.epicKey'],
          ['getRoadmap', { projectKey: s }, { accountId: PO, moduleKey: 'valuerank-project-page', extension: {} }, 'projectKey'],
          ['previewWeights', { projectKey: s, weights: {} }, { accountId: PO, moduleKey: 'valuerank-project-page', extension: {} }, 'projectKey'],
          ['explainIssue', { issueKey: s }, { accountId: PO, moduleKey: 'valuerank-issue-panel', extension: {} }, 'issueKey'],
          ['explainIssue', { issueKey: `${s}-1` }, { accountId: PO, moduleKey: 'valuerank-issue-panel', extension: {} }, 'issueKey'],
          ['getConfig', { projectKey: s }, admin, 'projectKey'],
          ['getConfigHistory', { projectKey: s }, admin, 'projectKey'],
          ['revertConfig', { projectKey: s, toVersion: 1, expectedVersion: 1 }, admin, 'projectKey'],
          ['setPin', { projectKey: 'PAY', issueKey: s, position: 1 }, po, 'issueKey'],
          ['setPin', { projectKey: 'PAY', issueKey: 'PAY-1', quarter: s }, po, 'quarter'],
          ['planRankSync', { projectKey: s }, { accountId: PO, moduleKey: 'valuerank-project-page', extension: {} }, 'projectKey'],
          ['applyRankSync', { projectKey: 'PAY', planId: s }, po, 'planId'],
          [
            'saveConfig',
            { expectedVersion: cfg.data.version, config: { ...cfg.data.config, fields: { ...cfg.data.config.fields, storyPoints: s } } },
            admin,
            'config.fields.storyPoints',
          ],
          [
            'saveConfig',
            { expectedVersion: cfg.data.version, config: { ...cfg.data.config, fields: { ...cfg.data.config.fields, businessValue: `customfield_1${s}` } } },
            admin,
            'config.fields.businessValue',
          ],
          [
            'saveConfig',
            { expectedVersion: cfg.data.version, config: { ...cfg.data.config, customerVoice: { ...cfg.data.config.customerVoice, feedbackProjects: [s] } } },
            admin,
            'config.customerVoice.feedbackProjects',
          ],
        ];
        for (const [key, payload, ctx, field] of attempts) {
          const r = await call(resolver, key, payload, ctx);
          if (r.ok || r.error.code !== 'INVALID_PAYLOAD' || !r.error.message.includes(field))
            problems.push(`${key} ${field}=${JSON.stringify(s)} → ${r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`}`);
        }
      }
      expect(problems).toEqual([]);
      // Refused before any Jira call: the simulator saw nothing at all, and no request carried the strings.
      expect((await simStats(preview.url)).total).toBe(0);
      expect(carried()).toEqual([]);
    }, 60_000);

    it('labels carrying JQL are filtered in memory or refused, and never reach Jira', async () => {
      recorded.length = 0;
      const problems: string[] = [];
      for (const s of INJECTIONS) {
        const r = (await call(
          resolver,
          'getBacklog',
          { projectKey: 'PAY', filter: { labels: [s], types: [s], text: s } },
          { accountId: PO, ...projectPage('PAY') },
        )) as Answer;
        if (r.ok ? r.data.items.length !== 0 : r.error.code !== 'INVALID_PAYLOAD') problems.push(`${JSON.stringify(s)} → ${JSON.stringify(r).slice(0, 200)}`);
      }
      expect(problems).toEqual([]);
      expect(recorded.length).toBeGreaterThan(0);
      expect(carried()).toEqual([]);
    }, 60_000);

    it('tech-debt labels and link type names carrying JQL are used in memory only, never sent to Jira', async () => {
      const admin = { accountId: ADMIN, ...adminPage };
      const cfg = await call(resolver, 'getConfig', {}, admin);
      if (!cfg.ok) throw new Error('getConfig failed');
      const config = structuredClone(cfg.data.config);
      config.techDebt.labels = [...INJECTIONS.filter((s) => !s.includes('\n'))];
      config.enablement.linkTypes = ['Blocks', 'PAY" OR project = SUP'];
      const saved = await call(resolver, 'saveConfig', { expectedVersion: cfg.data.version, config }, admin);
      recorded.length = 0;
      if (saved.ok) {
        const r = await call(resolver, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, { accountId: PO, ...projectPage('PAY') });
        expect(r.ok ? null : r.error).toBeNull();
        if (r.ok) expect(r.data.items.every((i: { key: string }) => i.key.startsWith('PAY-'))).toBe(true);
        await call(resolver, 'revertConfig', { toVersion: cfg.data.version, expectedVersion: saved.data.version }, admin);
      } else {
        expect(saved.error.code).toBe('INVALID_PAYLOAD');
      }
      expect(carried()).toEqual([]);
    }, 60_000);

    it("a project override cannot set a candidate JQL, so it cannot widen PAY's backlog to another project", async () => {
      const settings = { accountId: PO, ...projectSettings('PAY') };
      const cfg = await call(resolver, 'getConfig', { projectKey: 'PAY' }, settings);
      if (!cfg.ok) throw new Error('getConfig failed');
      // A project admin of PAY (who is not an admin of SUP) closes the app's parenthesis in the JQL it wraps.
      const config = { ...structuredClone(cfg.data.config), candidateJql: 'statusCategory != Done) OR (project = SUP' };
      const saved = await call(resolver, 'saveConfig', { projectKey: 'PAY', expectedVersion: cfg.data.version, config }, settings);
      // Refused as malformed (the local bracket check) or, were it well formed, as a data source only the global config sets.
      expect(['INVALID_PAYLOAD', 'DATA_SOURCE_GLOBAL_ONLY']).toContain(saved.ok ? 'saved' : saved.error.code);
      const wellFormed = { ...structuredClone(cfg.data.config), candidateJql: 'project = SUP' };
      const refused = await call(resolver, 'saveConfig', { projectKey: 'PAY', expectedVersion: cfg.data.version, config: wellFormed }, settings);
      expect(refused.ok ? 'saved' : refused.error.code).toBe('DATA_SOURCE_GLOBAL_ONLY');
      const after = await call(resolver, 'getConfig', { projectKey: 'PAY' }, settings);
      expect(after.ok && after.data.config).toMatchObject({ candidateJql: cfg.data.config.candidateJql });
    }, 60_000);
  });

  describe('source check: asApp() only in background code', () => {
    const SRC = resolve(__dirname, '../../src');
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir).flatMap((name) => {
        const p = join(dir, name);
        return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') || p.endsWith('.tsx') ? [p] : [];
      });
    })(SRC);
    const code = (p: string): string =>
      readFileSync(p, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    const rel = (p: string): string => relative(SRC, p).split('\\').join('/');

    it('scans the real source tree', () => {
      expect(files.length).toBeGreaterThan(30);
      expect(files.map(rel)).toEqual(expect.arrayContaining(['adapters/jira/request.ts', 'events/on-recompute.ts', 'resolvers/operations.ts']));
    });

    it('asApp() appears only in background code: src/events/, the composition root that builds its session, and the adapters', () => {
      const offenders = files
        .filter((p) => /\basApp\s*\(/.test(code(p)))
        .map(rel)
        .filter((p) => !p.startsWith('events/') && !p.startsWith('adapters/') && p !== 'composition.ts');
      expect(offenders).toEqual([]);
      // And it does appear (in the adapter that wraps requestJira, and in the event handlers), so the scan is not vacuous.
      const users = files.filter((p) => /\basApp\s*\(/.test(code(p))).map(rel);
      expect(users).toContain('adapters/jira/request.ts');
      expect(users.filter((p) => p.startsWith('events/')).length).toBeGreaterThan(0);
    });

    it("only the composition root constructs a Jira reader or writer, for 'user' or 'app'; resolvers ask only for the user's session", () => {
      const constructions = files.flatMap((p) =>
        [...code(p).matchAll(/\b(?:new\s+ForgeJira(?:Reader|Writer)|jiraRequest)\s*\(\s*([^,)]+)/g)].map((m) => ({ file: rel(p), principal: m[1]!.trim() })),
      );
      expect(constructions.length).toBeGreaterThan(3);
      // Outside the adapters (where the principal is a parameter), readers and writers are made in one place.
      expect([...new Set(constructions.filter((c) => !c.file.startsWith('adapters/')).map((c) => c.file))]).toEqual(['composition.ts']);
      const composition = code(files.find((p) => rel(p) === 'composition.ts')!);
      expect(composition).toMatch(/asUser: \(\) => session\('user'/);
      expect(composition).toMatch(/asApp: \(\) => session\('app'/);
      // Resolvers reach Jira only as the user.
      const resolvers = files.filter((p) => rel(p).startsWith('resolvers/'));
      expect(resolvers.length).toBeGreaterThan(0);
      for (const p of resolvers) expect(code(p)).not.toMatch(/\basApp\b/);
    });
  });
});
