import type { ValueRankConfig } from '../../contract/config';
import { FACTOR_IDS } from '../../contract/model';
import type { JiraIssueLike } from '../../domain';
import type { AppDeps } from '../app-deps';
import { candidateFieldList, discoverFields } from '../backlog/discover-fields';
import { candidateJql, isBacklogItem, searchInRankOrder } from '../backlog/load-project';
import { checkCandidateScope } from '../backlog/candidate-scope';
import { AppError } from '../errors';
import type { JiraReader } from '../ports/jira';
import type { KeyValueStore } from '../ports/key-value-store';
import { chunkByBytes } from '../shared/chunk-by-bytes';
import { resolveFeedbackProjects } from '../snapshot/build-snapshot';
import { scoreCandidates } from '../snapshot/score-candidates';
import { configDigest } from '../snapshot/build-state';

/**
 * A preview job (docs/config-preview.md): when a proposed config changes factor values through facts the snapshot
 * does not keep (field mapping, feedback sources, half-lives, tier weights…), the queue consumer scores the
 * project with it as the app, the way a build does, and keeps only each candidate's factor values and divisor.
 * The settings page polls `previewConfig`, which ranks those values among what the user can see. Nothing is saved
 * to the snapshot, the "Value score" field or the remote-link cache. One job per project: a newer config replaces it.
 *
 * Storage (docs/storage.md): `cfgpreview:<KEY>` → PreviewJob; `cfgpreview:<KEY>:<digest>:r:<n>` → JobRow[].
 */
export interface PreviewJob {
  /** configDigest of the config scored. */
  digest: string;
  status: 'queued' | 'done' | 'failed';
  requestedAt: string;
  doneAt?: string;
  /** Why it failed, for a person. */
  message?: string;
  rowChunks: number;
  config: ValueRankConfig;
}

/** [key, factor values in FACTOR_IDS order, effort divisor, is debt]. */
type JobRow = [string, number[], number, 0 | 1];

export interface PreviewedRow {
  values: number[];
  divisor: number;
  isDebt: boolean;
}

const jobKey = (p: string): string => `cfgpreview:${p}`;
const rowsKey = (p: string, digest: string, n: number): string => `cfgpreview:${p}:${digest}:r:${n}`;

/** A finished job is reused this long (the project's issues change; a preview should not be older). */
export const JOB_FRESH_MS = 10 * 60_000;
/** A queued job not finished after this lost its event (or its run): it is queued again. */
export const JOB_STALLED_MS = 5 * 60_000;
/** Most candidates a preview job scores: the read and the scoring fit one consumer run with room to spare. */
export const MAX_PREVIEW_CANDIDATES = 25_000;

export async function readPreviewJob(kv: KeyValueStore, projectKey: string): Promise<PreviewJob | undefined> {
  return kv.get<PreviewJob>(jobKey(projectKey));
}

/**
 * The job for `config` on the project: the current one when it scores this config and is fresh (or still
 * running), else a new one, queued. A job for another config is replaced (its rows deleted).
 */
export async function requestPreviewJob(deps: AppDeps, projectKey: string, config: ValueRankConfig): Promise<PreviewJob> {
  const digest = configDigest(config);
  const now = Date.now();
  const current = await readPreviewJob(deps.kv, projectKey);
  if (current !== undefined && current.digest === digest) {
    const age = now - Date.parse(current.doneAt ?? current.requestedAt);
    if (current.status === 'done' && age < JOB_FRESH_MS) return current;
    if (current.status === 'queued' && age < JOB_STALLED_MS) return current;
  }
  if (current !== undefined) await deleteRows(deps.kv, projectKey, current);
  const job: PreviewJob = { digest, status: 'queued', requestedAt: new Date(now).toISOString(), rowChunks: 0, config };
  await deps.kv.set(jobKey(projectKey), job);
  await deps.requestPreview?.(projectKey);
  return job;
}

/** A finished job's values by issue key. */
export async function readPreviewRows(kv: KeyValueStore, projectKey: string, job: PreviewJob): Promise<Map<string, PreviewedRow>> {
  const keys = Array.from({ length: job.rowChunks }, (_, n) => rowsKey(projectKey, job.digest, n));
  const found = await kv.getMany<JobRow[]>(keys);
  const out = new Map<string, PreviewedRow>();
  for (const k of keys) {
    const chunk = found.get(k);
    if (chunk === undefined) throw new AppError('BUSY', 'The preview was just replaced by a newer one. Preview again.');
    for (const [key, values, divisor, debt] of chunk) out.set(key, { values, divisor, isDebt: debt === 1 });
  }
  return out;
}

/** Runs the project's queued preview job as the app (queue consumer). A job replaced meanwhile is dropped. */
export async function runPreviewJob(deps: AppDeps, reader: JiraReader, projectKey: string): Promise<void> {
  const job = await readPreviewJob(deps.kv, projectKey);
  if (job === undefined || job.status !== 'queued') return;
  let finished: PreviewJob;
  try {
    const rows = await scoreWith(deps, reader, projectKey, job.config);
    const chunks = chunkByBytes(rows);
    await deps.kv.setMany(chunks.map((c, n) => ({ key: rowsKey(projectKey, job.digest, n), value: c })));
    finished = { ...job, status: 'done', doneAt: new Date().toISOString(), rowChunks: chunks.length };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    finished = { ...job, status: 'failed', doneAt: new Date().toISOString(), message: e.message };
  }
  const now = await readPreviewJob(deps.kv, projectKey);
  if (now?.digest === job.digest && now.requestedAt === job.requestedAt) await deps.kv.set(jobKey(projectKey), finished);
  else await deleteRows(deps.kv, projectKey, finished);
}

/** The project's candidates scored with `config`, read as a build reads them (remote links from the cache when current). */
async function scoreWith(deps: AppDeps, reader: JiraReader, projectKey: string, config: ValueRankConfig): Promise<JobRow[]> {
  const [siteFields, feedbackProjects, project] = await Promise.all([reader.fields(), resolveFeedbackProjects(reader, config), reader.project(projectKey)]);
  const fields = discoverFields(config, siteFields, { simplified: project?.simplified === true });
  const jql = candidateJql(projectKey, config);
  if (config.candidateJql?.trim()) await checkCandidateScope(reader, projectKey, jql);
  const found = await searchInRankOrder(reader, deps.kv, projectKey, jql, MAX_PREVIEW_CANDIDATES + 1);
  if (found.length > MAX_PREVIEW_CANDIDATES)
    throw new AppError(
      'INVALID_PAYLOAD',
      `${projectKey} has more than ${MAX_PREVIEW_CANDIDATES.toLocaleString('en')} candidates: these settings can only be previewed on a smaller project. Save them to see their effect.`,
    );
  const read = await reader.fetchIssues(
    found.map((i) => i.id),
    candidateFieldList(fields),
  );
  const byId = new Map(read.map((i) => [i.id, i]));
  const prefix = `${projectKey}-`;
  const candidates = found.map((f) => byId.get(f.id)).filter((i): i is JiraIssueLike => i !== undefined && i.key.startsWith(prefix) && isBacklogItem(i));
  const backlog = await scoreCandidates(deps, reader, { projectKey, config, fields, candidates, feedbackProjects, keepRemoteLinks: false });
  const rows: JobRow[] = [];
  for (let pos = 0; pos < backlog.length; pos++) {
    const item = backlog.item(pos);
    rows.push([item.key, FACTOR_IDS.map((id) => item.factors[id].value), item.effort.divisor, item.isDebt ? 1 : 0]);
  }
  return rows;
}

async function deleteRows(kv: KeyValueStore, projectKey: string, job: PreviewJob): Promise<void> {
  for (let n = 0; n < job.rowChunks; n++) await kv.delete(rowsKey(projectKey, job.digest, n));
}
