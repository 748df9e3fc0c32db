/**
 * Turns a parsed query into a predicate and a comparator.
 *
 * Semantics follow Jira: `!=` and `NOT IN` never match an empty field; a multi-value field
 * (labels) matches `=` when any value does. Sorting puts empty values after every value in
 * ascending order and before them in descending order, as Jira does. Without ORDER BY the
 * result is by key, descending. Ties keep Jira's rank order.
 */
import type { SimIssue } from '../state';
import { isEmptyValue, keyCompare, resolveField, type Atom, type JqlContext, type JqlField } from './fields';
import { JqlError, type Clause, type Query, type SortKey } from './parse';

export type Predicate = (issue: SimIssue) => boolean;
export type Comparator = (a: SimIssue, b: SimIssue) => number;

const RANGE_TYPES = new Set(['number', 'date', 'key']);

function compileCompare(clause: Extract<Clause, { kind: 'compare' }>, ctx: JqlContext): Predicate {
  const field = resolveField(clause.field, ctx);
  const { op } = clause;
  const isRange = op === '>' || op === '>=' || op === '<' || op === '<=';
  if (isRange && !RANGE_TYPES.has(field.type)) throw new JqlError(`The operator '${op}' is not supported by the '${field.name}' field.`);
  const wantsEmpty = clause.values.some((v) => v.kind === 'empty');
  if (wantsEmpty && isRange) throw new JqlError(`The operator '${op}' cannot be used with EMPTY (field '${field.name}').`);
  const fns: Array<(issue: SimIssue) => boolean> = [];
  const atoms: Atom[] = [];
  for (const v of clause.values) {
    if (v.kind === 'empty') continue;
    const listFn = v.kind === 'function' ? field.listFunctions?.[v.name.toLowerCase()] : undefined;
    if (listFn) fns.push(listFn);
    else atoms.push(field.literal(v));
  }
  const matchesAny = (issue: SimIssue): boolean => {
    if (wantsEmpty && isEmptyValue(field.raw(issue))) return true;
    if (fns.some((fn) => fn(issue))) return true;
    const have = field.atoms(issue);
    return have.some((h) => atoms.includes(h));
  };
  switch (op) {
    case '=':
    case 'in':
      return matchesAny;
    case '!=':
    case 'not in':
      return (issue) => (wantsEmpty || !isEmptyValue(field.raw(issue))) && !matchesAny(issue);
    default: {
      const target = atoms[0] ?? 0;
      const cmp = field.type === 'key' ? (h: Atom) => keyCompareSameProject(String(h), String(target)) : (h: Atom) => Number(h) - Number(target);
      const test = { '>': (d: number) => d > 0, '>=': (d: number) => d >= 0, '<': (d: number) => d < 0, '<=': (d: number) => d <= 0 }[op];
      return (issue) =>
        field.atoms(issue).some((h) => {
          const d = cmp(h);
          return !Number.isNaN(d) && test(d);
        });
    }
  }
}

/** Key ranges compare within a project only (`key > PRJ-10` never matches OTHER-11). */
function keyCompareSameProject(a: string, b: string): number {
  const pa = a.slice(0, a.lastIndexOf('-'));
  const pb = b.slice(0, b.lastIndexOf('-'));
  return pa === pb ? keyCompare(a, b) : Number.NaN;
}

export function compileWhere(clause: Clause, ctx: JqlContext): Predicate {
  switch (clause.kind) {
    case 'and': {
      const parts = clause.clauses.map((c) => compileWhere(c, ctx));
      return (i) => parts.every((p) => p(i));
    }
    case 'or': {
      const parts = clause.clauses.map((c) => compileWhere(c, ctx));
      return (i) => parts.some((p) => p(i));
    }
    case 'not': {
      const inner = compileWhere(clause.clause, ctx);
      return (i) => !inner(i);
    }
    case 'is-empty': {
      const field = resolveField(clause.field, ctx);
      return (i) => isEmptyValue(field.raw(i)) !== clause.negated;
    }
    case 'compare':
      return compileCompare(clause, ctx);
  }
}

type SortValue = number | string | undefined;

function sortReader(key: SortKey, ctx: JqlContext, rank: Map<string, number>): { read: (i: SimIssue) => SortValue; byKey: boolean } {
  const lower = key.field.text.toLowerCase();
  if (key.field.customId === undefined && lower === 'rank') return { read: (i) => rank.get(i.id), byKey: false };
  if (key.field.customId === undefined && (lower === 'key' || lower === 'issuekey')) return { read: (i) => i.key, byKey: true };
  let field: JqlField | undefined;
  try {
    field = resolveField(key.field, ctx);
  } catch (e) {
    if (!(e instanceof JqlError) || !/not supported/.test(e.message)) throw e;
  }
  const isSystemDate = ['created', 'updated', 'createddate', 'updateddate'].includes(lower);
  if (!field || !(field.type === 'number' || (field.type === 'date' && isSystemDate))) {
    throw new JqlError(`ORDER BY '${key.field.text}' is not supported by the simulator (supported: Rank, created, updated, key, number fields).`);
  }
  const f = field;
  return { read: (i) => f.atoms(i)[0], byKey: false };
}

export function compileOrder(orderBy: SortKey[], ctx: JqlContext): Comparator {
  const rank = ctx.rank ?? ctx.state.rankIndex();
  const keys = orderBy.length > 0 ? orderBy : [{ field: { text: 'key' }, direction: 'desc' as const }];
  const readers = keys.map((k) => ({ ...sortReader(k, ctx, rank), desc: k.direction === 'desc' }));
  return (a, b) => {
    for (const r of readers) {
      const va = r.read(a);
      const vb = r.read(b);
      if (va === vb) continue;
      // Empty sorts as the greatest value: last ascending, first descending.
      let d: number;
      if (va === undefined) d = 1;
      else if (vb === undefined) d = -1;
      else if (r.byKey) d = keyCompare(String(va), String(vb));
      else d = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va) < String(vb) ? -1 : 1;
      if (d !== 0) return r.desc ? -d : d;
    }
    return (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0);
  };
}

export function compileQuery(query: Query, ctx: JqlContext): { predicate: Predicate; compare: Comparator } {
  const predicate: Predicate = query.where ? compileWhere(query.where, ctx) : () => true;
  return { predicate, compare: compileOrder(query.orderBy, ctx) };
}
