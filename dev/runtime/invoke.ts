/**
 * Invokes app handlers the way Forge does, inside an invocation scope (context.ts) so that `@forge/api` knows the
 * acting user and the time budget.
 *
 * - `invokeResolver`: a Custom UI `invoke()` reaching the `@forge/resolver` definitions handler
 *   (`resolver.getDefinitions()`), called as Forge calls it: `({ call: { functionKey, payload }, context }, backendRuntimePayload)`.
 *   The UI context is what the bridge sends; `accountId`, `installContext` and `license` come from the platform
 *   (the backend payload), which is why only those are tamper-proof.
 * - `invokeFunction`: a trigger, scheduled trigger or queue consumer, `handler(event, context)`, with no user:
 *   `asUser()` fails inside it, as on Forge.
 */
import { currentSite, installContextOf, runInvocation } from './context';

/** What `resolver.getDefinitions()` returns. */
export type ResolverHandler = (
  request: { call: { functionKey: string; payload?: unknown; jobId?: string }; context: Record<string, unknown> },
  backendRuntimePayload?: Record<string, unknown>,
) => Promise<unknown>;

/** A manifest `function` handler for triggers, scheduled triggers and consumers. */
export type FunctionHandler = (event: never, context: never) => unknown;

/** The request body of `POST /__forge/invoke`. */
export interface ResolverCall {
  functionKey: string;
  payload?: unknown;
  context: {
    accountId: string;
    moduleKey: string;
    /** Module-specific context, e.g. `{ type: 'jira:projectPage', project: { id, key, type } }`. */
    extension?: Record<string, unknown>;
    localId?: string;
  };
}

export interface InvokeOptions {
  /** Time budget in seconds; Forge gives a UI resolver call 25 s and a function 25 s unless the manifest's `timeoutSeconds` says more (≤ 900). */
  timeoutSeconds?: number;
}

export interface FunctionInvocation extends InvokeOptions {
  /** The manifest module key the platform would report (`getAppContext().moduleKey`). */
  moduleKey?: string;
}

/** Raised for what the platform itself would refuse or cut short; `code` is stable. */
export class InvocationFailure extends Error {
  constructor(
    readonly code: 'PAYLOAD_TOO_LARGE' | 'RESPONSE_TOO_LARGE' | 'FUNCTION_TIME_OUT',
    message: string,
  ) {
    super(message);
    this.name = 'InvocationFailure';
  }
}

/** 500 KB: the largest invoke payload; 5 MB: the largest resolver response (JSON bytes). */
export const MAX_PAYLOAD_BYTES = 500 * 1024;
export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
const DEFAULT_TIMEOUT_SECONDS = 25;

/** Calls the resolver `functionKey` as user `context.accountId`; resolves to its JSON-sanitised result. */
export async function invokeResolver(handler: ResolverHandler, call: ResolverCall, options: InvokeOptions = {}): Promise<unknown> {
  const payloadBytes = jsonBytes(call.payload ?? {});
  if (payloadBytes > MAX_PAYLOAD_BYTES) {
    throw new InvocationFailure('PAYLOAD_TOO_LARGE', `Invoke payload is ${payloadBytes} bytes; Forge allows ${MAX_PAYLOAD_BYTES}.`);
  }
  const site = currentSite();
  const { accountId, moduleKey, extension, localId } = call.context;
  const installContext = installContextOf(site);
  const uiContext: Record<string, unknown> = {
    accountId,
    cloudId: site.cloudId,
    siteUrl: site.siteUrl,
    moduleKey,
    localId: localId ?? `ari:cloud:ecosystem::extension/${site.appId}/${site.environmentId}/static/${moduleKey}`,
    extension: extension ?? {},
    environmentId: site.environmentId,
    environmentType: 'DEVELOPMENT',
    locale: 'en-US',
    timezone: 'UTC',
    installContext,
  };
  const backendRuntimePayload = { principal: { accountId }, installContext, license: { isActive: true } };
  const timeoutMs = (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
  const result = await runInvocation({ accountId, moduleKey, timeoutMs }, () =>
    withDeadline(handler({ call: { functionKey: call.functionKey, payload: call.payload ?? {} }, context: uiContext }, backendRuntimePayload), timeoutMs),
  );
  const responseBytes = result === undefined ? 0 : jsonBytes(result);
  if (responseBytes > MAX_RESPONSE_BYTES) {
    throw new InvocationFailure('RESPONSE_TOO_LARGE', `Resolver '${call.functionKey}' returned ${responseBytes} bytes; Forge allows ${MAX_RESPONSE_BYTES}.`);
  }
  return result;
}

/** Calls a trigger / scheduled trigger / consumer handler with `(event, context)` and no user (asApp only). */
export function invokeFunction(handler: FunctionHandler, event: unknown, invocation: FunctionInvocation = {}): Promise<unknown> {
  const site = currentSite();
  const moduleKey = invocation.moduleKey ?? 'function';
  const context = {
    installContext: installContextOf(site),
    license: { isActive: true },
    environmentId: site.environmentId,
    environmentType: 'DEVELOPMENT',
    moduleKey,
  };
  const timeoutMs = (invocation.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
  const call = handler as (event: unknown, context: unknown) => unknown;
  return runInvocation({ moduleKey, timeoutMs }, () =>
    withDeadline(
      Promise.resolve().then(() => call(event, context)),
      timeoutMs,
    ),
  );
}

/** Forge kills an invocation at its deadline; locally the caller stops waiting and gets FUNCTION_TIME_OUT. */
function withDeadline<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new InvocationFailure('FUNCTION_TIME_OUT', `The invocation exceeded its ${timeoutMs / 1000} s time budget.`)), timeoutMs);
    timer.unref();
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}
