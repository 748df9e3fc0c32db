import { ConfigStore } from './application/config/config-store';
import { PinStore } from './application/pins/pin-store';
import type { AppDeps } from './application/app-deps';
import { enrolledProjects } from './application/background/enrolment';
import type { JiraReader, JiraWriter } from './application/ports/jira';
import type { KeyValueStore } from './application/ports/key-value-store';
import { MAX_EVENTS_PER_PUSH, type RecomputeQueue } from './application/ports/recompute-queue';
import { forgeAppIdentity } from './adapters/forge/app-identity';
import { ForgeRecomputeQueue } from './adapters/forge/recompute-queue';
import { CONSUMER_BUDGET_MS, Deadline, UI_BUDGET_MS } from './adapters/jira/deadline';
import { ForgeJiraReader } from './adapters/jira/forge-jira-reader';
import { ForgeJiraWriter } from './adapters/jira/forge-jira-writer';
import { ForgeKvStore } from './adapters/storage/forge-kv-store';

/** Jira as one principal within one time budget: what a resolver call or a consumer run works with. */
export interface JiraSession {
  reader: JiraReader;
  writer: JiraWriter;
  /** Milliseconds left of the budget. */
  timeLeftMs: () => number;
}

/** Everything the entry points need, built over Forge. */
export interface Runtime {
  deps: AppDeps;
  queue: RecomputeQueue;
  /** Jira as the user (what they may see: everything shown to them) within a UI call's budget. */
  asUser(): JiraSession;
  /** Jira as the app (background work only: nothing returned to a user) within a consumer run's budget. */
  asApp(): JiraSession;
}

/**
 * The composition root: the app's dependencies over Forge (it may import any layer; nothing imports it but the
 * entry points, which import no adapter themselves). `VALUERANK_NOW` (an ISO date) freezes the scoring clock; it
 * exists for the local preview's `--now` and for tests, and is never set on Forge.
 */
export function createRuntime(): Runtime {
  const kv = new ForgeKvStore();
  const queue = new ForgeRecomputeQueue();
  // Read on every call: the preview's tests move a frozen clock forward day by day (Preview.setNow).
  const clock = (): Date => {
    const frozen = process.env.VALUERANK_NOW;
    return frozen !== undefined && frozen !== '' && !Number.isNaN(Date.parse(frozen)) ? new Date(frozen) : new Date();
  };
  const deps: AppDeps = {
    kv,
    configs: new ConfigStore(kv, clock),
    pins: new PinStore(kv),
    clock,
    appIdentity: forgeAppIdentity,
    requestBuild: (projectKey) => queue.push([{ projectKey, at: new Date().toISOString(), reason: 'build the snapshot' }]),
    requestRebuild: (projectKey) => requestRebuild(kv, queue, projectKey),
    requestPreview: (projectKey) => queue.push([{ projectKey, at: new Date().toISOString(), reason: 'preview a config', previewJob: true }]),
    requestRescore: (projectKey, issueId) => queue.push([{ projectKey, issueId, at: new Date().toISOString(), reason: 'stakeholder vote' }]),
  };
  const session = (principal: 'user' | 'app', budgetMs: number): JiraSession => {
    const deadline = new Deadline(budgetMs);
    return { reader: new ForgeJiraReader(principal, deadline), writer: new ForgeJiraWriter(principal, deadline), timeLeftMs: () => deadline.remaining() };
  };
  return { deps, queue, asUser: () => session('user', UI_BUDGET_MS), asApp: () => session('app', consumerBudgetMs(CONSUMER_BUDGET_MS)) };
}

/**
 * A project's own config rebuilds that project; the global one every enrolled project, in one push when they fit
 * it, else by the daily run's fan-out. Projects are listed at save time, so a save before any project was opened
 * (the preview's seed config) queues nothing.
 */
async function requestRebuild(kv: KeyValueStore, queue: RecomputeQueue, projectKey: string | null): Promise<void> {
  const at = new Date().toISOString();
  const projects = projectKey !== null ? [projectKey] : await enrolledProjects(kv);
  if (projects.length <= MAX_EVENTS_PER_PUSH) await queue.push(projects.map((p) => ({ projectKey: p, at, reason: 'config saved' })));
  else await queue.push([{ at, reason: 'global config saved', dailyAfter: '' }]);
}

/**
 * A queue consumer run's time budget: Forge's (870 s of the 900 s limit), or less when `VALUERANK_CONSUMER_BUDGET_MS`
 * says so — set only by the preview's tests and benchmarks, to see a build resume across runs.
 */
function consumerBudgetMs(forge: number): number {
  const set = Number(process.env.VALUERANK_CONSUMER_BUDGET_MS);
  return Number.isFinite(set) && set > 0 ? Math.min(set, forge) : forge;
}
