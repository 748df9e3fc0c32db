import type { ErrorCode } from '../contract/operations';

/**
 * The one error type the application layer raises: a stable `code` (see the contract's ERROR_CODES), a message
 * that says what to do next, and the underlying `cause`. Resolvers translate it to `{ ok: false, error }` once.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

export const forbidden = (what: string): AppError => new AppError('FORBIDDEN', `You do not have permission to ${what}. Ask a Jira admin for access.`);
export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} was not found, or you cannot see it.`);
