import { generateScaleSite } from '../../dev/demo/generate-site';
import { invoke, PERSONAS, projectPage, settleQueue, startDemo } from './harness';

const FIVE_MB = 5 * 1024 * 1024;

/**
 * previewConfig on a 20,000-issue project answers every candidate within Forge's 5 MB, both when the snapshot shows
 * the change (a preset) and when a background job scores it (a half-life), and the job finishes within one consumer
 * run. How long the answers take is printed, not asserted: speed belongs to the benchmarks.
 */
describe('previewConfig on a 20,000-issue project', () => {
  it('answers every candidate within 5 MB, from the snapshot and from the background job', async () => {
    const preview = await startDemo({ seed: generateScaleSite({ issues: 20_000, seed: 3 }) });
    try {
      const admin = { accountId: PERSONAS.admin.accountId, moduleKey: 'valuerank-admin-page', extension: {} };
      const opened = await invoke(
        preview.url,
        'getBacklog',
        { projectKey: 'PAY', pageSize: 1 },
        { accountId: PERSONAS.productOwner.accountId, ...projectPage('PAY') },
      );
      // As in the README's 20,000-issue rows: about half of the issues are candidates (the rest done, epics, sub-tasks).
      expect(opened.data.total).toBeGreaterThan(9_000);
      await settleQueue(preview.url, 600_000);
      const config = (await invoke(preview.url, 'getConfig', {}, admin)).data.config;

      const timed = async (cfg: unknown) => {
        const started = Date.now();
        const raw = await fetch(`${preview.url}/__forge/invoke`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ functionKey: 'previewConfig', payload: { previewOn: 'PAY', config: cfg }, context: admin }),
        });
        const text = await raw.text();
        return { ms: Date.now() - started, bytes: Buffer.byteLength(text), answer: JSON.parse(text) };
      };

      const preset = { ...config, weights: { ...config.weights, customerVoice: 0, techDebt: 0, businessValue: 30, timeCriticality: 30, enablement: 30 } };
      preset.effort = { ...config.effort, exponent: 1 };
      const fromSnapshot = await timed(preset);
      expect(fromSnapshot.answer.ok).toBe(true);
      expect(fromSnapshot.answer.data.moves.length).toBe(opened.data.total);
      expect(fromSnapshot.answer.data.job).toBeUndefined();
      expect(fromSnapshot.bytes).toBeLessThan(FIVE_MB);

      const halfLife = { ...config, customerVoice: { ...config.customerVoice, halfLifeDays: 7 } };
      const queued = await timed(halfLife);
      expect(queued.answer.data.job).toEqual({ status: 'running' });
      await settleQueue(preview.url, 600_000);
      const fromJob = await timed(halfLife);
      expect(fromJob.answer.data.job).toEqual({ status: 'done' });
      expect(fromJob.answer.data.moved).toBeGreaterThan(0);
      expect(fromJob.bytes).toBeLessThan(FIVE_MB);
      console.log(`previewConfig at 20,000 issues: snapshot ${fromSnapshot.ms} ms / ${fromSnapshot.bytes} B; job answer ${fromJob.ms} ms / ${fromJob.bytes} B`);
    } finally {
      await preview.close();
    }
  }, 900_000);
});
