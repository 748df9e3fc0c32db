import type { JiraIssueLike, RemoteLinkLike } from '../../domain';
import type { RankBatch } from '../../contract/model';

/** A Jira field as `GET /rest/api/3/field` lists it (only what the app reads). */
export interface JiraField {
  id: string;
  name: string;
  custom: boolean;
  schema?: { type?: string; custom?: string; items?: string };
}

export interface JiraProjectRef {
  id: string;
  key: string;
  name: string;
  projectTypeKey: string;
  /** True for a team-managed project (Jira's `Project.simplified`); absent or false: company-managed. */
  simplified?: boolean | undefined;
}

/** A sprint as `GET /rest/agile/1.0/board/{boardId}/sprint` lists it (agile spec: SprintBean; only what the app reads). */
export interface JiraSprint {
  id: number;
  state: string;
  name?: unknown;
  startDate?: unknown;
  endDate?: unknown;
  completeDate?: unknown;
}

/**
 * Reading Jira (implemented over `requestJira`). One reader acts as one principal: the user (`asUser`, for
 * anything shown to a user) or the app (`asApp`, background work only). Every call is bounded by the reader's
 * time budget and retried on 429/5xx inside it.
 */
export interface JiraReader {
  /**
   * Issue ids matching `jql`, page by page (up to 5,000 ids a page), at most `limit` in all. `reconcile`: ids of
   * issues the app just changed (≤ 50), so the search reflects those writes (Jira's search lags them otherwise).
   */
  searchIds(jql: string, limit: number, reconcile?: readonly string[]): AsyncGenerator<string[]>;
  /** Issue ids and keys matching `jql`, as searchIds (up to 5,000 a page: Jira's most when only the key is asked for). */
  searchKeys(jql: string, limit: number, reconcile?: readonly string[]): AsyncGenerator<{ id: string; key: string }[]>;
  /** Jira's own reading of a JQL query (`POST /rest/api/3/jql/parse`, strict validation, as the principal). */
  parseJql(jql: string): Promise<ParsedJql>;
  /** The ids among `issueIds` the principal may browse (project permission and issue security level; one call per 1,000). */
  browsableIssues(issueIds: readonly string[]): Promise<Set<string>>;
  /**
   * For each of `permissions`, the ids among `issueIds` on which the principal holds it (one bulk permission check
   * per 1,000 issues; an issue they cannot see holds none).
   */
  issuesWithPermissions(issueIds: readonly string[], permissions: readonly string[]): Promise<Map<string, Set<string>>>;
  /** Issues by id or key with only `fields`; issues that cannot be seen are absent. Chunks of 100, bounded concurrency. */
  fetchIssues(idsOrKeys: readonly string[], fields: readonly string[]): Promise<JiraIssueLike[]>;
  remoteLinks(issueIdOrKey: string): Promise<RemoteLinkLike[]>;
  fields(): Promise<JiraField[]>;
  /** Projects of a type (e.g. `service_desk`) the principal can see. */
  projectsOfType(typeKey: string): Promise<JiraProjectRef[]>;
  /** The project, or null when it does not exist or cannot be seen. */
  project(projectKey: string): Promise<JiraProjectRef | null>;
  /** Which of `permissions` the principal holds in the project; null when the project cannot be seen. */
  myPermissions(projectKey: string | null, permissions: readonly string[]): Promise<Set<string> | null>;
  /** The principal's Jira group names (`GET /rest/api/3/myself?expand=groups`: needs no global permission). */
  myGroups(): Promise<string[]>;
  /**
   * Display names of these accounts (`GET /rest/api/3/user/bulk`, USERS_PER_BULK ids a request). An account Jira
   * no longer knows is absent from the map.
   */
  users(accountIds: readonly string[]): Promise<Map<string, string>>;
  /** Closed sprints of the project's boards, newest last, at most `limit`. */
  closedSprints(projectKey: string, limit: number): Promise<JiraSprint[]>;
  /** Active sprints of the project's boards (usually one; a project with several boards may have more). */
  activeSprints(projectKey: string): Promise<JiraSprint[]>;
}

/**
 * A query as Jira's parser reads it: the errors it found, else its syntax tree (`JqlQuery` of the platform spec,
 * kept loose: `where` is a `CompoundClause` `{operator, clauses}` or a field clause `{field: {name}, operator, operand}`).
 */
export interface ParsedJql {
  errors: string[];
  where: unknown;
}

/** Writing Jira. */
export interface JiraWriter {
  /** Sets the app's "Value score" field for many issues (bulk endpoint, chunked). */
  writeScores(fieldKey: string, values: readonly { issueId: string; value: number | null }[]): Promise<void>;
  /** One rank call (≤ 50 issues); returns the keys that Jira refused, with its message. */
  rank(batch: RankBatch): Promise<{ key: string; message: string }[]>;
  /**
   * Adds a comment (an Atlassian Document Format `body`) with comment properties to an issue, as the principal;
   * `refused` when Jira will not take it from them (no Add comments permission, the issue gone or hidden).
   */
  comment(issueId: string, body: unknown, properties: readonly { key: string; value: unknown }[]): Promise<{ id: string } | { refused: string }>;
}
