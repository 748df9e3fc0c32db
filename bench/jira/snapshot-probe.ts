/**
 * What the Jira benchmarks read of the project snapshot in process, without a request the simulator counts: the
 * local Forge KVS's calls by endpoint (the preview's store is wrapped once, bench-only), the snapshot's stored
 * bytes, and opening a project until its snapshot is ready (polling `getBacklog` as the UI does) while the build
 * state's `runs` field (`snapbuild:<KEY>`, one more per consumer run) is watched.
 * Only one preview is open at a time, so "the store" is the one the open preview's runtime calls.
 */
import { KvsStore, type KvsReply } from '../../dev/runtime';
import { call, fmtN, invoke, progress, PROJECT, settle, sleep } from './harness';

const original = KvsStore.prototype.handle;
const calls = new Map<string, number>();
const gotKeys: string[] = [];
let live: KvsStore | undefined;
let installed = false;

/** Wraps the local KVS so every `@forge/kvs` request is counted by endpoint (idempotent). Call before startBench. */
export function instrumentKvs(): void {
  if (installed) return;
  installed = true;
  KvsStore.prototype.handle = function (this: KvsStore, path: string, body: unknown): Promise<KvsReply> {
    // The preview does not expose its store; the first request names it, so the bench can read what it holds.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    live = this;
    calls.set(path, (calls.get(path) ?? 0) + 1);
    if (path === '/api/v1/get') gotKeys.push(String((body as { key?: unknown } | null)?.key));
    return original.call(this, path, body);
  };
}

export function resetKvsCalls(): void {
  calls.clear();
  gotKeys.length = 0;
}

/** The keys single `get` requests read since the last reset, with the project key and generation shown generically. */
export function kvsGetKeys(): string[] {
  return gotKeys.map((k) => k.replace(/[0-9a-f]{12}/, '<gen>'));
}

/** KVS requests since the last reset, by endpoint (`/api/v1/batch/get` 2, …). */
export function kvsCalls(): Record<string, number> {
  return Object.fromEntries(calls);
}

/** Read requests among `kvsCalls()`: get, batch get and query. */
export function kvsReads(byPath: Record<string, number>): number {
  return Object.entries(byPath)
    .filter(([p]) => /\/(get|batch\/get|query|entity\/get|secret\/get)$/.test(p))
    .reduce((s, [, n]) => s + n, 0);
}

function store(): KvsStore {
  if (live === undefined) throw new Error('KVS not instrumented or not used yet (call instrumentKvs before startBench)');
  return live;
}

/** A stored value, read in process (not counted). */
export function peekKvs<T>(key: string): T | undefined {
  return store().peek(key) as T | undefined;
}

/** Every key under `prefix` with the byte size of its JSON value, through the store's own query (not counted). */
export async function storedBytes(prefix: string): Promise<{ keys: number; bytes: number; byKind: Record<string, { keys: number; bytes: number }> }> {
  const byKind: Record<string, { keys: number; bytes: number }> = {};
  let keys = 0;
  let bytes = 0;
  let after: string | undefined;
  for (let page = 0; page < 10_000; page++) {
    const reply = await original.call(store(), '/api/v1/query', {
      where: [{ property: 'key', condition: 'BEGINS_WITH', values: [prefix] }],
      limit: 100,
      ...(after === undefined ? {} : { after }),
    });
    const body = reply.body as { data: { key: string; value: unknown }[]; cursor?: string };
    for (const { key, value } of body.data) {
      const size = Buffer.byteLength(JSON.stringify(value));
      // snap:PAY:meta, snap:PAY:<gen>:r|e|g:<n> → meta, r (rows), e (evidence), g (edges).
      const kind = /:(r|e|g):\d+$/.exec(key)?.[1] ?? 'meta';
      const k = (byKind[kind] ??= { keys: 0, bytes: 0 });
      k.keys++;
      k.bytes += size;
      keys++;
      bytes += size;
    }
    if (body.cursor === undefined) break;
    after = body.cursor;
  }
  return { keys, bytes, byKind };
}

export interface BuildState {
  runs: number;
  phase: string;
  total: number;
  cursor: number;
}

export interface Opened {
  /** The first call's answer (as the UI saw it) and its wall time. */
  first: { status: string; building?: { done: number; total: number }; ms: number; bytes: number };
  /** From the first call until `getBacklog` answered `ready` and the queue was idle. */
  msToReady: number;
  msToIdle: number;
  polls: number;
  /** Highest `runs` seen in `snapbuild:<KEY>` (watched every 100 ms in process): the consumer runs the build took. */
  runs: number;
  /**
   * Polls answered `JIRA_UNAVAILABLE`: the simulator runs in the same process as the app, and while the build's
   * last run writes scores it spends seconds per write on a full state save (dev only), so a page call can run out
   * of its time. The page polls on (as the UI's backoff does).
   */
  pollErrors: number;
  /** Every `building` progress the polls saw, thinned to at most 6 for the notes. */
  progressSeen: string;
  failed: number;
}

/**
 * Opens PAY as the PO the way the project page does: `getBacklog` until it answers `ready` (every `pollMs`), then
 * waits for an idle queue (the build's last writes). Bounded by `timeoutMs`.
 */
export async function openUntilReady(
  url: string,
  opts: { suite: string; pollMs?: number; timeoutMs?: number; payload?: Record<string, unknown> },
): Promise<Opened> {
  const pollMs = opts.pollMs ?? 1000;
  const timeoutMs = opts.timeoutMs ?? 1_800_000;
  const payload = { projectKey: PROJECT, pageSize: 100, ...opts.payload };
  let runs = 0;
  const watch = setInterval(() => {
    const state = peekKvs<BuildState>(`snapbuild:${PROJECT}`);
    if (state !== undefined) runs = Math.max(runs, state.runs);
  }, 100);
  try {
    const t0 = performance.now();
    const firstCall = await call<{ status: string; building?: { done: number; total: number } }>(url, 'getBacklog', payload);
    const first = {
      status: firstCall.data.status,
      ...(firstCall.data.building ? { building: firstCall.data.building } : {}),
      ms: firstCall.ms,
      bytes: firstCall.bytes,
    };
    const seen: string[] = [];
    let polls = 0;
    let pollErrors = 0;
    let status = first.status;
    let lastLog = t0;
    while (status !== 'ready') {
      if (performance.now() - t0 > timeoutMs) throw new Error(`snapshot not ready within ${timeoutMs} ms`);
      await sleep(pollMs);
      const r = await invoke<{ status: string; building?: { done: number; total: number } }>(url, 'getBacklog', payload);
      polls++;
      if (!r.result.ok || r.result.data === undefined) {
        if (r.result.error?.code !== 'JIRA_UNAVAILABLE') throw new Error(`getBacklog failed: ${JSON.stringify(r.result.error)}`);
        pollErrors++;
        continue;
      }
      status = r.result.data.status;
      if (r.result.data.building) seen.push(`${fmtN(r.result.data.building.done)}/${fmtN(r.result.data.building.total)}`);
      if (performance.now() - lastLog > 30_000) {
        lastLog = performance.now();
        progress(opts.suite, `building ${seen[seen.length - 1] ?? ''} after ${((lastLog - t0) / 1000).toFixed(0)} s, runs ${runs}`);
      }
    }
    const msToReady = performance.now() - t0;
    const idle = await settle(url, timeoutMs);
    const step = Math.max(1, Math.ceil(seen.length / 6));
    return {
      first,
      msToReady,
      msToIdle: performance.now() - t0,
      polls,
      pollErrors,
      runs,
      progressSeen: seen.filter((_, i) => i % step === 0 || i === seen.length - 1).join(' → '),
      failed: idle.failed,
    };
  } finally {
    clearInterval(watch);
  }
}

interface MetaLike {
  gen: string;
  total: number;
  rowChunks: number;
  evChunks: number;
}

/** The snapshot's meta (`snap:<KEY>:meta`), read in process. */
export function snapshotMeta(): MetaLike {
  const meta = peekKvs<MetaLike>(`snap:${PROJECT}:meta`);
  if (meta === undefined) throw new Error('no snapshot of PAY');
  return meta;
}

/**
 * R: the distinct issues the evidence of `pageKeys` names (feedback tickets, blocked issues, caused bugs) that are
 * not candidates of the snapshot — the ids a page view checks with `permissions/check` (1,000 a call). Read in process.
 */
export function evidenceRefsOutside(pageKeys: readonly string[]): number {
  const meta = snapshotMeta();
  const candidates = new Set<string>();
  for (let n = 0; n < meta.rowChunks; n++) for (const row of peekKvs<unknown[][]>(`snap:${PROJECT}:${meta.gen}:r:${n}`) ?? []) candidates.add(String(row[1]));
  const wanted = new Set(pageKeys);
  const ids = new Set<string>();
  for (let n = 0; n < meta.evChunks; n++)
    for (const e of peekKvs<{ key: string; refs: Record<string, string> }[]>(`snap:${PROJECT}:${meta.gen}:e:${n}`) ?? [])
      if (wanted.has(e.key)) for (const [key, id] of Object.entries(e.refs)) if (!candidates.has(key)) ids.add(id);
  return ids.size;
}
