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
  /** The user (or the app) must grant access before Jira can be read as them; retrying alone cannot help. */
  'AUTH_REQUIRED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
