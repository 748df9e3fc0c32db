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
  /** A project override tried to change a data source (feedback projects, feedback fields, candidate JQL, URL patterns): only the global config sets them. */
  'DATA_SOURCE_GLOBAL_ONLY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
