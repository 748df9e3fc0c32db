/**
 * The simulated Jira site, in memory: users, projects with per-user permissions, fields, link
 * types, issues in rank order (first = top), remote links, boards, sprints, app custom field
 * values (stored in the issues' fields, as Jira shows them) and issue properties.
 *
 * `toJSON()` produces a valid seed (issues in rank order) plus the simulator's extras, so a
 * persisted site can be loaded with `fromJSON()` or used as a seed file.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_LINK_TYPES,
  DEFAULT_SPRINT_FIELD_ID,
  sprintFieldId,
  parseSeed,
  type Seed,
  type SeedBoard,
  type SeedField,
  type SeedIssue,
  type SeedLinkType,
  type SeedProject,
  type SeedSecurityLevel,
  type SeedSprint,
  type SeedUser,
  DEFAULT_APP_ACCOUNT_ID,
} from './seed';
import { SYSTEM_FIELDS } from './system-fields';

/** The app's own user (`asApp()`); see access.ts. */
export interface SimAppUser {
  accountId: string;
  displayName: string;
  /** Project key → permissions; undefined: every project permission everywhere (the add-ons role's). */
  permissions: Record<string, string[]> | undefined;
}

/** The seed's `app`, or the default app user. */
function appUserOf(seed: Seed): SimAppUser {
  return { accountId: seed.app?.accountId ?? DEFAULT_APP_ACCOUNT_ID, displayName: seed.app?.displayName ?? 'ValueRank', permissions: seed.app?.permissions };
}

export type SimIssue = SeedIssue;

/** A comment as the simulator keeps it (rendered as the platform spec's `Comment`, routes/comments.ts). */
export interface SimComment {
  id: string;
  authorId: string;
  /** Atlassian Document Format, as posted. */
  body: unknown;
  /** Jira timestamp. */
  created: string;
  /** Comment properties (EntityProperty key → value). */
  properties: Record<string, unknown>;
}
export type SimLink = NonNullable<SeedIssue['fields']['issuelinks']>[number];
export type RemoteLink = Record<string, unknown>;

/** Marks a field as provided by a Forge app (`jira:customField`), as Jira Cloud does in `schema.custom`. */
export const APP_FIELD_PREFIX = 'ari:cloud:ecosystem::extension/';

/** The app installed on the simulated site: whose `jira:customField`s exist and who may write them. */
export interface SimApp {
  appId: string;
  environmentId: string;
  /** The environment's key as it appears in field keys, e.g. `DEVELOPMENT`. */
  environmentKey: string;
}

export interface AppFieldSpec {
  /** Module key in the app's manifest, e.g. `value-score`. */
  moduleKey: string;
  name: string;
  /** Forge custom field data type. */
  type: 'number' | 'string' | 'datetime' | 'user' | 'group' | 'object';
}

const STATE_FILE = 'jira-state.json';

export class SimState {
  /** The installed app (set by the simulator): the only caller that may write its fields. */
  app: SimApp | undefined;
  readonly users = new Map<string, SeedUser>();
  /** By project key. */
  readonly projects = new Map<string, SeedProject>();
  readonly fields: SeedField[];
  readonly linkTypes: SeedLinkType[];
  /** By issue key. */
  readonly remoteLinks = new Map<string, RemoteLink[]>();
  readonly boards: SeedBoard[];
  readonly sprints: SeedSprint[];
  /** Issue id → property key → value. */
  readonly properties = new Map<string, Map<string, unknown>>();
  /** Issue id → its comments, oldest first. */
  readonly comments = new Map<string, SimComment[]>();
  readonly config: unknown;
  readonly now: string | undefined;
  readonly appUser: SimAppUser;
  /** By id. */
  readonly securityLevels = new Map<string, SeedSecurityLevel>();
  private readonly seededApp: Seed['app'];
  private readonly byId = new Map<string, SimIssue>();
  private readonly byKey = new Map<string, SimIssue>();
  private order: string[] = [];
  private nextLinkId: number;
  private nextCommentId = 10000;
  private readonly extras: Record<string, unknown>;

  private constructor(seed: Seed) {
    const { now, users, projects, fields, issueLinkTypes, issues, remoteLinks, boards, sprints, config, app, securityLevels, ...extras } = seed;
    delete extras['issueProperties'];
    delete extras['issueComments'];
    this.extras = extras;
    this.now = now;
    this.appUser = appUserOf(seed);
    this.seededApp = app;
    for (const l of securityLevels) this.securityLevels.set(l.id, l);
    for (const u of users) this.users.set(u.accountId, u);
    for (const p of projects) this.projects.set(p.key, p);
    const seeded = new Set(fields.map((f) => f.id));
    // A site has one Sprint field: a seed that lists its own (under another id) replaces the default one.
    const ownSprint = sprintFieldId(fields) !== DEFAULT_SPRINT_FIELD_ID || seeded.has(DEFAULT_SPRINT_FIELD_ID);
    this.fields = [...SYSTEM_FIELDS.filter((f) => !seeded.has(f.id) && !(ownSprint && f.id === DEFAULT_SPRINT_FIELD_ID)), ...fields];
    this.linkTypes = issueLinkTypes ?? DEFAULT_LINK_TYPES.map((t) => ({ ...t }));
    for (const issue of issues) {
      this.byId.set(issue.id, issue);
      this.byKey.set(issue.key, issue);
      this.order.push(issue.id);
    }
    for (const [key, links] of Object.entries(remoteLinks)) this.remoteLinks.set(key, links);
    this.boards = boards;
    this.sprints = sprints;
    this.config = config;
    let maxLink = 10000;
    for (const issue of issues) for (const l of issue.fields.issuelinks ?? []) maxLink = Math.max(maxLink, Number(l.id) || 0);
    this.nextLinkId = maxLink + 1;
  }

  /** Builds a site from a seed (validated by {@link parseSeed}; throws SeedError). */
  static fromSeed(seed: unknown): SimState {
    return new SimState(parseSeed(seed));
  }

  /** Inverse of {@link toJSON}. */
  static fromJSON(json: unknown): SimState {
    const state = SimState.fromSeed(json);
    const props = (json as { issueProperties?: unknown }).issueProperties;
    if (props && typeof props === 'object') {
      for (const [issueKey, entries] of Object.entries(props as Record<string, Record<string, unknown>>)) {
        const issue = state.getIssue(issueKey);
        if (issue) state.properties.set(issue.id, new Map(Object.entries(entries)));
      }
    }
    const comments = (json as { issueComments?: unknown }).issueComments;
    if (comments && typeof comments === 'object') {
      for (const [issueKey, list] of Object.entries(comments as Record<string, SimComment[]>)) {
        const issue = state.getIssue(issueKey);
        if (!issue || !Array.isArray(list)) continue;
        state.comments.set(issue.id, list);
        for (const c of list) state.nextCommentId = Math.max(state.nextCommentId, Number(c.id) + 1);
      }
    }
    return state;
  }

  toJSON(): Record<string, unknown> {
    const issueProperties: Record<string, Record<string, unknown>> = {};
    for (const [id, props] of this.properties) {
      const issue = this.byId.get(id);
      if (issue && props.size > 0) issueProperties[issue.key] = Object.fromEntries(props);
    }
    return {
      ...this.extras,
      ...(this.now !== undefined ? { now: this.now } : {}),
      users: [...this.users.values()],
      projects: [...this.projects.values()],
      fields: this.fields,
      issueLinkTypes: this.linkTypes,
      issues: this.issuesInRankOrder(),
      remoteLinks: Object.fromEntries(this.remoteLinks),
      boards: this.boards,
      sprints: this.sprints,
      ...(this.seededApp !== undefined ? { app: this.seededApp } : {}),
      securityLevels: [...this.securityLevels.values()],
      ...(this.config !== undefined ? { config: this.config } : {}),
      issueProperties,
      issueComments: Object.fromEntries(
        [...this.comments].flatMap(([id, list]) => {
          const issue = this.byId.get(id);
          return issue && list.length > 0 ? [[issue.key, list]] : [];
        }),
      ),
    };
  }

  /** Adds a comment to the issue; returns it (ids are site-wide, as Jira's are). */
  addComment(issue: SimIssue, comment: Omit<SimComment, 'id'>): SimComment {
    const added: SimComment = { id: String(this.nextCommentId++), ...comment };
    const list = this.comments.get(issue.id) ?? [];
    list.push(added);
    this.comments.set(issue.id, list);
    return added;
  }

  /** The comment with this id and the issue it is on. */
  findComment(commentId: string): { issue: SimIssue; comment: SimComment } | undefined {
    for (const [issueId, list] of this.comments) {
      const comment = list.find((c) => c.id === commentId);
      const issue = this.byId.get(issueId);
      if (comment && issue) return { issue, comment };
    }
    return undefined;
  }

  /** Writes the site to `<dir>/jira-state.json` atomically (temp file, then rename). */
  saveTo(dir: string): void {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, STATE_FILE);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.toJSON()));
    renameSync(tmp, file);
  }

  /** The site persisted in `dir`, or undefined when there is none yet. */
  static loadFrom(dir: string): SimState | undefined {
    const file = join(dir, STATE_FILE);
    if (!existsSync(file)) return undefined;
    return SimState.fromJSON(JSON.parse(readFileSync(file, 'utf8')));
  }

  /** By id, or by key (case-insensitive, as Jira does). */
  getIssue(idOrKey: string): SimIssue | undefined {
    return this.byId.get(idOrKey) ?? this.byKey.get(idOrKey) ?? this.byKey.get(idOrKey.toUpperCase());
  }

  issuesInRankOrder(): SimIssue[] {
    return this.order.map((id) => this.byId.get(id)).filter((i): i is SimIssue => i !== undefined);
  }

  /** 0-based position in the global rank order, -1 when unknown. */
  rankIndex(): Map<string, number> {
    return new Map(this.order.map((id, i) => [id, i]));
  }

  projectOf(issue: SimIssue): SeedProject | undefined {
    return this.projects.get(issue.key.slice(0, issue.key.lastIndexOf('-')));
  }

  projectByKeyOrId(keyOrId: string): SeedProject | undefined {
    return this.projects.get(keyOrId.toUpperCase()) ?? [...this.projects.values()].find((p) => p.id === keyOrId);
  }

  /** Moves `ids` (in this order, side by side) directly before or after `anchorId`. */
  moveIssues(ids: string[], position: 'before' | 'after', anchorId: string): void {
    const moving = new Set(ids);
    const rest = this.order.filter((id) => !moving.has(id));
    const at = rest.indexOf(anchorId);
    if (at < 0) throw new Error(`anchor ${anchorId} is not ranked`);
    rest.splice(position === 'before' ? at : at + 1, 0, ...ids);
    this.order = rest;
  }

  linkType(ref: { id?: unknown; name?: unknown }): SeedLinkType | undefined {
    if (ref.id !== undefined && ref.id !== null) return this.linkTypes.find((t) => t.id === String(ref.id));
    const name = typeof ref.name === 'string' ? ref.name.toLowerCase() : undefined;
    return this.linkTypes.find((t) => t.name.toLowerCase() === name);
  }

  /** Creates `source <outward> destination` (e.g. source blocks destination) on both issues; returns the link id. */
  addLink(source: SimIssue, destination: SimIssue, type: SeedLinkType): string {
    const id = String(this.nextLinkId++);
    const t = { ...type };
    links(source).push({ id, type: t, outwardIssue: { id: destination.id, key: destination.key } });
    links(destination).push({ id, type: t, inwardIssue: { id: source.id, key: source.key } });
    return id;
  }

  /** The link with this id as seen from one of its issues, with its source (outward side) and destination. */
  findLink(linkId: string): { link: SimLink; sourceId: string; destinationId: string } | undefined {
    for (const issue of this.byId.values()) {
      const link = links(issue).find((l) => l.id === linkId);
      if (!link) continue;
      if (link.outwardIssue) return { link, sourceId: issue.id, destinationId: String(link.outwardIssue.id ?? '') };
      return { link, sourceId: String(link.inwardIssue?.id ?? ''), destinationId: issue.id };
    }
    return undefined;
  }

  removeLink(linkId: string): void {
    for (const issue of this.byId.values()) {
      const list = links(issue);
      const kept = list.filter((l) => l.id !== linkId);
      if (kept.length !== list.length) issue.fields.issuelinks = kept;
    }
  }

  field(id: string): SeedField | undefined {
    return this.fields.find((f) => f.id === id || f['key'] === id);
  }

  /** True for a Forge custom field that `app` provides (its type names the app and the environment). */
  isAppField(field: SeedField, app: SimApp): boolean {
    const schema = field['schema'] as { custom?: unknown } | undefined;
    return typeof schema?.custom === 'string' && schema.custom.startsWith(`${APP_FIELD_PREFIX}${app.appId}/${app.environmentId}/static/`);
  }

  /**
   * Declares an app custom field as deploying the app's manifest does. Forge's "Field lifecycle"
   * (developer.atlassian.com/platform/forge/manifest-reference/modules/jira-custom-field): the field's type
   * (`schema.custom`) is `ari:cloud:ecosystem::extension/{app-id}/{environment-id}/static/{module-key}`; its key,
   * as the same page's value-function payload shows it, is `{app-id}__{ENVIRONMENT}__{module-key}`.
   */
  ensureAppField(spec: AppFieldSpec, app: SimApp): SeedField {
    const type = `${APP_FIELD_PREFIX}${app.appId}/${app.environmentId}/static/${spec.moduleKey}`;
    const existing = this.fields.find((f) => (f['schema'] as { custom?: unknown } | undefined)?.custom === type);
    if (existing) return existing;
    // A data dir written before fields took Forge's real type and key holds the field as
    // `…/valuerank-sim/DEVELOPMENT/static/<module>`: it becomes this app's field, values kept, instead of a second
    // field of the same name (which would make `ORDER BY "Value score"` ambiguous).
    const legacy = this.fields.find(
      (f) => (f['schema'] as { custom?: unknown } | undefined)?.custom === `${APP_FIELD_PREFIX}valuerank-sim/DEVELOPMENT/static/${spec.moduleKey}`,
    );
    if (legacy) {
      legacy.key = `${app.appId}__${app.environmentKey}__${spec.moduleKey}`;
      (legacy['schema'] as { custom?: unknown }).custom = type;
      return legacy;
    }
    const customIds = this.fields.map((f) => Number(/^customfield_(\d+)$/.exec(f.id)?.[1] ?? 0));
    const n = Math.max(10000, ...customIds) + 1;
    const field: SeedField = {
      id: `customfield_${n}`,
      key: `${app.appId}__${app.environmentKey}__${spec.moduleKey}`,
      name: spec.name,
      custom: true,
      orderable: true,
      navigable: true,
      searchable: true,
      clauseNames: [`cf[${n}]`, spec.name],
      schema: { type: spec.type, custom: type, customId: n },
    };
    this.fields.push(field);
    return field;
  }
}

/** The issue's `fields.issuelinks`, created empty when absent. */
export function links(issue: SimIssue): SimLink[] {
  const list = issue.fields.issuelinks ?? [];
  issue.fields.issuelinks = list;
  return list;
}
