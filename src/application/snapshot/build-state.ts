import { createHash } from 'node:crypto';
import type { ValueRankConfig } from '../../contract/config';
import type { KeyValueStore } from '../ports/key-value-store';

/**
 * A snapshot build in progress (`snapbuild:<KEY>`): a build that does not fit one consumer run (100,000 issues,
 * one remote-link read each) saves its place after every step and the next run goes on from there, also after a
 * restart. Its lists live under `snapbuild:<KEY>:<buildId>:i:<n>` (candidate ids in Jira's order) and
 * `…:c:<n>` (the candidates read so far); `snapbuild:<KEY>:dirty:<issueId>` marks an issue edited meanwhile, read
 * again before scoring.
 */
export interface BuildState {
  buildId: string;
  /** Wall clock when the build started: an edit after it is marked dirty. */
  startedAt: string;
  configDigest: string;
  phase: 'fetch' | 'links' | 'score';
  /** Candidate ids listed. */
  total: number;
  idChunks: number;
  /** Ids read so far (fetch), or candidates whose remote links were read (links). */
  cursor: number;
  issueChunks: number;
  /** Steps read so far: each stored the creation times of every issue the candidate JQL matched (`…:t:<n>`). */
  steps?: number;
  /** Whether remote links are read after the issues (progress counts both halves). */
  readsLinks?: boolean;
  /** The project is team-managed (Jira's `Project.simplified`): its estimates are in "Story point estimate". */
  simplified?: boolean;
  truncated: boolean;
  /** Wall clock of the last saved step: a build that stopped moving (a lost event) is picked up again. */
  updatedAt: string;
  /** Consumer runs so far. */
  runs: number;
}

export const buildStateKey = (p: string): string => `snapbuild:${p}`;
export const idsKey = (p: string, b: string, n: number): string => `snapbuild:${p}:${b}:i:${n}`;
export const issuesKey = (p: string, b: string, n: number): string => `snapbuild:${p}:${b}:c:${n}`;
export const createdKey = (p: string, b: string, n: number): string => `snapbuild:${p}:${b}:t:${n}`;
export const dirtyPrefix = (p: string): string => `snapbuild:${p}:dirty:`;

export function configDigest(config: ValueRankConfig): string {
  return createHash('sha256').update(JSON.stringify(config)).digest('base64url');
}

export async function readBuildState(kv: KeyValueStore, projectKey: string): Promise<BuildState | undefined> {
  return kv.get<BuildState>(buildStateKey(projectKey));
}

/** Forgets a build in progress and the lists it saved. */
export async function dropBuild(kv: KeyValueStore, projectKey: string, state: BuildState): Promise<void> {
  // The state first: from here on pages say the snapshot is current; the lists left are only garbage if this stops.
  await kv.delete(buildStateKey(projectKey));
  for (let n = 0; n < state.idChunks; n++) await kv.delete(idsKey(projectKey, state.buildId, n));
  for (let n = 0; n < state.issueChunks; n++) await kv.delete(issuesKey(projectKey, state.buildId, n));
  for (let n = 0; n < (state.steps ?? 0); n++) await kv.delete(createdKey(projectKey, state.buildId, n));
}

/** The values of `chunks` stored lists, concatenated. */
export async function readList<T>(kv: KeyValueStore, chunks: number, keyOf: (n: number) => string): Promise<T[]> {
  const keys = Array.from({ length: chunks }, (_, n) => keyOf(n));
  const found = await kv.getMany<T[]>(keys);
  return keys.flatMap((k) => found.get(k) ?? []);
}
