import type { ValueRankConfig, Weights } from '../../contract/config';
import { scoreBacklog, type ScoredBacklog } from '../../domain';
import type { ConfigStore } from '../config/config-store';
import type { PinStore } from '../pins/pin-store';
import type { JiraReader } from '../ports/jira';
import type { AppIdentity } from '../ports/app-identity';
import type { KeyValueStore } from '../ports/key-value-store';
import type { LoadCache } from './load-cache';
import { loadProject, REMOTE_LINK_BUDGET_UI, type LoadedProject } from './load-project';

/** What every use case needs besides a Jira principal. */
export interface AppDeps {
  kv: KeyValueStore;
  configs: ConfigStore;
  pins: PinStore;
  /** The scoring instant (the preview's `--now` freezes it). */
  clock: () => Date;
  /** Short-lived reuse of loaded projects per user (absent: always load). */
  loadCache?: LoadCache;
  /** Asks the background to finish reading a project's remote links (a UI call ran out of budget). */
  requestBackgroundLoad?: (projectKey: string) => Promise<void>;
  /** Asks the background to rebuild a project's "Value score" after its config changed (null: every enrolled project). */
  requestRebuild?: (projectKey: string | null) => Promise<void>;
  /** The app and environment this invocation runs as (read per call: Forge gives it per invocation). */
  appIdentity: () => AppIdentity;
}

export interface Ranking {
  projectKey: string;
  /** The scored, ranked candidates; items (with evidence) are built on demand, a page at a time. */
  backlog: ScoredBacklog;
  computedAt: string;
  configVersion: number;
  config: ValueRankConfig;
  loaded: LoadedProject;
}

/** Loads a project as `reader`'s principal and ranks it with the config in force (weights optionally overridden). */
/** Weights some of which may be left out (undefined = keep the configured one). */
export type WeightsOverride = { [K in keyof Weights]?: number | undefined };

export async function rankProject(
  deps: AppDeps,
  reader: JiraReader,
  projectKey: string,
  weightsOverride?: WeightsOverride,
  /**
   * `remoteLinkBudget`: remote-link reads allowed (UI calls: REMOTE_LINK_BUDGET_UI; background: unlimited).
   * `principal`: the caller's accountId; their complete load of the last 30 s is reused (paging, what-if sliders)
   * unless `reuse` is false (Refresh), and a new complete load is kept for them.
   */
  opts: { remoteLinkBudget?: number; principal?: string; reuse?: boolean } = {},
): Promise<Ranking> {
  const [{ scope, record, config: stored, globalVersion }, pins] = await Promise.all([deps.configs.effective(projectKey), deps.pins.all(projectKey)]);
  const config = weightsOverride === undefined ? stored : withWeights(stored, weightsOverride);
  const version = record?.version ?? 0;
  const { principal } = opts;
  // A project override's version 1 is not the global version 1: the scope is part of the config's identity; and an
  // override's data sources are the global config's, so the global version is too.
  const configId = scope === 'project' ? `project:${version}:global:${globalVersion}` : `global:${version}`;
  let loaded = principal !== undefined && opts.reuse !== false ? deps.loadCache?.get(principal, projectKey, configId) : undefined;
  if (loaded === undefined) {
    loaded = await loadProject({ reader, kv: deps.kv, config: stored, projectKey, remoteLinkBudget: opts.remoteLinkBudget ?? REMOTE_LINK_BUDGET_UI });
    // A load with evidence still pending is not kept: the next call should pick up what the background read.
    if (loaded.remoteLinksPending > 0) await deps.requestBackgroundLoad?.(projectKey);
    else if (principal !== undefined) deps.loadCache?.set(principal, projectKey, configId, loaded);
  }
  // Scoring a reused load again with the same weights and pins gives the same order: paging and the what-if
  // panel's "current" side reuse the ranking made from it (its computedAt says when). Other weights with the same
  // pins re-rank that ranking's factor values (withWeights) instead of scoring the issues again.
  const pinsKey = JSON.stringify([...pins].sort(([a], [b]) => (a < b ? -1 : 1)));
  const memoKey = JSON.stringify([config.weights, pinsKey]);
  const memo = rankings.get(loaded) ?? new Map<string, Ranked>();
  let ranked = memo.get(memoKey);
  if (ranked === undefined) {
    const base = [...memo.values()].find((r) => r.pinsKey === pinsKey);
    if (base !== undefined) {
      ranked = { backlog: base.backlog.withWeights(config.weights), computedAt: base.computedAt, pinsKey };
    } else {
      const now = deps.clock();
      const backlog = scoreBacklog({
        now,
        config,
        fields: loaded.fields,
        candidates: loaded.candidates,
        linked: loaded.linked,
        remoteLinks: loaded.remoteLinks,
        feedbackProjects: loaded.feedbackProjects,
        pins,
      });
      ranked = { backlog, computedAt: now.toISOString(), pinsKey };
    }
    memo.set(memoKey, ranked);
    while (memo.size > MAX_RANKINGS_PER_LOAD) memo.delete(memo.keys().next().value as string);
    rankings.set(loaded, memo);
  }
  return { projectKey, backlog: ranked.backlog, computedAt: ranked.computedAt, configVersion: version, config, loaded };
}

/** A ranking made from a load, with the pins it applied. */
interface Ranked {
  backlog: ScoredBacklog;
  computedAt: string;
  pinsKey: string;
}

/** Rankings made from a load, by weights and pins; they live as long as the load does. */
const rankings = new WeakMap<LoadedProject, Map<string, Ranked>>();
/** The current weights plus a few what-if variants. */
const MAX_RANKINGS_PER_LOAD = 4;

/** The config with some weights replaced; all-zero weights are refused by the caller's schema. */
export function withWeights(config: ValueRankConfig, override: WeightsOverride): ValueRankConfig {
  const weights = { ...config.weights };
  for (const [k, v] of Object.entries(override) as [keyof Weights, number | undefined][]) if (v !== undefined) weights[k] = v;
  return { ...config, weights };
}
