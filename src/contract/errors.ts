/** Stable error codes of `{ ok: false, error }` answers. No zod here: the UI bundles it without the schemas. */
export const ERROR_CODES = [
  'INVALID_PAYLOAD',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFIG_CONFLICT',
  'RATE_LIMITED',
  'JIRA_UNAVAILABLE',
  'PARTIAL_FAILURE',
  'BUSY',
  /** A rank-sync plan older than 30 minutes: plan again. */
  'PLAN_EXPIRED',
  /** Jira's order changed since the rank-sync plan was made: plan again. */
  'PLAN_OUTDATED',
  /** The user (or the app) must grant access before Jira can be read as them; retrying alone cannot help. */
  'AUTH_REQUIRED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
