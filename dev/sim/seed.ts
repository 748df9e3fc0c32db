/**
 * Seed file format (DESIGN.md, "Seed file format"): a Jira site as REST v3 shapes.
 *
 * Validation is structural only: ids, keys and references must be there and resolve; odd values
 * ("abc" in a number field, ADF where text was expected, a link to an issue that is not in the
 * seed) are kept as they are, because real sites have them. Unknown properties are kept.
 */
import { z } from 'zod';

/** The app user's account id when the seed names none (what `asApp()` is; see access.ts). */
export const DEFAULT_APP_ACCOUNT_ID = '630000:valuerank-app';

const anyId = z.union([z.string().min(1), z.number()]).transform(String);

const issueRef = z
  .looseObject({ id: anyId.optional(), key: z.string().min(1).optional() })
  .refine((r) => r.id !== undefined || r.key !== undefined, { message: 'id or key required' });

const linkSchema = z
  .looseObject({
    id: anyId,
    type: z
      .looseObject({ id: anyId.optional(), name: z.string().min(1).optional() })
      .refine((t) => t.id !== undefined || t.name !== undefined, { message: 'id or name required' }),
    inwardIssue: issueRef.optional(),
    outwardIssue: issueRef.optional(),
  })
  .refine((l) => (l.inwardIssue === undefined) !== (l.outwardIssue === undefined), {
    message: 'exactly one of inwardIssue or outwardIssue required',
  });

const userSchema = z.looseObject({
  accountId: z.string().min(1),
  displayName: z.string().optional(),
  groups: z.array(z.string()).default([]),
});

const projectSchema = z.looseObject({
  key: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be upper case letters, digits or _'),
  id: anyId,
  name: z.string().optional(),
  projectTypeKey: z.string().default('software'),
  /** Jira's `Project.style`: 'next-gen' is a team-managed project (`simplified: true` in replies). */
  style: z.enum(['classic', 'next-gen']).default('classic'),
  permissions: z.record(z.string(), z.array(z.string())).optional(),
});

const fieldSchema = z.looseObject({ id: z.string().min(1), name: z.string().min(1) });

const linkTypeSchema = z.looseObject({
  id: anyId,
  name: z.string().min(1),
  inward: z.string(),
  outward: z.string(),
});

const issueSchema = z.looseObject({
  id: anyId,
  key: z.string().regex(/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/, 'must look like PRJ-123'),
  fields: z.looseObject({ issuelinks: z.array(linkSchema).optional() }).default({ issuelinks: [] }),
});

const remoteLinkSchema = z.looseObject({ id: z.union([z.number(), z.string()]).optional() });

const boardSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  type: z.string(),
  location: z.looseObject({ projectId: z.union([z.number(), z.string()]).optional(), projectKey: z.string().optional() }).optional(),
});

/** A sprint as GET /rest/agile/1.0/board/{boardId}/sprint lists it (agile spec: SprintBean). */
const sprintSchema = z.looseObject({
  id: z.number().int(),
  originBoardId: z.number().int(),
  state: z.string(),
  name: z.string().optional(),
  goal: z.string().optional(),
  createdDate: z.string().optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  completeDate: z.string().optional(),
});

/** Who `asApp()` is: the app's own user (DESIGN.md "Seed file format"). */
const appSchema = z.looseObject({
  accountId: z.string().min(1),
  displayName: z.string().optional(),
  /** Project key → project permissions; absent: every project permission in every project. */
  permissions: z.record(z.string(), z.array(z.string())).optional(),
});

/** An issue security level and who is in it; issues name it in `fields.security` (SecurityLevel: id, name…). */
const securityLevelSchema = z.looseObject({
  id: anyId,
  name: z.string().min(1),
  description: z.string().optional(),
  members: z.array(z.string()).default([]),
});

export const seedSchema = z.looseObject({
  now: z.string().optional(),
  users: z.array(userSchema).default([]),
  projects: z.array(projectSchema).default([]),
  fields: z.array(fieldSchema).default([]),
  issueLinkTypes: z.array(linkTypeSchema).optional(),
  issues: z.array(issueSchema).default([]),
  remoteLinks: z.record(z.string(), z.array(remoteLinkSchema)).default({}),
  boards: z.array(boardSchema).default([]),
  sprints: z.array(sprintSchema).default([]),
  app: appSchema.optional(),
  securityLevels: z.array(securityLevelSchema).default([]),
  config: z.unknown().optional(),
});

export type Seed = z.output<typeof seedSchema>;
export type SeedUser = Seed['users'][number];
export type SeedProject = Seed['projects'][number];
export type SeedField = Seed['fields'][number];
export type SeedLinkType = NonNullable<Seed['issueLinkTypes']>[number];
export type SeedIssue = Seed['issues'][number];
export type SeedBoard = Seed['boards'][number];
export type SeedSprint = Seed['sprints'][number];
export type SeedApp = NonNullable<Seed['app']>;
export type SeedSecurityLevel = Seed['securityLevels'][number];

/** Jira's four default link types, used when a seed does not list its own. */
export const DEFAULT_LINK_TYPES: SeedLinkType[] = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
];

export interface SeedProblem {
  path: string;
  message: string;
}

/** A structurally bad seed. `message` names each problem's path, e.g. `issues[1].fields.issuelinks[0].type: required`. */
export class SeedError extends Error {
  readonly code = 'INVALID_SEED';
  constructor(readonly problems: SeedProblem[]) {
    const shown = problems.slice(0, 10).map((p) => `${p.path}: ${p.message}`);
    if (problems.length > shown.length) shown.push(`… and ${problems.length - shown.length} more`);
    super(`Invalid seed: ${shown.join('; ')}`);
    this.name = 'SeedError';
  }
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * Validates a seed and returns it normalised: link types resolved to full objects, each link's
 * other end carrying both id and key, links mirrored onto the other issue (same link id), and
 * `fields.project` filled from the issue key when absent. Throws {@link SeedError}.
 */
export function parseSeed(input: unknown): Seed {
  const parsed = seedSchema.safeParse(input, {
    error: (iss) => (iss.input === undefined ? 'required' : undefined),
  });
  if (!parsed.success) {
    throw new SeedError(parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  }
  const seed = parsed.data;
  const problems = checkReferences(seed);
  if (problems.length > 0) throw new SeedError(problems);
  fillProjects(seed);
  normaliseLinks(seed);
  normaliseSprintValues(seed);
  return seed;
}

/** Jira Software's Sprint field type; a seed without such a field gets Jira Cloud's usual `customfield_10020`. */
export const SPRINT_FIELD_TYPE = 'com.pyxis.greenhopper.jira:gh-sprint';
export const DEFAULT_SPRINT_FIELD_ID = 'customfield_10020';

export function sprintFieldId(fields: readonly SeedField[]): string {
  return fields.find((f) => (f['schema'] as { custom?: unknown } | undefined)?.custom === SPRINT_FIELD_TYPE)?.id ?? DEFAULT_SPRINT_FIELD_ID;
}

/** The sprint ids a Sprint field value names: sprint objects (`{ id, … }`) or bare ids; null when it is not a list. */
function sprintRefs(value: unknown): unknown[] | null {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map((v) => (typeof v === 'object' && v !== null ? (v as { id?: unknown }).id : v)) : null;
}

/**
 * The Sprint field's value as Jira Cloud returns it in issue views: a JSON array of the issue's sprints, each
 * `{ id, name, state, boardId, goal, startDate, endDate, completeDate }` (dates as the sprint has them) —
 * developer.atlassian.com/cloud/jira/platform/deprecation-notice-tostring-representation-of-sprints-in-get-issue-response.
 * A seed may write full objects or bare sprint ids; both become that shape, built from `sprints[]`.
 */
export function sprintFieldValue(sprint: SeedSprint): Record<string, unknown> {
  const out: Record<string, unknown> = { id: sprint.id, name: sprint.name ?? `Sprint ${sprint.id}`, state: sprint.state, boardId: sprint.originBoardId };
  for (const k of ['goal', 'startDate', 'endDate', 'completeDate'] as const) if (sprint[k] !== undefined) out[k] = sprint[k];
  return out;
}

function normaliseSprintValues(seed: Seed): void {
  const fieldId = sprintFieldId(seed.fields);
  const byId = new Map(seed.sprints.map((s) => [String(s.id), s]));
  for (const issue of seed.issues) {
    const refs = sprintRefs(issue.fields[fieldId]);
    if (refs === null || refs.length === 0) continue;
    issue.fields[fieldId] = refs.map((r) => sprintFieldValue(byId.get(String(r)) as SeedSprint));
  }
}

function checkReferences(seed: Seed): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const add = (path: string, message: string): void => {
    problems.push({ path, message });
  };
  const dupes = <T>(items: T[], pick: (t: T) => string, base: string, prop: string): Set<string> => {
    const seen = new Set<string>();
    items.forEach((it, i) => {
      const v = pick(it);
      if (seen.has(v)) add(`${base}[${i}].${prop}`, `duplicate '${v}'`);
      seen.add(v);
    });
    return seen;
  };
  const users = dupes(seed.users, (u) => u.accountId, 'users', 'accountId');
  const projectKeys = dupes(seed.projects, (p) => p.key, 'projects', 'key');
  const projectIds = dupes(seed.projects, (p) => p.id, 'projects', 'id');
  seed.projects.forEach((p, i) => {
    for (const holder of Object.keys(p.permissions ?? {})) {
      if (holder !== '*' && !users.has(holder)) add(`projects[${i}].permissions.${holder}`, 'unknown user (use an accountId from users, or *)');
    }
  });
  const appId = seed.app?.accountId ?? DEFAULT_APP_ACCOUNT_ID;
  for (const key of Object.keys(seed.app?.permissions ?? {})) {
    if (!projectKeys.has(key)) add(`app.permissions.${key}`, `unknown project '${key}'`);
  }
  const levels = dupes(seed.securityLevels, (l) => l.id, 'securityLevels', 'id');
  seed.securityLevels.forEach((l, i) => {
    l.members.forEach((m, j) => {
      if (!users.has(m) && m !== appId) add(`securityLevels[${i}].members[${j}]`, `unknown user '${m}' (use an accountId from users, or app.accountId)`);
    });
  });
  dupes(seed.fields, (f) => f.id, 'fields', 'id');
  const linkTypes = seed.issueLinkTypes ?? DEFAULT_LINK_TYPES;
  dupes(linkTypes, (t) => t.id, 'issueLinkTypes', 'id');
  dupes(seed.issues, (t) => t.id, 'issues', 'id');
  const issueKeys = dupes(seed.issues, (t) => t.key, 'issues', 'key');
  seed.issues.forEach((issue, i) => {
    const projectKey = issue.key.slice(0, issue.key.lastIndexOf('-'));
    if (!projectKeys.has(projectKey)) add(`issues[${i}].key`, `unknown project '${projectKey}'`);
    const security = issue.fields['security'];
    if (security !== undefined && security !== null) {
      const id = typeof security === 'object' ? (security as { id?: unknown }).id : undefined;
      if (id === undefined || id === null) add(`issues[${i}].fields.security.id`, 'required');
      else if (!levels.has(String(id))) add(`issues[${i}].fields.security.id`, `unknown security level '${String(id)}'`);
    }
    (issue.fields.issuelinks ?? []).forEach((link, j) => {
      if (findLinkType(linkTypes, link.type) === undefined) {
        add(`issues[${i}].fields.issuelinks[${j}].type`, `unknown issue link type '${link.type.name ?? link.type.id ?? ''}'`);
      }
    });
  });
  for (const key of Object.keys(seed.remoteLinks)) {
    if (!issueKeys.has(key)) add(`remoteLinks.${key}`, 'unknown issue');
  }
  const boardIds = dupes(seed.boards, (b) => String(b.id), 'boards', 'id');
  seed.boards.forEach((b, i) => {
    const loc = b.location;
    if (loc?.projectKey !== undefined && !projectKeys.has(loc.projectKey)) add(`boards[${i}].location.projectKey`, `unknown project '${loc.projectKey}'`);
    if (loc?.projectId !== undefined && !projectIds.has(String(loc.projectId)))
      add(`boards[${i}].location.projectId`, `unknown project '${String(loc.projectId)}'`);
  });
  dupes(seed.sprints, (s) => String(s.id), 'sprints', 'id');
  seed.sprints.forEach((s, i) => {
    if (!boardIds.has(String(s.originBoardId))) add(`sprints[${i}].originBoardId`, `unknown board ${s.originBoardId}`);
  });
  const sprintIds = new Set(seed.sprints.map((s) => String(s.id)));
  const sprintField = sprintFieldId(seed.fields);
  seed.issues.forEach((issue, i) => {
    const refs = sprintRefs(issue.fields[sprintField]);
    if (refs === null) add(`issues[${i}].fields.${sprintField}`, 'must be a list of sprints');
    (refs ?? []).forEach((r, j) => {
      if (!sprintIds.has(String(r))) add(`issues[${i}].fields.${sprintField}[${j}]`, `unknown sprint ${String(r)}`);
    });
  });
  return problems;
}

function findLinkType(types: SeedLinkType[], ref: { id?: string | undefined; name?: string | undefined }): SeedLinkType | undefined {
  if (ref.id !== undefined) return types.find((t) => t.id === ref.id);
  const name = (ref.name ?? '').toLowerCase();
  return types.find((t) => t.name.toLowerCase() === name);
}

function fillProjects(seed: Seed): void {
  const byKey = new Map(seed.projects.map((p) => [p.key, p]));
  for (const issue of seed.issues) {
    if (issue.fields['project'] !== undefined) continue;
    const p = byKey.get(issue.key.slice(0, issue.key.lastIndexOf('-')));
    if (p) issue.fields['project'] = { id: p.id, key: p.key, name: p.name ?? p.key, projectTypeKey: p.projectTypeKey };
  }
}

type SeedLink = NonNullable<SeedIssue['fields']['issuelinks']>[number];

function normaliseLinks(seed: Seed): void {
  const linkTypes = seed.issueLinkTypes ?? DEFAULT_LINK_TYPES;
  const byId = new Map(seed.issues.map((i) => [i.id, i]));
  const byKey = new Map(seed.issues.map((i) => [i.key, i]));
  const resolve = (ref: { id?: string | undefined; key?: string | undefined }): SeedIssue | undefined =>
    (ref.id !== undefined ? byId.get(ref.id) : undefined) ?? (ref.key !== undefined ? byKey.get(ref.key) : undefined);
  const mirrors: Array<{ target: SeedIssue; link: SeedLink }> = [];
  for (const issue of seed.issues) {
    const links = issue.fields.issuelinks ?? [];
    issue.fields.issuelinks = links;
    for (const link of links) {
      const type = findLinkType(linkTypes, link.type);
      if (type) link.type = { ...link.type, ...type };
      const side = link.outwardIssue !== undefined ? 'outwardIssue' : 'inwardIssue';
      const ref = link[side];
      const other = ref ? resolve(ref) : undefined;
      if (!ref || !other) continue; // a link to an issue that is not in the seed: kept as written
      link[side] = { ...ref, id: other.id, key: other.key };
      const back = side === 'outwardIssue' ? 'inwardIssue' : 'outwardIssue';
      mirrors.push({ target: other, link: { id: link.id, type: link.type, [back]: { id: issue.id, key: issue.key } } });
    }
  }
  for (const { target, link } of mirrors) {
    const links = target.fields.issuelinks ?? [];
    if (!links.some((l) => l.id === link.id)) links.push(link);
    target.fields.issuelinks = links;
  }
}
