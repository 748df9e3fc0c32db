import type { Weights } from '../contract/config';
import type { ConfigStore } from './config/config-store';
import type { PinStore } from './pins/pin-store';
import type { AppIdentity } from './ports/app-identity';
import type { KeyValueStore } from './ports/key-value-store';

/** What every use case needs besides a Jira principal (built by the composition root, src/composition.ts). */
export interface AppDeps {
  kv: KeyValueStore;
  configs: ConfigStore;
  pins: PinStore;
  /** The scoring instant (the preview's `--now` freezes it). */
  clock: () => Date;
  /** Asks the background to build (or go on building) a project's snapshot. */
  requestBuild?: (projectKey: string) => Promise<void>;
  /** Asks the background to rescore one issue of a project on its own (a vote changed). */
  requestRescore?: (projectKey: string, issueId: string) => Promise<void>;
  /** Asks the background to rebuild the snapshots a config change affects (null: every enrolled project). */
  requestRebuild?: (projectKey: string | null) => Promise<void>;
  /** The app and environment this invocation runs as (read per call: Forge gives it per invocation). */
  appIdentity: () => AppIdentity;
  /** Asks the background to run the project's queued config preview job (config/preview-job.ts). */
  requestPreview?: (projectKey: string) => Promise<void>;
}

/** Weights some of which may be left out (undefined = keep the snapshot's). */
export type WeightsOverride = { [K in keyof Weights]?: number | undefined };
