/**
 * How each JQL field of the subset reads an issue and reads a literal. Fields outside the subset
 * are refused by name.
 */
import { canBrowse, visibleIssue, type Actor } from '../access';
import { SPRINT_FIELD_TYPE, type SeedField } from '../seed';
import type { SimIssue, SimState } from '../state';
import { parseTimestamp } from '../time';
import { parseDateLiteral } from './dates';
import { JqlError, type FieldRef, type Value } from './parse';

export interface JqlContext {
  state: SimState;
  actor: Actor;
  /** Epoch ms: relative dates (`-7d`) count from here. */
  now: number;
  /** Rank positions as the search index has them (search-index.ts); default: the site's current order. */
  rank?: Map<string, number> | undefined;
}

export type FieldType = 'text' | 'number' | 'date' | 'key' | 'project' | 'statusCategory';
export type Atom = string | number;

export interface JqlField {
  /** As the user wrote it, for messages. */
  name: string;
  type: FieldType;
  raw(issue: SimIssue): unknown;
  /** Comparable values: lower-case strings for text-like types, numbers (ms for dates) otherwise. */
  atoms(issue: SimIssue): Atom[];
  /** A literal as an atom; throws JqlError when it is not valid for the field. */
  literal(value: Value & { kind: 'literal' | 'function' }): Atom;
  /** List functions the field accepts in IN (`standardIssueTypes()`), by lower-case name. */
  listFunctions?: Record<string, (issue: SimIssue) => boolean>;
}

const SUPPORTED =
  'project, statusCategory, status, issuetype, labels, key, component, fixVersion, parent, priority, created, updated, duedate, resolutiondate, sprint, custom fields';

export function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function textAtoms(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.flatMap(textAtoms);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return ['name', 'value', 'key', 'id'].filter((k) => typeof o[k] === 'string' || typeof o[k] === 'number').map((k) => String(o[k]).toLowerCase());
  }
  return [String(v).toLowerCase()];
}

const f = (issue: SimIssue, id: string): unknown => issue.fields[id];

const STATUS_CATEGORIES: Array<{ key: string; names: string[] }> = [
  { key: 'new', names: ['new', 'to do', '2'] },
  { key: 'indeterminate', names: ['indeterminate', 'in progress', '4'] },
  { key: 'done', names: ['done', 'complete', '3'] },
  { key: 'undefined', names: ['undefined', 'no category', '1'] },
];

function statusCategoryOf(issue: SimIssue): string | undefined {
  const cat = (f(issue, 'status') as { statusCategory?: { key?: unknown; name?: unknown; id?: unknown } } | undefined)?.statusCategory;
  if (!cat) return undefined;
  for (const probe of [cat.key, cat.name, cat.id]) {
    if (probe === undefined || probe === null) continue;
    const hit = STATUS_CATEGORIES.find((c) => c.names.includes(String(probe).toLowerCase()));
    if (hit) return hit.key;
  }
  return undefined;
}

function literalText(value: Value & { kind: 'literal' | 'function' }, field: string): string {
  if (value.kind === 'function') throw new JqlError(`The JQL function '${value.name}()' is not supported by the simulator for the field '${field}'.`);
  return value.text;
}

function textField(name: string, read: (i: SimIssue) => unknown): JqlField {
  return { name, type: 'text', raw: read, atoms: (i) => textAtoms(read(i)), literal: (v) => literalText(v, name).toLowerCase() };
}

function dateField(name: string, read: (i: SimIssue) => unknown, ctx: JqlContext): JqlField {
  return {
    name,
    type: 'date',
    raw: read,
    atoms: (i) => {
      const ms = parseTimestamp(read(i));
      return Number.isNaN(ms) ? [] : [ms];
    },
    literal: (v) => parseDateLiteral(v, name, ctx.now, ctx.actor),
  };
}

function numberField(name: string, read: (i: SimIssue) => unknown): JqlField {
  return {
    name,
    type: 'number',
    raw: read,
    // Odd stored values ("abc") are values, but not numbers: they match no comparison.
    atoms: (i) => {
      const v = read(i);
      return typeof v === 'number' && Number.isFinite(v) ? [v] : [];
    },
    literal: (v) => {
      const text = literalText(v, name);
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) throw new JqlError(`The value '${text}' is not a valid number for the field '${name}'.`);
      return n;
    },
  };
}

function keyParts(key: string): [string, number] {
  const at = key.lastIndexOf('-');
  return [key.slice(0, at), Number(key.slice(at + 1))];
}

function projectField(ctx: JqlContext, name: string): JqlField {
  return {
    name,
    type: 'project',
    raw: (i) => ctx.state.projectOf(i)?.key,
    atoms: (i) => [ctx.state.projectOf(i)?.key ?? ''],
    literal: (v) => {
      const text = literalText(v, name);
      const p = ctx.state.projectByKeyOrId(text) ?? [...ctx.state.projects.values()].find((x) => (x.name ?? '').toLowerCase() === text.toLowerCase());
      if (!p || !canBrowse(ctx.actor, p)) throw new JqlError(`The value '${text}' does not exist for the field 'project'.`);
      return p.key;
    },
  };
}

function keyField(ctx: JqlContext, name: string): JqlField {
  return {
    name,
    type: 'key',
    raw: (i) => i.key,
    atoms: (i) => [i.key],
    literal: (v) => {
      const text = literalText(v, name);
      const issue = visibleIssue(ctx.state, ctx.actor, text);
      if (!issue) throw new JqlError(`An issue with key '${text}' does not exist for field '${name}'.`);
      return issue.key;
    },
  };
}

function statusCategoryField(name: string): JqlField {
  return {
    name,
    type: 'statusCategory',
    raw: statusCategoryOf,
    atoms: (i) => {
      const c = statusCategoryOf(i);
      return c === undefined ? [] : [c];
    },
    literal: (v) => {
      const text = literalText(v, name);
      const hit = STATUS_CATEGORIES.find((c) => c.names.includes(text.toLowerCase()));
      if (!hit) throw new JqlError(`The value '${text}' does not exist for the field 'statusCategory'.`);
      return hit.key;
    },
  };
}

function issueTypeField(name: string): JqlField {
  const subtask = (issue: SimIssue): boolean => (f(issue, 'issuetype') as { subtask?: unknown } | undefined)?.subtask === true;
  return {
    ...textField(name, (i) => f(i, 'issuetype')),
    listFunctions: { standardissuetypes: (i) => !subtask(i), subtaskissuetypes: subtask },
  };
}

/**
 * The Sprint clause: an issue matches the sprints its Sprint field names (every sprint it was in, as Jira keeps
 * it). A literal is a sprint id, or a sprint name; one that names no sprint is an error, as in Jira
 * (support.atlassian.com "JQL fields", Sprint: "Search for issues that are assigned to a particular sprint…
 * by sprint name or ID").
 */
function sprintField(ctx: JqlContext, field: SeedField, name: string): JqlField {
  const read = (i: SimIssue): unknown => f(i, field.id);
  return {
    name,
    type: 'text',
    raw: read,
    atoms: (i) => {
      const v = read(i);
      return Array.isArray(v) ? v.flatMap((s) => (typeof s === 'object' && s !== null && 'id' in s ? [String((s as { id: unknown }).id)] : [])) : [];
    },
    literal: (v) => {
      const text = literalText(v, name).trim();
      const byId = /^\d+$/.test(text) ? ctx.state.sprints.find((s) => String(s.id) === text) : undefined;
      const hit = byId ?? ctx.state.sprints.find((s) => String(s['name'] ?? '').toLowerCase() === text.toLowerCase());
      if (!hit) throw new JqlError(`The value '${text}' does not exist for the field '${name}'.`);
      return String(hit.id);
    },
  };
}

function isSprintField(field: SeedField): boolean {
  return (field['schema'] as { custom?: unknown } | undefined)?.custom === SPRINT_FIELD_TYPE;
}

function customField(field: SeedField, name: string, ctx: JqlContext): JqlField {
  if (isSprintField(field)) return sprintField(ctx, field, name);
  const type = (field['schema'] as { type?: unknown } | undefined)?.type;
  const read = (i: SimIssue): unknown => f(i, field.id);
  if (type === 'number') return numberField(name, read);
  if (type === 'date' || type === 'datetime') return dateField(name, read, ctx);
  return textField(name, read);
}

/** Resolves a JQL field reference, or throws JqlError naming it. */
export function resolveField(ref: FieldRef, ctx: JqlContext): JqlField {
  const { state } = ctx;
  const name = ref.text;
  if (ref.customId !== undefined) {
    const field = state.field(`customfield_${ref.customId}`);
    if (!field) throw new JqlError(`Field '${name}' does not exist or you do not have permission to view it.`);
    return customField(field, name, ctx);
  }
  switch (name.toLowerCase()) {
    case 'project':
      return projectField(ctx, name);
    case 'statuscategory':
      return statusCategoryField(name);
    case 'status':
      return textField(name, (i) => f(i, 'status'));
    case 'issuetype':
    case 'type':
      return issueTypeField(name);
    case 'labels':
      return textField(name, (i) => f(i, 'labels'));
    case 'key':
    case 'issuekey':
      return keyField(ctx, name);
    case 'component':
      return textField(name, (i) => f(i, 'components'));
    case 'fixversion':
      return textField(name, (i) => f(i, 'fixVersions'));
    case 'parent':
      return textField(name, (i) => f(i, 'parent'));
    case 'priority':
      return textField(name, (i) => f(i, 'priority'));
    case 'created':
    case 'createddate':
      return dateField(name, (i) => f(i, 'created'), ctx);
    case 'updated':
    case 'updateddate':
      return dateField(name, (i) => f(i, 'updated'), ctx);
    case 'duedate':
    case 'due':
      return dateField(name, (i) => f(i, 'duedate'), ctx);
    case 'resolutiondate':
    case 'resolved':
      return dateField(name, (i) => f(i, 'resolutiondate'), ctx);
    case 'sprint': {
      const sprint = state.fields.find(isSprintField);
      if (!sprint) throw new JqlError(`Field '${name}' does not exist or you do not have permission to view it.`);
      return sprintField(ctx, sprint, name);
    }
    default:
      break;
  }
  const lower = name.toLowerCase();
  const matches = state.fields.filter((x) => (x['custom'] === true || x.id.startsWith('customfield_')) && (x.name.toLowerCase() === lower || x.id === lower));
  if (matches.length > 1)
    throw new JqlError(`The field name '${name}' is ambiguous: use ${matches.map((m) => `cf[${m.id.replace('customfield_', '')}]`).join(' or ')}.`);
  const only = matches[0];
  if (only) return customField(only, name, ctx);
  if (state.fields.some((x) => x.name.toLowerCase() === lower || x.id.toLowerCase() === lower)) {
    throw new JqlError(`The field '${name}' is not supported in JQL by the simulator (supported: ${SUPPORTED}).`);
  }
  throw new JqlError(`Field '${name}' does not exist or you do not have permission to view it.`);
}

export function keyCompare(a: string, b: string): number {
  const [pa, na] = keyParts(a);
  const [pb, nb] = keyParts(b);
  return pa < pb ? -1 : pa > pb ? 1 : na - nb;
}
