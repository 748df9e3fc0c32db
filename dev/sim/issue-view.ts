/**
 * An issue as Jira returns it (IssueBean), with the `fields` selection rules of the v3 API:
 * `*all`, `*navigable`, field ids (or keys), `-field` to exclude, and `id` alone for ids only.
 */
import { canSee, type Actor } from './access';
import { badRequest } from './http';
import type { SimIssue, SimState } from './state';

export interface FieldSelection {
  /** Only `id` (and `key`) requested: search/jql answers with bare ids. */
  idsOnly: boolean;
  wantsKey: boolean;
  all: boolean;
  navigable: boolean;
  include: Set<string>;
  exclude: Set<string>;
}

export function parseFieldSelection(requested: string[] | undefined, fallback: '*all' | '*navigable' | 'id'): FieldSelection {
  const names = requested && requested.length > 0 ? requested : [fallback];
  const sel: FieldSelection = { idsOnly: false, wantsKey: false, all: false, navigable: false, include: new Set(), exclude: new Set() };
  for (const name of names) {
    if (name === '*all') sel.all = true;
    else if (name === '*navigable') sel.navigable = true;
    else if (name.startsWith('-')) sel.exclude.add(name.slice(1));
    else if (name === 'key') sel.wantsKey = true;
    else if (name !== 'id') sel.include.add(name);
  }
  sel.idsOnly = !sel.all && !sel.navigable && sel.include.size === 0;
  return sel;
}

function wanted(state: SimState, sel: FieldSelection, fieldId: string): boolean {
  if (sel.exclude.has(fieldId)) return false;
  if (sel.all || sel.include.has(fieldId)) return true;
  const def = state.field(fieldId);
  if (def?.['key'] !== undefined && sel.include.has(String(def['key']))) return true;
  return sel.navigable && def?.['navigable'] !== false;
}

/**
 * Linked issues carry a fresh summary, status, priority and issue type, as Jira shows them. A link to an issue the
 * viewer cannot see (another project's, or one in a security level they are not in) is left out, as Jira leaves it
 * out of the issue's view.
 */
function renderLinks(state: SimState, viewer: Actor, value: unknown, baseUrl: string): unknown {
  if (!Array.isArray(value)) return value;
  const shown = value.filter((raw: unknown) => {
    if (raw === null || typeof raw !== 'object') return true;
    const link = raw as Record<string, unknown>;
    const ref = (link['outwardIssue'] ?? link['inwardIssue']) as { id?: unknown; key?: unknown } | undefined;
    const other = ref ? state.getIssue(String(ref.id ?? ref.key ?? '')) : undefined;
    return other === undefined || canSee(state, viewer, other);
  });
  return shown.map((raw: unknown) => {
    if (raw === null || typeof raw !== 'object') return raw;
    const link = { ...(raw as Record<string, unknown>) };
    link['self'] = `${baseUrl}/rest/api/3/issueLink/${String(link['id'])}`;
    for (const side of ['inwardIssue', 'outwardIssue']) {
      const ref = link[side] as { id?: unknown; key?: unknown } | undefined;
      if (!ref) continue;
      const other = state.getIssue(String(ref.id ?? ref.key ?? ''));
      if (!other) continue;
      const f = other.fields;
      link[side] = {
        id: other.id,
        key: other.key,
        self: `${baseUrl}/rest/api/3/issue/${other.id}`,
        fields: { summary: f['summary'], status: f['status'], priority: f['priority'], issuetype: f['issuetype'] },
      };
    }
    return link;
  });
}

/** The issue's security level as Jira shows it (SecurityLevel: self, id, name, description). */
function renderSecurity(state: SimState, value: unknown, baseUrl: string): unknown {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  const level = id === undefined ? undefined : state.securityLevels.get(String(id));
  if (level === undefined) return value;
  return { self: `${baseUrl}/rest/api/3/securitylevel/${level.id}`, id: level.id, name: level.name, description: level.description ?? '' };
}

export interface RenderOptions {
  /** Who looks: links to issues they cannot see are left out. */
  viewer: Actor;
  properties?: string[] | undefined;
  expand?: string[] | undefined;
}

export function renderIssue(state: SimState, issue: SimIssue, sel: FieldSelection, baseUrl: string, options: RenderOptions): Record<string, unknown> {
  if (sel.idsOnly && !sel.wantsKey && !options.properties?.length) return { id: issue.id };
  const fields: Record<string, unknown> = {};
  if (!sel.idsOnly) {
    for (const [id, value] of Object.entries(issue.fields)) {
      if (!wanted(state, sel, id)) continue;
      fields[id] = id === 'issuelinks' ? renderLinks(state, options.viewer, value, baseUrl) : id === 'security' ? renderSecurity(state, value, baseUrl) : value;
    }
  }
  const out: Record<string, unknown> = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${baseUrl}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    // Values are the state's own (not copies): every reply is serialised by sendReply in the same synchronous
    // step that renders it, so nothing can change them in between, and a deep copy per issue would only cost time.
    fields,
  };
  if (options.expand?.includes('names')) {
    out['names'] = Object.fromEntries(Object.keys(fields).map((id) => [id, state.field(id)?.name ?? id]));
  }
  if (options.expand?.includes('schema')) {
    out['schema'] = Object.fromEntries(
      Object.keys(fields).flatMap((id) => {
        const schema = state.field(id)?.['schema'];
        return schema === undefined ? [] : [[id, schema]];
      }),
    );
  }
  if (options.properties && options.properties.length > 0) {
    const props = state.properties.get(issue.id);
    const all = options.properties.includes('*all');
    out['properties'] = Object.fromEntries([...(props ?? new Map<string, unknown>())].filter(([k]) => all || options.properties?.includes(k)));
  }
  return out;
}

/** Jira's `expand` is a comma list in query strings and GET search, an array in bulkfetch. */
export function expandList(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'string')
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  if (Array.isArray(raw) && raw.every((x) => typeof x === 'string')) return raw.flatMap((s: string) => s.split(',')).map((s) => s.trim());
  throw badRequest("'expand' must be a string or an array of strings.");
}
