import type { ErrorCode, OperationKey, ResultMap } from '../../src/contract/operations';
import { ERROR_CODES } from '../../src/contract/errors';
import { isRecord } from './records';

/**
 * Codes the UI can see: the contract's error codes, plus two that only the client produces —
 * `BRIDGE` (the call never reached the app: outside Jira, offline, timed out) and
 * `MALFORMED_RESPONSE` (the app answered something that is not `{ok,data}` / `{ok:false,error}`).
 */
export type UiErrorCode = ErrorCode | 'BRIDGE' | 'MALFORMED_RESPONSE';

/** A failed operation, thrown by `invoke`. `message` is for a person; `code` is for the UI to branch on. */
export class OperationFailure extends Error {
  readonly code: UiErrorCode;
  readonly operation: OperationKey;
  readonly details: unknown;

  constructor(operation: OperationKey, code: UiErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'OperationFailure';
    this.operation = operation;
    this.code = code;
    this.details = details;
  }
}

const KNOWN_CODES: ReadonlySet<string> = new Set<string>(ERROR_CODES);

/**
 * Turns a resolver's raw answer into its data, or throws an `OperationFailure`.
 * Unknown error codes are kept as `INTERNAL` (the message still reaches the person); a missing message gets a default.
 */
export function unwrapResult<K extends OperationKey>(operation: K, raw: unknown): ResultMap[K] {
  if (!isRecord(raw) || typeof raw.ok !== 'boolean') {
    throw new OperationFailure(
      operation,
      'MALFORMED_RESPONSE',
      `The app answered ${operation} with something it did not expect. Reload the page; if it persists, report it.`,
    );
  }
  if (raw.ok) {
    if (!('data' in raw)) {
      throw new OperationFailure(operation, 'MALFORMED_RESPONSE', `The app answered ${operation} without data. Reload the page; if it persists, report it.`);
    }
    return raw.data as ResultMap[K];
  }
  const error = isRecord(raw.error) ? raw.error : {};
  const code: UiErrorCode = typeof error.code === 'string' && KNOWN_CODES.has(error.code) ? (error.code as ErrorCode) : 'INTERNAL';
  const message = typeof error.message === 'string' && error.message.trim() !== '' ? error.message : defaultMessage(code);
  throw new OperationFailure(operation, code, message, error.details);
}

/** Wraps anything a bridge call threw (not an app answer) as a `BRIDGE` failure, keeping `OperationFailure`s as they are. */
export function toOperationFailure(operation: OperationKey, thrown: unknown): OperationFailure {
  if (thrown instanceof OperationFailure) return thrown;
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  return new OperationFailure(operation, 'BRIDGE', `Could not reach the app (${detail}). Check your connection and try again.`, detail);
}

/** What to tell a person when the app gave a code but no message. */
export function defaultMessage(code: UiErrorCode): string {
  switch (code) {
    case 'FORBIDDEN':
      return 'You do not have permission to do this. Ask a Jira or project admin.';
    case 'NOT_FOUND':
      return 'Not found: it may have been deleted, or you cannot see it.';
    case 'CONFIG_CONFLICT':
      return 'Someone else saved the settings meanwhile. Reload them and apply your changes again.';
    case 'RATE_LIMITED':
      return 'Jira is rate-limiting the app. Wait a moment and try again.';
    case 'JIRA_UNAVAILABLE':
      return 'Jira did not answer. Try again in a moment.';
    case 'BUSY':
      return 'Another operation of this kind is running. Wait for it to finish.';
    case 'PARTIAL_FAILURE':
      return 'Part of the operation failed. Retry the failed items.';
    case 'AUTH_REQUIRED':
      return 'ValueRank needs your permission to read Jira as you. Allow access when Jira asks, then try again.';
    case 'INVALID_PAYLOAD':
      return 'The request was not valid. Reload the page and try again.';
    default:
      return 'Something went wrong in the app. Try again; if it persists, report it.';
  }
}

/** True when the failure is worth a plain "Try again" (transient, not the person's fault). */
export function isRetryable(code: UiErrorCode): boolean {
  return code === 'RATE_LIMITED' || code === 'JIRA_UNAVAILABLE' || code === 'BRIDGE' || code === 'BUSY' || code === 'INTERNAL';
}
