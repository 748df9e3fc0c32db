/**
 * A scripted Jira behind the real `@forge/api` over the local runtime: each request takes the next scripted answer
 * (200 `{ok:true}` once the script is spent) and is recorded, so adapter tests drive the app's requests exactly.
 */
import { AppError } from '../../../src/application/errors';
import { runInvocation } from '../../../dev/runtime/context';
import { installForgeRuntime, type InstalledForgeRuntime } from '../../../dev/runtime/install';
import { KvsStore } from '../../../dev/runtime/kvs-store';
import { LocalQueue } from '../../../dev/runtime/queue';

export type ScriptedAnswer = { status: number; headers?: Record<string, string>; body?: unknown };

export interface ScriptedJira {
  /** Answers still to give, in order. */
  script: ScriptedAnswer[];
  /** The requests made so far: method, path and JSON body. */
  readonly requests: { method: string; path: string; body: unknown }[];
}

/** Installs the runtime for the file's tests (beforeAll/afterAll) and clears the script and record before each. */
export function useScriptedJira(): ScriptedJira {
  const jira: ScriptedJira = { script: [], requests: [] };
  let runtime: InstalledForgeRuntime;
  const scriptedFetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const text = typeof init?.body === 'string' ? init.body : '';
    jira.requests.push({ method: init?.method ?? 'GET', path: url.pathname + url.search, body: text === '' ? null : JSON.parse(text) });
    const next = jira.script.shift() ?? { status: 200, body: { ok: true } };
    return new Response(next.body === undefined ? null : JSON.stringify(next.body), { status: next.status, headers: next.headers ?? {} });
  };
  beforeAll(() => {
    runtime = installForgeRuntime({ jiraBaseUrl: 'http://jira.invalid', store: new KvsStore(), queue: new LocalQueue(), fetch: scriptedFetch });
  });
  afterAll(() => runtime.uninstall());
  beforeEach(() => {
    jira.script = [];
    jira.requests.length = 0;
  });
  return jira;
}

/** Runs `fn` inside a user's resolver invocation, as `api.asUser()` requires. */
export const asUser = <T>(fn: () => Promise<T>): Promise<T> => runInvocation({ accountId: 'user-1', moduleKey: 'm', timeoutMs: 25_000 }, fn);

/** The AppError a call fails with; fails the test when it succeeds or throws something else. */
export async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}
