import type { z } from 'zod';
import { AppError } from '../application/errors';
import { payloadSchemas, type OperationError, type OperationKey, type Payload, type Result, type ResultMap } from '../contract/operations';
import { RankSyncInputError, RoadmapInputError } from '../domain';

/** What a resolver receives from Forge: only `accountId` (and license/installContext) are tamper-proof. */
export interface CallContext {
  accountId: string;
  /** The installation (site) the call comes from; tamper-proof like accountId. */
  installContext: string;
  moduleKey: string;
  /** The project of the module's page, when it has one (project page, project settings, issue panel). */
  projectKey: string | null;
  /** The issue of the issue panel. */
  issueKey: string | null;
}

export type OperationHandler<K extends OperationKey> = (payload: Payload<K>, ctx: CallContext) => Promise<ResultMap[K]>;

interface ForgeRequest {
  payload?: unknown;
  context?: { accountId?: unknown; moduleKey?: unknown; extension?: unknown; installContext?: unknown };
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

function contextOf(req: ForgeRequest): CallContext | null {
  const c = req.context ?? {};
  const accountId = str(c.accountId);
  if (accountId === null) return null;
  const ext = (typeof c.extension === 'object' && c.extension !== null ? c.extension : {}) as { project?: { key?: unknown }; issue?: { key?: unknown } };
  return {
    accountId,
    installContext: str(c.installContext) ?? '',
    moduleKey: str(c.moduleKey) ?? '',
    projectKey: str(ext.project?.key),
    issueKey: str(ext.issue?.key),
  };
}

/** `projectKey: must be a Jira project key such as PRJ` — the first problem, naming the field. */
function describe(error: z.ZodError): { message: string; details: { path: string; message: string }[] } {
  const details = error.issues.slice(0, 10).map((i) => ({ path: i.path.map(String).join('.') || '(payload)', message: i.message }));
  return { message: details.map((d) => `${d.path}: ${d.message}`).join('; '), details };
}

/** Translates any failure into the contract's error once; the UI never sees a stack trace. */
export function toOperationError(e: unknown): OperationError {
  if (e instanceof AppError) return { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) };
  if (e instanceof RoadmapInputError || e instanceof RankSyncInputError) return { code: 'INVALID_PAYLOAD', message: e.message };
  console.error('ValueRank: unexpected error', e);
  return { code: 'INTERNAL', message: 'Something went wrong in ValueRank. Try again; if it keeps happening, tell your Jira admin.' };
}

/**
 * A resolver operation: context → payload schema check → handler (which checks permissions and runs the use
 * case) → `{ ok: true, data }` or `{ ok: false, error }`. Never throws.
 */
export function operation<K extends OperationKey>(key: K, handler: OperationHandler<K>): (req: ForgeRequest) => Promise<Result<ResultMap[K]>> {
  return async (req) => {
    try {
      const ctx = contextOf(req ?? {});
      if (ctx === null) return { ok: false, error: { code: 'FORBIDDEN', message: 'Sign in to Jira to use ValueRank.' } };
      const parsed = (payloadSchemas[key] as z.ZodTypeAny).safeParse(req.payload ?? {});
      if (!parsed.success) {
        const { message, details } = describe(parsed.error);
        return { ok: false, error: { code: 'INVALID_PAYLOAD', message: `Invalid request: ${message}`, details } };
      }
      return { ok: true, data: await handler(parsed.data as Payload<K>, ctx) };
    } catch (e) {
      return { ok: false, error: toOperationError(e) };
    }
  };
}
