import type { JiraIssueLike, RemoteLinkLike } from '../../src/domain';
import type { JiraField, JiraProjectRef, JiraReader, JiraSprint, JiraWriter, ParsedJql } from '../../src/application/ports/jira';
import type { RankBatch } from '../../src/contract/model';

/**
 * In-memory Jira for application tests: issues in rank order, every one visible, searches return every issue
 * (the JQL is recorded, not evaluated; a test gives only the issues its query would find). Counts the requests a
 * real reader would make.
 */
export class MemoryJira implements JiraReader, JiraWriter {
  readonly jql: string[] = [];
  /** Fields asked for in each fetchIssues call. */
  readonly fetchedFields: string[][] = [];
  /** Closed sprints of the project's boards, as `closedSprints` lists them (oldest first). */
  sprints: JiraSprint[] = [];
  /** Active sprints, as `activeSprints` lists them. */
  activeSprintList: JiraSprint[] = [];
  sprintListings = 0;
  readonly written = new Map<string, number | null>();
  requests = 0;
  /** Ids of issues the principal cannot see: browsableIssues leaves them out. */
  readonly hidden = new Set<string>();
  /** The principal's groups (myGroups) and the site's users, account id → display name (users). */
  groups: string[] = [];
  readonly people = new Map<string, string>();
  constructor(
    private readonly issues: JiraIssueLike[],
    private readonly siteFields: JiraField[] = [],
    private readonly links: Map<string, RemoteLinkLike[]> = new Map(),
  ) {}

  async *searchIds(jql: string, limit: number): AsyncGenerator<string[]> {
    this.jql.push(jql);
    const ids = this.issues.map((i) => i.id).slice(0, limit);
    for (let i = 0; i < ids.length; i += 5000) {
      this.requests++;
      yield ids.slice(i, i + 5000);
    }
  }
  async *searchKeys(jql: string, limit: number): AsyncGenerator<{ id: string; key: string }[]> {
    this.jql.push(jql);
    const found = this.issues.map((i) => ({ id: i.id, key: i.key })).slice(0, limit);
    for (let i = 0; i < found.length; i += 5000) {
      this.requests++;
      yield found.slice(i, i + 5000);
    }
  }
  /** JQL is not evaluated here, so a test that needs Jira's parser uses the simulator instead. */
  async parseJql(jql: string): Promise<ParsedJql> {
    throw new Error(`MemoryJira does not parse JQL (asked for: ${jql})`);
  }
  /** The ids of this Jira's issues, but those in `hidden` (not visible to the principal). */
  async browsableIssues(issueIds: readonly string[]): Promise<Set<string>> {
    const wanted = [...new Set(issueIds)];
    this.requests += Math.ceil(wanted.length / 1000);
    const known = new Set(this.issues.map((i) => i.id));
    return new Set(wanted.filter((id) => known.has(id) && !this.hidden.has(id)));
  }
  /** Every permission on this Jira's issues, but none on those in `hidden`. */
  async issuesWithPermissions(issueIds: readonly string[], permissions: readonly string[]): Promise<Map<string, Set<string>>> {
    const seen = await this.browsableIssues(issueIds);
    return new Map(permissions.map((p) => [p, new Set(seen)]));
  }
  async fetchIssues(idsOrKeys: readonly string[], fields: readonly string[] = []): Promise<JiraIssueLike[]> {
    this.requests += Math.ceil(idsOrKeys.length / 100);
    this.fetchedFields.push([...fields]);
    const wanted = new Set(idsOrKeys);
    return this.issues.filter((i) => wanted.has(i.id) || wanted.has(i.key)).map((i) => structuredClone(i));
  }
  async remoteLinks(issueIdOrKey: string): Promise<RemoteLinkLike[]> {
    this.requests++;
    const issue = this.issues.find((i) => i.id === issueIdOrKey || i.key === issueIdOrKey);
    return issue === undefined ? [] : (this.links.get(issue.key) ?? []);
  }
  async fields(): Promise<JiraField[]> {
    this.requests++;
    return this.siteFields;
  }
  async projectsOfType(): Promise<JiraProjectRef[]> {
    this.requests++;
    return [];
  }
  async project(projectKey: string): Promise<JiraProjectRef | null> {
    return { id: '10000', key: projectKey, name: projectKey, projectTypeKey: 'software' };
  }
  async myPermissions(): Promise<Set<string> | null> {
    return new Set(['BROWSE_PROJECTS', 'SCHEDULE_ISSUES', 'ADMINISTER_PROJECTS']);
  }
  async myGroups(): Promise<string[]> {
    this.requests++;
    return [...this.groups];
  }
  async users(accountIds: readonly string[]): Promise<Map<string, string>> {
    this.requests++;
    return new Map(accountIds.flatMap((id) => (this.people.has(id) ? [[id, this.people.get(id)!] as const] : [])));
  }
  async closedSprints(_projectKey: string, limit: number): Promise<JiraSprint[]> {
    this.sprintListings++;
    return this.sprints.slice(-limit);
  }
  async activeSprints(): Promise<JiraSprint[]> {
    this.sprintListings++;
    return this.activeSprintList;
  }
  async writeScores(_fieldKey: string, values: readonly { issueId: string; value: number | null }[]): Promise<void> {
    this.requests++;
    for (const v of values) this.written.set(v.issueId, v.value);
  }
  async rank(_batch: RankBatch): Promise<{ key: string; message: string }[]> {
    this.requests++;
    return [];
  }
  /** Comments added, in order. */
  readonly comments: { issueId: string; body: unknown; properties: readonly { key: string; value: unknown }[] }[] = [];
  async comment(issueId: string, body: unknown, properties: readonly { key: string; value: unknown }[]): Promise<{ id: string } | { refused: string }> {
    this.requests++;
    if (this.hidden.has(issueId)) return { refused: 'Issue does not exist or you do not have permission to see it.' };
    this.comments.push({ issueId, body, properties });
    return { id: String(this.comments.length) };
  }
}
