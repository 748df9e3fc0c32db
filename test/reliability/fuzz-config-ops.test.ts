/**
 * Fuzzing the config operations, contexts, valid-shaped payloads and an HTTP sample: the garbage tests of
 * fuzz-read-ops.test.ts for getConfig, saveConfig and revertConfig; then arbitrary contexts (tampered extensions,
 * unknown accounts) over every operation, valid-shaped payloads from the Product Owner (fewer runs: they load the
 * backlog), and a sample through POST /__forge/invoke.
 */
import fc from 'fast-check';
import { FACTOR_IDS } from '../../src/contract/model';
import { OPERATION_KEYS, type OperationKey } from '../../src/contract/operations';
import { invoke, useDemo } from '../integration/harness';
import { distinct, garbageTests, GARBAGE_RUNS, HUGE, judge, jsonBytes, nasty, objectWithDangerousKeys, show, validPayload, type Violation } from './fuzz-kit';
import { call, contractShapeProblem, issuePanel, nonFiniteNumbers, NOBODY, PO, projectPage, type Answer } from './helpers';

describe('fuzzing the config and admin operations, contexts and valid-shaped payloads', () => {
  const preview = useDemo();

  garbageTests(['getConfig', 'saveConfig', 'revertConfig'], () => preview.resolver);

  it('the judge itself is not lenient: it flags a wrong code, an unnamed field, a thrown-away error and INTERNAL', () => {
    expect(judge('getBacklog', { projectKey: 7 }, { ok: false, error: { code: 'FORBIDDEN', message: 'no' } }, false)).toMatch(/not INVALID_PAYLOAD/);
    expect(judge('getBacklog', { projectKey: 7 }, { ok: false, error: { code: 'INVALID_PAYLOAD', message: 'Invalid request' } }, false)).toMatch(
      /does not name projectKey/,
    );
    expect(judge('getBacklog', { projectKey: 'PAY' }, { ok: false, error: { code: 'INTERNAL', message: 'x' } }, false)).toMatch(/INTERNAL/);
    expect(judge('getBacklog', { projectKey: 'PAY' }, { ok: false, error: { code: 'OOPS', message: 'x' } }, false)).toMatch(/unknown error code/);
    expect(judge('getBacklog', { projectKey: 'PAY' }, { ok: true, data: {} }, false)).toMatch(/no access/);
    expect(judge('getBacklog', { projectKey: 'PAY' }, { ok: false, error: { code: 'FORBIDDEN', message: 'You do not have permission' } }, false)).toBeNull();
  });

  it('an arbitrary context (tampered extension, unknown or empty account) never breaks the contract', async () => {
    const violations: Violation[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...OPERATION_KEYS),
        // Blank-but-not-empty ids are covered by security.test.ts ("anonymous-like contexts").
        fc.constantFrom(NOBODY, '', 'no-such-account', '../../rest/api/3/myself', HUGE.slice(0, 5000)),
        fc.oneof(fc.anything({ maxDepth: 3 }), fc.record({ project: fc.record({ key: nasty }), issue: fc.record({ key: nasty }) })),
        async (key, accountId, extension) => {
          const payload = validPayload(key);
          const answer = await call(preview.resolver, key, payload, {
            accountId,
            moduleKey: 'valuerank-project-page',
            extension: extension as Record<string, unknown>,
          });
          const problem = judge(key, payload, answer, key === 'getConfig' && accountId !== '');
          if (problem !== null) violations.push({ key, payload: show({ accountId: accountId.slice(0, 40), extension }), answer: show(answer), problem });
        },
      ),
      { numRuns: GARBAGE_RUNS },
    );
    expect(distinct(violations)).toEqual([]);
  }, 60_000);

  it('valid-shaped payloads from the Product Owner give data or a contract error, with finite numbers only', async () => {
    const weights = fc.record(
      Object.fromEntries(FACTOR_IDS.map((id) => [id, fc.double({ min: 0, max: 100, noNaN: true })])) as Record<string, fc.Arbitrary<number>>,
      { requiredKeys: [] },
    );
    const issueKey = fc.integer({ min: 1, max: 400 }).map((n) => `PAY-${n}`);
    const arbs: Partial<Record<OperationKey, fc.Arbitrary<unknown>>> = {
      getBacklog: fc.record(
        {
          projectKey: fc.constant('PAY'),
          page: fc.integer({ min: 0, max: 5 }),
          pageSize: fc.integer({ min: 1, max: 500 }),
          filter: fc.record(
            {
              types: fc.array(fc.constantFrom('Story', 'Bug', 'Task', 'x'), { maxLength: 3 }),
              labels: fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
              debtOnly: fc.boolean(),
              feedbackOnly: fc.boolean(),
              gapsOnly: fc.boolean(),
              text: fc.string({ maxLength: 5 }),
              epicKey: issueKey,
            },
            { requiredKeys: [] },
          ),
          weightsOverride: weights,
        },
        { requiredKeys: ['projectKey'] },
      ),
      explainIssue: issueKey.map((k) => ({ issueKey: k })),
      getRoadmap: fc.record(
        { projectKey: fc.constant('PAY'), quarters: fc.integer({ min: 1, max: 8 }), capacityOverride: fc.double({ min: 0.001, max: 1_000_000, noNaN: true }) },
        { requiredKeys: ['projectKey'] },
      ),
      previewWeights: fc.record({ projectKey: fc.constant('PAY'), weights }),
      setPin: fc.record(
        {
          projectKey: fc.constant('PAY'),
          issueKey,
          position: fc.integer({ min: 1, max: 1_000_000 }),
          quarter: fc.constantFrom('2026-Q4', '2027-Q1', '1999-Q1', '9999-Q4'),
        },
        { requiredKeys: ['projectKey', 'issueKey'] },
      ),
      applyRankSync: fc.record({ projectKey: fc.constant('PAY'), planId: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/) }),
      getConfig: fc.constant({ projectKey: 'PAY' }),
      listFields: fc.constant({}),
      planSprint: fc.record(
        { projectKey: fc.constant('PAY'), capacity: fc.double({ min: 0.001, max: 100_000, noNaN: true }) },
        { requiredKeys: ['projectKey'] },
      ),
    };
    const violations: Violation[] = [];
    for (const [key, arb] of Object.entries(arbs) as [OperationKey, fc.Arbitrary<unknown>][]) {
      const expensive = key === 'getBacklog' || key === 'explainIssue' || key === 'getRoadmap' || key === 'previewWeights' || key === 'planSprint';
      await fc.assert(
        fc.asyncProperty(arb, async (payload) => {
          const ctx = key === 'explainIssue' ? issuePanel((payload as { issueKey: string }).issueKey) : projectPage('PAY');
          const answer = await call(preview.resolver, key, payload, { accountId: PO, ...ctx });
          const bad = nonFiniteNumbers(answer);
          const problem = judge(key, payload, answer, true) ?? (bad.length > 0 ? `non-finite numbers: ${bad.slice(0, 3).join(', ')}` : null);
          if (problem !== null) violations.push({ key, payload: show(payload), answer: show(answer), problem });
          const a = answer as Answer;
          if (key === 'getBacklog' && a.ok && a.data.items.length > ((payload as { pageSize?: number }).pageSize ?? 100)) {
            violations.push({ key, payload: show(payload), answer: 'too many items', problem: 'page larger than pageSize' });
          }
        }),
        { numRuns: expensive ? 8 : 40 },
      );
    }
    expect(distinct(violations)).toEqual([]);
  }, 60_000);

  it('a sample through HTTP (POST /__forge/invoke) answers in the same contract shape', async () => {
    const samples = fc.sample(fc.tuple(fc.constantFrom(...OPERATION_KEYS), fc.oneof(fc.anything({ maxDepth: 3 }), objectWithDangerousKeys)), {
      numRuns: 150,
      seed: 8,
    });
    for (const [key, payload] of samples) {
      if (jsonBytes(payload) > 450 * 1024) continue;
      const r = await invoke(preview.url, key, payload, { accountId: NOBODY });
      expect(contractShapeProblem(r)).toBeNull();
      expect(r.ok === false && r.error?.code === 'INTERNAL').toBe(false);
    }
  }, 60_000);
});
