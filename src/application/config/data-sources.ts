import type { ValueRankConfig } from '../../contract/config';
import { AppError } from '../errors';
import { diffConfig } from './migrate-config';

/** The data-source settings of a config (DATA_SOURCE_PATHS), as a sub-config whose leaf paths are those paths. */
function dataSourcesOf(c: ValueRankConfig) {
  return {
    candidateJql: c.candidateJql,
    customerVoice: { feedbackProjects: c.customerVoice.feedbackProjects, remoteLinkPatterns: c.customerVoice.remoteLinkPatterns },
    fields: { organizations: c.fields.organizations, customerTier: c.fields.customerTier, customerCount: c.fields.customerCount },
  };
}

/** `config` with the data sources of `global`: what applies to a project, whose override never sets them. */
export function withGlobalDataSources(config: ValueRankConfig, global: ValueRankConfig): ValueRankConfig {
  const sources = dataSourcesOf(global);
  return {
    ...config,
    candidateJql: sources.candidateJql,
    customerVoice: { ...config.customerVoice, ...sources.customerVoice },
    fields: { ...config.fields, ...sources.fields },
  };
}

/** Each data source whose value in `to` differs from `from`, as `{ path, from, to }`. */
export function dataSourceChanges(from: ValueRankConfig, to: ValueRankConfig): { path: string; from: unknown; to: unknown }[] {
  return diffConfig(dataSourcesOf(from), dataSourcesOf(to));
}

/**
 * Refuses a project override that sets a data source to anything but the global value. The project settings page
 * sends the whole config, data sources included (shown read-only), so equal values pass: only a change is refused.
 */
export function requireGlobalDataSources(config: ValueRankConfig, global: ValueRankConfig): void {
  const changed = dataSourceChanges(global, config);
  if (changed.length === 0) return;
  throw new AppError(
    'DATA_SOURCE_GLOBAL_ONLY',
    `${changed.map((c) => c.path).join(', ')} cannot be set for one project: a Jira admin sets the data sources (feedback projects, the fields read from feedback tickets, the candidate JQL, support-tool URL patterns) for every project in the ValueRank admin page (Jira settings › Apps › ValueRank settings), so that everyone sees the same score. Save the project settings with the global values (reload the page to get them) or ask a Jira admin.`,
    changed.map((c) => ({ path: c.path, global: c.from, sent: c.to })),
  );
}
