import { ConfigStore } from './application/config/config-store';
import { PinStore } from './application/pins/pin-store';
import type { AppDeps } from './application/app-deps';
import { forgeAppIdentity } from './adapters/forge/app-identity';
import { ForgeKvStore } from './adapters/storage/forge-kv-store';
import { enqueueRecompute, MAX_EVENTS_PER_PUSH } from './events/recompute-queue';
import { enrolledProjects } from './application/background/enrolment';
import type { KeyValueStore } from './application/ports/key-value-store';

/**
 * The composition root: the app's dependencies over Forge (it may import any layer; nothing imports it but
 * the entry points). `VALUERANK_NOW` (an ISO date) freezes the scoring
 * clock; it exists for the local preview's `--now` and for tests, and is never set on Forge.
 */
export function createDeps(): AppDeps {
  const kv = new ForgeKvStore();
  const frozen = process.env.VALUERANK_NOW;
  const at = frozen !== undefined && frozen !== '' && !Number.isNaN(Date.parse(frozen)) ? new Date(frozen) : null;
  const clock = (): Date => (at === null ? new Date() : new Date(at.getTime()));
  return {
    kv,
    configs: new ConfigStore(kv, clock),
    pins: new PinStore(kv),
    clock,
    appIdentity: forgeAppIdentity,
    requestBuild: (projectKey) => enqueueRecompute([{ projectKey, at: new Date().toISOString(), reason: 'build the snapshot' }]),
    requestRebuild: (projectKey) => requestRebuild(kv, projectKey),
  };
}

/**
 * A project's own config rebuilds that project; the global one every enrolled project, in one push when they fit
 * it, else by the daily run's fan-out. Projects are listed at save time, so a save before any project was opened
 * (the preview's seed config) queues nothing.
 */
async function requestRebuild(kv: KeyValueStore, projectKey: string | null): Promise<void> {
  const at = new Date().toISOString();
  const projects = projectKey !== null ? [projectKey] : await enrolledProjects(kv);
  if (projects.length <= MAX_EVENTS_PER_PUSH) await enqueueRecompute(projects.map((p) => ({ projectKey: p, at, reason: 'config saved' })));
  else await enqueueRecompute([{ at, reason: 'global config saved', dailyAfter: '' }]);
}

/**
 * A queue consumer run's time budget: Forge's (870 s of the 900 s limit), or less when `VALUERANK_CONSUMER_BUDGET_MS`
 * says so — set only by the preview's `--consumer-budget` and by tests, to see a build resume across runs.
 */
export function consumerBudgetMs(forge: number): number {
  const set = Number(process.env.VALUERANK_CONSUMER_BUDGET_MS);
  return Number.isFinite(set) && set > 0 ? Math.min(set, forge) : forge;
}
