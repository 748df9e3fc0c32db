import { route } from '@forge/api';
import type { z } from 'zod';
import { AppError } from '../../application/errors';
import type { JiraField, JiraProjectRef, JiraReader, JiraSprint } from '../../application/ports/jira';
import { RECONCILE_LIMIT } from '../../application/rank-sync/recent-moves';
import { chunk, mapLimit } from '../../application/shared/concurrency';
import type { JiraIssueLike, RemoteLinkLike } from '../../domain';
import type { Deadline } from './deadline';
import { jiraRequest, messagesOf, unexpected, type JiraResponse, type Principal } from './request';
import * as S from './schemas';

/** Ids per search page: Jira's maximum when only ids are asked for. */
const IDS_PER_PAGE = 5000;
/** Issues per bulkfetch call: Jira's maximum. */
const BULK_SIZE = 100;
/** Bulkfetch calls in flight at once. */
export const BULK_CONCURRENCY = 8;
/** Search pages read at most per call (5,000 ids each): bounds the loop on any site. */
const MAX_PAGES = 20;
/** Issues per bulk permission check: Jira's maximum ("A maximum of 1000 projects and 1000 issues can be checked", platform spec, Get bulk permissions). */
const PERMISSION_CHECK_SIZE = 1000;
/**
 * Account ids per "Bulk get users" request: the spec sets no maximum on repeated `accountId`, so the URL length
 * bounds it; 50 ids (about 3 KB of query) stay far below what proxies accept.
 */
export const USERS_PER_BULK = 50;

function parse<T extends z.ZodTypeAny>(schema: T, res: JiraResponse, what: string): z.infer<T> {
  const parsed = schema.safeParse(res.body);
  if (!parsed.success) {
    throw new AppError(
      'JIRA_UNAVAILABLE',
      `Jira answered ${what} in an unexpected shape: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim(),
    );
  }
  return parsed.data;
}

/** JiraReader over `@forge/api` `requestJira`, as the user or as the app. */
export class ForgeJiraReader implements JiraReader {
  constructor(
    private readonly principal: Principal,
    private readonly deadline: Deadline,
  ) {}

  private get(path: ReturnType<typeof route>): Promise<JiraResponse> {
    return jiraRequest(this.principal, path, {}, this.deadline);
  }

  async *searchIds(jql: string, limit: number, reconcile: readonly string[] = []): AsyncGenerator<string[]> {
    for await (const page of this.search(jql, limit, ['id'], S.searchPage, reconcile)) yield page.map((i) => i.id);
  }

  searchKeys(jql: string, limit: number, reconcile: readonly string[] = []): AsyncGenerator<{ id: string; key: string }[]> {
    return this.search(jql, limit, ['key'], S.searchKeysPage, reconcile);
  }

  /** Token paging over `/search/jql`; asking only for `id` or `key` keeps Jira's 5,000 issues a page. */
  private async *search<I extends { id: string }>(
    jql: string,
    limit: number,
    fields: string[],
    schema: z.ZodType<{ issues: I[]; nextPageToken?: string | null | undefined; isLast?: boolean | null | undefined }>,
    reconcile: readonly string[],
  ): AsyncGenerator<I[]> {
    let token: string | undefined;
    let seen = 0;
    // The same list on every page, as the spec asks; ids are int64 and at most 50.
    const reconcileIssues = reconcile
      .map(Number)
      .filter((id) => Number.isSafeInteger(id))
      .slice(-RECONCILE_LIMIT);
    for (let page = 0; page < MAX_PAGES && seen < limit; page++) {
      const res = await jiraRequest(
        this.principal,
        route`/rest/api/3/search/jql`,
        {
          method: 'POST',
          body: {
            jql,
            fields,
            maxResults: IDS_PER_PAGE,
            ...(token === undefined ? {} : { nextPageToken: token }),
            ...(reconcileIssues.length > 0 ? { reconcileIssues } : {}),
          },
        },
        this.deadline,
      );
      if (res.status === 400)
        throw new AppError('INVALID_PAYLOAD', `Jira refused the candidate JQL: ${messages(res.body)}. Check the JQL in the ValueRank settings.`);
      if (res.status !== 200) throw unexpected('search issues', res);
      const body = parse(schema, res, 'the search');
      seen += body.issues.length;
      yield body.issues;
      if (body.isLast === true || !body.nextPageToken || body.issues.length === 0) return;
      token = body.nextPageToken;
    }
  }

  /** Strict validation: with errors Jira leaves the structure out (platform spec, `parseJqlQueries`). */
  async parseJql(jql: string): Promise<{ errors: string[]; where: unknown }> {
    const res = await jiraRequest(this.principal, route`/rest/api/3/jql/parse?validation=strict`, { method: 'POST', body: { queries: [jql] } }, this.deadline);
    if (res.status === 400)
      throw new AppError('INVALID_PAYLOAD', `Jira refused to parse the candidate JQL: ${messages(res.body)}. Check the JQL in the ValueRank settings.`);
    if (res.status !== 200) throw unexpected('parse the candidate JQL', res);
    const parsed = parse(S.parsedJqlQueries, res, 'the JQL parse').queries[0];
    if (parsed === undefined) throw new AppError('JIRA_UNAVAILABLE', 'Jira answered the JQL parse without the query.');
    return { errors: parsed.errors ?? [], where: parsed.structure?.where ?? null };
  }

  /**
   * `POST /rest/api/3/permissions/check` ("Get bulk permissions"): Browse Projects for up to 1,000 issues a call,
   * as the principal; Jira ignores ids that are invalid or not theirs to see and answers the rest. Chunks of 1,000
   * one after another (a page names far fewer).
   */
  async issuesWithPermissions(issueIds: readonly string[], permissions: readonly string[]): Promise<Map<string, Set<string>>> {
    const ids = [...new Set(issueIds.filter((id) => /^(0|[1-9]\d*)$/.test(id) && Number.isSafeInteger(Number(id))))].map(Number);
    const held = new Map(permissions.map((p) => [p, new Set<string>()]));
    for (const part of chunk(ids, PERMISSION_CHECK_SIZE)) {
      const body = { projectPermissions: [{ permissions: [...permissions], issues: part }] };
      const res = await jiraRequest(this.principal, route`/rest/api/3/permissions/check`, { method: 'POST', body }, this.deadline);
      if (res.status !== 200) throw unexpected('check permissions on issues', res);
      const asked = new Set(part);
      for (const grant of parse(S.bulkPermissions, res, 'the permission check').projectPermissions ?? [])
        for (const id of grant.issues ?? []) if (asked.has(id)) held.get(grant.permission)?.add(String(id));
    }
    return held;
  }

  async browsableIssues(issueIds: readonly string[]): Promise<Set<string>> {
    // int64 ids in their canonical form, each once (the body's `uniqueItems`); anything else names no issue.
    const ids = [...new Set(issueIds.filter((id) => /^(0|[1-9]\d*)$/.test(id) && Number.isSafeInteger(Number(id))))].map(Number);
    const seen = new Set<string>();
    for (const part of chunk(ids, PERMISSION_CHECK_SIZE)) {
      const body = { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: part }] };
      const res = await jiraRequest(this.principal, route`/rest/api/3/permissions/check`, { method: 'POST', body }, this.deadline);
      if (res.status !== 200) throw unexpected('check which issues can be browsed', res);
      const asked = new Set(part);
      for (const grant of parse(S.bulkPermissions, res, 'the permission check').projectPermissions ?? [])
        if (grant.permission === 'BROWSE_PROJECTS') for (const id of grant.issues ?? []) if (asked.has(id)) seen.add(String(id));
    }
    return seen;
  }

  /**
   * Issues Jira could not return this time (`issueErrors`: retriable) are asked for once more; if they still fail,
   * the call fails with JIRA_UNAVAILABLE rather than answer with a backlog silently missing issues. Issues that
   * do not exist or cannot be seen are simply absent, as Jira leaves them out.
   */
  async fetchIssues(idsOrKeys: readonly string[], fields: readonly string[]): Promise<JiraIssueLike[]> {
    const fetchAll = async (wanted: readonly string[]) => {
      const pages = await mapLimit(chunk(wanted, BULK_SIZE), BULK_CONCURRENCY, async (ids) => {
        const res = await jiraRequest(
          this.principal,
          route`/rest/api/3/issue/bulkfetch`,
          { method: 'POST', body: { issueIdsOrKeys: ids, fields } },
          this.deadline,
        );
        if (res.status !== 200) throw unexpected('read issues', res);
        const body = parse(S.bulkFetch, res, 'a bulk fetch');
        return { issues: body.issues, failed: (body.issueErrors ?? []).flatMap((e) => (isFailedId(e) ? [e.id] : [])) };
      });
      return { issues: pages.flatMap((p) => p.issues), failed: pages.flatMap((p) => p.failed) };
    };
    const first = await fetchAll(idsOrKeys);
    let issues = first.issues;
    if (first.failed.length > 0) {
      const again = await fetchAll(first.failed);
      if (again.failed.length > 0) {
        throw new AppError(
          'JIRA_UNAVAILABLE',
          `Jira could not return ${again.failed.length} issue(s) right now, so the backlog would be incomplete. Try again in a minute.`,
          { failedIssueIds: again.failed.slice(0, 20) },
        );
      }
      issues = [...issues, ...again.issues];
    }
    return issues.map((i) => ({ id: i.id, key: i.key, fields: i.fields }));
  }

  async remoteLinks(issueIdOrKey: string): Promise<RemoteLinkLike[]> {
    const res = await this.get(route`/rest/api/3/issue/${issueIdOrKey}/remotelink`);
    if (res.status === 404) return [];
    if (res.status !== 200) throw unexpected('read remote links', res);
    return parse(S.remoteLinks, res, 'remote links') as RemoteLinkLike[];
  }

  async fields(): Promise<JiraField[]> {
    const res = await this.get(route`/rest/api/3/field`);
    if (res.status !== 200) throw unexpected('list fields', res);
    return parse(S.fieldList, res, 'the field list') as JiraField[];
  }

  async projectsOfType(typeKey: string): Promise<JiraProjectRef[]> {
    const out: JiraProjectRef[] = [];
    for (let startAt = 0, page = 0; page < 50; page++) {
      const res = await this.get(route`/rest/api/3/project/search?typeKey=${typeKey}&startAt=${startAt}&maxResults=${50}`);
      if (res.status !== 200) throw unexpected('list projects', res);
      const body = parse(S.projectPage, res, 'the project list');
      out.push(...body.values);
      if (body.isLast !== false || body.values.length === 0) break;
      startAt += body.values.length;
    }
    return out;
  }

  async project(projectKey: string): Promise<JiraProjectRef | null> {
    const res = await this.get(route`/rest/api/3/project/${projectKey}`);
    if (res.status === 404) return null;
    if (res.status !== 200) throw unexpected('read the project', res);
    return parse(S.projectRef, res, 'the project');
  }

  async myPermissions(projectKey: string | null, permissions: readonly string[]): Promise<Set<string> | null> {
    const list = permissions.join(',');
    const res = await this.get(
      projectKey === null
        ? route`/rest/api/3/mypermissions?permissions=${list}`
        : route`/rest/api/3/mypermissions?projectKey=${projectKey}&permissions=${list}`,
    );
    if (res.status === 404 || res.status === 400) return null;
    if (res.status !== 200) throw unexpected('check permissions', res);
    const body = parse(S.myPermissions, res, 'permissions');
    return new Set(
      Object.entries(body.permissions)
        .filter(([, p]) => p.havePermission)
        .map(([k]) => k),
    );
  }

  async myGroups(): Promise<string[]> {
    const res = await this.get(route`/rest/api/3/myself?expand=${'groups'}`);
    if (res.status !== 200) throw unexpected('read your groups', res);
    return (parse(S.myselfGroups, res, 'your groups').groups?.items ?? []).map((g) => g.name);
  }

  async users(accountIds: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const pages = await mapLimit(chunk([...new Set(accountIds)], USERS_PER_BULK), BULK_CONCURRENCY, async (ids) => {
      const query = new URLSearchParams(ids.map((id): [string, string] => ['accountId', id]));
      query.set('maxResults', String(ids.length));
      // "Bulk get users" (platform spec): unknown account ids are left out of `values`, as are deleted accounts.
      const res = await this.get(route`/rest/api/3/user/bulk?${query}`);
      if (res.status !== 200) throw unexpected('read user names', res);
      return parse(S.userPage, res, 'the user list').values;
    });
    for (const u of pages.flat()) if (typeof u.displayName === 'string' && u.displayName !== '') names.set(u.accountId, u.displayName);
    return names;
  }

  async closedSprints(projectKey: string, limit: number): Promise<JiraSprint[]> {
    return (await this.boardSprints(projectKey, 'closed')).slice(-limit);
  }

  async activeSprints(projectKey: string): Promise<JiraSprint[]> {
    return this.boardSprints(projectKey, 'active');
  }

  /**
   * Sprints of one state on the project's boards (the first 5), in the order Jira lists them, each once.
   * Jira Software REST: "Get all boards" (`projectKeyOrId`) and "Get all sprints" (`state`).
   */
  private async boardSprints(projectKey: string, state: 'closed' | 'active'): Promise<JiraSprint[]> {
    const boardsRes = await this.get(route`/rest/agile/1.0/board?projectKeyOrId=${projectKey}&maxResults=${50}`);
    if (boardsRes.status === 404) return [];
    if (boardsRes.status !== 200) throw unexpected('list boards', boardsRes);
    const boards = parse(S.boardPage, boardsRes, 'the board list').values.slice(0, 5);
    const sprints: JiraSprint[] = [];
    for (const b of boards) {
      for (let startAt = 0, page = 0; page < 20; page++) {
        const res = await this.get(route`/rest/agile/1.0/board/${String(b.id)}/sprint?state=${state}&startAt=${startAt}&maxResults=${50}`);
        if (res.status !== 200) break;
        const body = parse(S.sprintPage, res, 'the sprint list');
        sprints.push(...(body.values as JiraSprint[]));
        if (body.isLast !== false || body.values.length === 0) break;
        startAt += body.values.length;
      }
    }
    return [...new Map(sprints.map((s) => [s.id, s])).values()];
  }
}

function isFailedId(e: unknown): e is { id: string } {
  return typeof e === 'object' && e !== null && typeof (e as { id?: unknown }).id === 'string';
}

function messages(body: unknown): string {
  return messagesOf(body) || 'no reason given';
}
