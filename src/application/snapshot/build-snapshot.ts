import { randomUUID } from 'node:crypto';
import type { ValueRankConfig } from '../../contract/config';
import type { SourceProblem } from '../../contract/model';
import { blocksEdges, linkRulesFor, snapshotOf, type JiraIssueLike } from '../../domain';
import { readDate, statusCategoryOf } from '../../domain/scoring/read-values';
import { candidateFieldList, discoverFields } from '../backlog/discover-fields';
import { candidateJql, isBacklogItem, MAX_CANDIDATES, REMOTE_LINK_CONCURRENCY, searchInRankOrder } from '../backlog/load-project';
import { checkCandidateScope } from '../backlog/candidate-scope';
import { RemoteLinkCache } from '../backlog/remote-link-cache';
import type { AppDeps } from '../app-deps';
import type { JiraReader } from '../ports/jira';
import type { KeyValueStore } from '../ports/key-value-store';
import { chunk, mapLimit } from '../shared/concurrency';
import { CHUNK_BYTES, chunkByBytes } from '../shared/chunk-by-bytes';
import { jsonBytes } from '../shared/json-bytes';
import { DONE_FIELDS, shipGoneRows } from '../shipped/ship-rows';
import { deleteGeneration, readMeta, readRows, saveSnapshot, SnapshotMissingError, type SnapshotMeta, type StoredSnapshotRow } from './snapshot-store';
import { searchBounds } from './visibility';
import { scoreCandidates, updatedOf } from './score-candidates';
import { VoteStore } from '../votes/vote-store';
import { recordBuild } from '../history/record-history';
import { buildStateKey, configDigest, createdKey, dirtyPrefix, dropBuild, idsKey, issuesKey, readBuildState, readList, type BuildState } from './build-state';
import { appCannotBrowseFeedback, appCannotBrowseProject, markUnreadableSources } from './sources';

/** Ids read per step (ten bulkfetch calls): progress is saved after each. */
const FETCH_STEP = 1000;
/** Remote-link reads per step. */
const LINK_STEP = 400;
/** Time kept back to score and store what was read (20,000 issues score in seconds; 100,000 in tens of them). */
export const SCORE_RESERVE_MS = 120_000;
/** Most dirty marks re-read before scoring; past it the build reads them all again on the next run anyway. */
const MAX_DIRTY = 5000;

export type BuildOutcome = { status: 'done'; meta: SnapshotMeta; written: number } | { status: 'continue'; state: BuildState };

/**
 * Builds (or goes on building) a project's snapshot as the app, within `timeLeftMs`. Returns 'continue' when the
 * time ran short: the caller queues another run, which resumes from the saved step. A build begun under another
 * config is dropped and begun again.
 */
export async function buildSnapshot(
  deps: AppDeps,
  reader: JiraReader,
  projectKey: string,
  timeLeftMs: () => number,
  writeScores: (meta: SnapshotMeta, scores: Map<string, number>) => Promise<number>,
): Promise<BuildOutcome> {
  const kv = deps.kv;
  const { config, record } = await deps.configs.effective(projectKey);
  const digest = configDigest(config);
  let state = await readBuildState(kv, projectKey);
  if (state !== undefined && state.configDigest !== digest) {
    await dropBuild(kv, projectKey, state);
    state = undefined;
  }
  // The project's kind (team- or company-managed) decides which estimate field it uses: read when the build
  // begins and kept with its state.
  const project = state?.simplified === undefined ? await reader.project(projectKey) : undefined;
  const simplified = state?.simplified ?? project?.simplified === true;
  const [siteFields, feedbackProjects] = await Promise.all([reader.fields(), resolveFeedbackProjects(reader, config)]);
  const fields = discoverFields(config, siteFields, { simplified });
  const metaBase = {
    computedAt: deps.clock().toISOString(),
    configVersion: record?.version ?? 0,
    configDigest: digest,
    weights: config.weights,
    fields,
    feedbackProjects: [...feedbackProjects],
    scoreField: null as string | null,
  };

  if (state === undefined) {
    // The app reads as its own user: a project closed to it gets an empty snapshot that says what to grant.
    if (project === null) {
      const { meta, previous } = await saveSnapshot(
        kv,
        projectKey,
        { rows: [], evidence: [], edges: [] },
        { ...metaBase, medianPoints: config.effort.defaultPoints, businessValueMax: 0, sources: [appCannotBrowseProject(projectKey)], truncated: false },
      );
      if (previous !== undefined) await deleteGeneration(kv, projectKey, previous);
      return { status: 'done', meta, written: 0 };
    }
    const jql = candidateJql(projectKey, config);
    if (config.candidateJql?.trim()) await checkCandidateScope(reader, projectKey, jql);
    const found = await searchInRankOrder(reader, kv, projectKey, jql, MAX_CANDIDATES + 1);
    const ids = found.slice(0, MAX_CANDIDATES).map((i) => i.id);
    const buildId = randomUUID().replace(/-/g, '').slice(0, 12);
    const idChunks = chunkByBytes(ids);
    await kv.setMany(idChunks.map((c, n) => ({ key: idsKey(projectKey, buildId, n), value: c })));
    state = {
      buildId,
      startedAt: new Date().toISOString(),
      configDigest: digest,
      phase: 'fetch',
      total: ids.length,
      idChunks: idChunks.length,
      cursor: 0,
      issueChunks: 0,
      steps: 0,
      readsLinks: config.customerVoice.remoteLinkPatterns.length > 0,
      simplified,
      truncated: found.length > MAX_CANDIDATES,
      updatedAt: new Date().toISOString(),
      runs: 0,
    };
  }
  state = { ...state, runs: state.runs + 1, updatedAt: new Date().toISOString() };
  await kv.set(buildStateKey(projectKey), state);
  const hasTime = (): boolean => timeLeftMs() > SCORE_RESERVE_MS;

  if (state.phase === 'fetch') {
    const ids = await readList<string>(kv, state.idChunks, (n) => idsKey(projectKey, state!.buildId, n));
    const prefix = `${projectKey}-`;
    while (state.cursor < ids.length && hasTime()) {
      const step = ids.slice(state.cursor, state.cursor + FETCH_STEP);
      const read = await reader.fetchIssues(step, candidateFieldList(fields));
      // Kept in Jira's order (the ids' order), whatever order bulkfetch answers in.
      const byId = new Map(read.map((i) => [i.id, i]));
      const kept = step
        .map((id) => byId.get(id))
        .filter((i): i is JiraIssueLike => i !== undefined && i.key.startsWith(prefix) && isBacklogItem(i))
        .map(fitIssue);
      const chunks = chunkByBytes(kept);
      // Every match's creation time, epics and sub-tasks too: page views split their searches by these.
      const created = read.map((i) => createdMs(i)).filter((ms): ms is number => ms !== null);
      const steps: number = state.steps ?? 0;
      await kv.setMany([
        ...chunks.map((c, n) => ({ key: issuesKey(projectKey, state!.buildId, state!.issueChunks + n), value: c })),
        { key: createdKey(projectKey, state.buildId, steps), value: created },
      ]);
      state = {
        ...state,
        cursor: state.cursor + step.length,
        issueChunks: state.issueChunks + chunks.length,
        steps: steps + 1,
        updatedAt: new Date().toISOString(),
      };
      await kv.set(buildStateKey(projectKey), state);
    }
    if (state.cursor < ids.length) return { status: 'continue', state };
    state = { ...state, phase: config.customerVoice.remoteLinkPatterns.length > 0 ? 'links' : 'score', cursor: 0 };
    await kv.set(buildStateKey(projectKey), state);
  }

  let candidates = await readList<JiraIssueLike>(kv, state.issueChunks, (n) => issuesKey(projectKey, state!.buildId, n));
  if (state.phase === 'links') {
    const cache = await RemoteLinkCache.open(kv, projectKey);
    while (state.cursor < candidates.length && hasTime()) {
      const step = candidates.slice(state.cursor, state.cursor + LINK_STEP).filter((c) => cache.get(c.id, updatedOf(c)) === undefined);
      const loaded = await mapLimit(step, REMOTE_LINK_CONCURRENCY, async (c) => ({ issue: c, links: await reader.remoteLinks(c.id) }));
      for (const { issue, links } of loaded) cache.put(issue.id, updatedOf(issue), links);
      await cache.save();
      state = { ...state, cursor: Math.min(candidates.length, state.cursor + LINK_STEP), updatedAt: new Date().toISOString() };
      await kv.set(buildStateKey(projectKey), state);
    }
    if (state.cursor < candidates.length) return { status: 'continue', state };
    state = { ...state, phase: 'score', cursor: 0 };
    await kv.set(buildStateKey(projectKey), state);
  }

  // Issues edited while the build read the others are read again, so the snapshot does not start out of date.
  const dirty = await kv.listByPrefix<unknown>(dirtyPrefix(projectKey), MAX_DIRTY);
  if (dirty.length > 0)
    candidates = await rereadDirty(
      reader,
      projectKey,
      candidates,
      dirty.map((d) => d.key.slice(dirtyPrefix(projectKey).length)),
      fields,
    );

  const votes = await new VoteStore(kv).ofProject(projectKey);
  const [backlog, problems] = await Promise.all([
    scoreCandidates(deps, reader, { projectKey, config, fields, candidates, feedbackProjects, votes, keepRemoteLinks: true }),
    feedbackProblems(reader, config),
  ]);
  const snap = snapshotOf(backlog);
  const rows = problems.length > 0 ? markUnreadableSources(snap.rows) : snap.rows;
  const earlier = await readMeta(kv, projectKey);
  const created = await readList<number>(kv, state.steps ?? 0, (n) => createdKey(projectKey, state!.buildId, n));
  const edges = blocksEdges(candidates, linkRulesFor(config, feedbackProjects));
  const { meta, previous } = await saveSnapshot(
    kv,
    projectKey,
    { rows, evidence: snap.evidence, edges },
    {
      ...metaBase,
      scoreField: earlier?.scoreField ?? null,
      medianPoints: backlog.medianPoints,
      businessValueMax: backlog.businessValueMax,
      sources: problems,
      truncated: state.truncated,
      rangeBounds: searchBounds(created),
    },
  );
  // The build is over once its snapshot is saved: pages stop saying "refreshing" while history and the field are written.
  await dropBuild(kv, projectKey, state);
  // Before the old generation goes: a config change keeps a point of the ranking it changed.
  const gone = previous === undefined ? [] : await goneRows(kv, projectKey, previous, rows);
  // One read of the issues that left, as the app: why they left (history) and which were finished (shipped log).
  const goneIssues = new Map(
    (gone.length === 0
      ? []
      : await reader.fetchIssues(
          gone.map((r) => r.id),
          GONE_FIELDS,
        )
    ).map((i) => [i.id, i]),
  );
  await recordBuild(deps, projectKey, meta, { rows, edges }, previous, gone, goneIssues);
  if (previous !== undefined) {
    await shipGoneRows(deps, projectKey, previous, gone, goneIssues);
    await deleteGeneration(kv, projectKey, previous);
  }
  for (const d of dirty) await kv.delete(d.key);
  const scores = new Map<string, number>();
  for (let pos = 0; pos < backlog.length; pos++) scores.set(backlog.idAt(pos), Math.round(backlog.scoreAt(pos) * 10) / 10);
  const written = await writeScores(meta, scores);
  return { status: 'done', meta: (await readMeta(kv, projectKey)) ?? meta, written };
}

/** What is read of an issue that left the candidates: whether it is done and when, and what it is now. */
const GONE_FIELDS = [...DONE_FIELDS, 'issuetype'];

/** Rows of the `previous` snapshot that the new `rows` no longer hold (none when its values are already gone). */
async function goneRows(kv: KeyValueStore, projectKey: string, previous: SnapshotMeta, rows: readonly { id: string }[]): Promise<StoredSnapshotRow[]> {
  const kept = new Set(rows.map((r) => r.id));
  try {
    return (await readRows(kv, projectKey, previous)).filter((r) => !kept.has(r.id));
  } catch (e) {
    if (e instanceof SnapshotMissingError) return [];
    throw e;
  }
}

async function rereadDirty(
  reader: JiraReader,
  projectKey: string,
  candidates: JiraIssueLike[],
  ids: string[],
  fields: ReturnType<typeof discoverFields>,
): Promise<JiraIssueLike[]> {
  const fresh = new Map((await reader.fetchIssues(ids, candidateFieldList(fields))).map((i) => [i.id, i]));
  const prefix = `${projectKey}-`;
  const out: JiraIssueLike[] = [];
  for (const c of candidates) {
    if (!ids.includes(c.id)) out.push(c);
    else {
      const f = fresh.get(c.id);
      if (f !== undefined && f.key.startsWith(prefix) && isBacklogItem(f) && statusCategoryOf(f.fields) !== 'done') out.push(f);
    }
  }
  return out;
}

/** An issue cut to fit one stored value: only a hub with thousands of links can outgrow it; its last links go. */
function fitIssue(issue: JiraIssueLike): JiraIssueLike {
  const links = issue.fields.issuelinks;
  if (!Array.isArray(links) || jsonBytes(issue) + 2 <= CHUNK_BYTES) return issue;
  let kept = links;
  let cut = issue;
  while (kept.length > 0 && jsonBytes(cut) + 2 > CHUNK_BYTES) {
    kept = kept.slice(0, Math.floor(kept.length / 2));
    cut = { ...issue, fields: { ...issue.fields, issuelinks: kept } };
  }
  return cut;
}

export async function resolveFeedbackProjects(reader: JiraReader, config: ValueRankConfig): Promise<Set<string>> {
  if (config.customerVoice.feedbackProjects !== null) return new Set(config.customerVoice.feedbackProjects);
  return new Set((await reader.projectsOfType('service_desk')).map((p) => p.key));
}

/** Configured feedback projects the app's user cannot browse (their tickets are left out of every score). */
async function feedbackProblems(reader: JiraReader, config: ValueRankConfig): Promise<SourceProblem[]> {
  const listed = config.customerVoice.feedbackProjects ?? [];
  const seen = await Promise.all(chunk(listed, 1).map(async ([key]) => ({ key: key!, ok: (await reader.project(key!)) !== null })));
  return seen.filter((s) => !s.ok).map((s) => appCannotBrowseFeedback(s.key));
}

function createdMs(issue: JiraIssueLike): number | null {
  const ms = readDate(issue.fields.created);
  return typeof ms === 'number' ? ms : null;
}
