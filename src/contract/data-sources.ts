/**
 * The settings that decide what a score is computed from: which issues are candidates, where feedback lives and
 * which fields of it are read. A score is one number that everyone who can see the issue sees, computed as the app,
 * so only a Jira admin sets these, in the global config; a project override keeps weights, labels, capacity, the
 * debt share and every other setting, and always uses the global data sources. No zod here: the UI bundles it.
 *
 * `fields.customerCount` is read on the candidate issues rather than on feedback tickets, but it counts customers
 * (votes) just as feedback tickets do, so it is a customer-voice source like them. The story points and business
 * value fields stay per project: they describe the project's own estimates, not where customer data comes from.
 */
export const DATA_SOURCE_PATHS = [
  'candidateJql',
  'customerVoice.feedbackProjects',
  'customerVoice.remoteLinkPatterns',
  'fields.organizations',
  'fields.customerTier',
  'fields.customerCount',
] as const;

export type DataSourcePath = (typeof DATA_SOURCE_PATHS)[number];
