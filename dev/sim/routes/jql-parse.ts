/**
 * `POST /rest/api/3/jql/parse` (platform spec, operationId `parseJqlQueries`): parses and validates JQL queries
 * in the context of the acting user, with the simulator's JQL parser (jql/parse.ts) and its field rules
 * (jql/compile.ts, which also refuses projects the user cannot see, as Jira does).
 *
 * `validation` (required by the spec): `strict` returns every error and no structure when there is one; `warn`
 * returns the errors and, when the query is well formed, its structure; `none` validates nothing and returns the
 * structure of a well-formed query. The reply is `ParsedJqlQueries`: per query `query`, and `errors` or
 * `structure` (`JqlQuery`: `where`, `orderBy`).
 */
import { compileQuery } from '../jql/compile';
import { JqlError, parseJql, type Clause, type FieldRef, type Query, type Value } from '../jql/parse';
import { badRequest, bodyObject, type RequestContext, type Reply, type Route } from '../http';

type Json = Record<string, unknown>;
const VALIDATIONS = new Set(['strict', 'warn', 'none']);

/** A name or value as JQL needs it written: quoted (with `"` and `\` escaped) unless it is a plain word. */
function encoded(text: string): string {
  return /^[A-Za-z0-9_.\-[\]]+$/.test(text) ? text : `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function field(f: FieldRef): Json {
  return { name: f.text, encodedName: f.customId === undefined ? encoded(f.text) : f.text };
}

function unitary(v: Value): Json {
  if (v.kind === 'empty') return { keyword: 'empty' };
  if (v.kind === 'function') return { function: v.name, arguments: v.args, encodedOperand: `${v.name}(${v.args.map(encoded).join(', ')})` };
  return { value: v.text, encodedValue: v.quoted ? encoded(v.text) : v.text };
}

function operand(op: string, values: Value[]): Json {
  const [only] = values;
  if ((op === 'in' || op === 'not in') && !(values.length === 1 && only?.kind === 'function')) {
    const list = values.map(unitary);
    return { values: list, encodedOperand: `(${values.map((v) => String(unitary(v).encodedValue ?? unitary(v).encodedOperand ?? 'EMPTY')).join(', ')})` };
  }
  return only === undefined ? { keyword: 'empty' } : unitary(only);
}

function clause(c: Clause): Json {
  switch (c.kind) {
    case 'and':
    case 'or':
      return { operator: c.kind, clauses: c.clauses.map(clause) };
    case 'not':
      return { operator: 'not', clauses: [clause(c.clause)] };
    case 'compare':
      return { field: field(c.field), operator: c.op, operand: operand(c.op, c.values) };
    case 'is-empty':
      return { field: field(c.field), operator: c.negated ? 'is not' : 'is', operand: { keyword: 'empty' } };
  }
}

function structure(q: Query): Json {
  return {
    ...(q.where === undefined ? {} : { where: clause(q.where) }),
    ...(q.orderBy.length === 0
      ? {}
      : { orderBy: { fields: q.orderBy.map((k) => ({ field: field(k.field), ...(k.direction === undefined ? {} : { direction: k.direction }) })) } }),
  };
}

function parseOne(ctx: RequestContext, jql: string, validation: string): Json {
  let query: Query;
  try {
    query = parseJql(jql);
  } catch (e) {
    if (e instanceof JqlError) return { query: jql, errors: [e.message] };
    throw e;
  }
  if (validation !== 'none') {
    try {
      compileQuery(query, { state: ctx.sim.state, actor: ctx.actor, now: ctx.sim.now() });
    } catch (e) {
      if (!(e instanceof JqlError)) throw e;
      return validation === 'strict' ? { query: jql, errors: [e.message] } : { query: jql, structure: structure(query), errors: [e.message] };
    }
  }
  return { query: jql, structure: structure(query) };
}

function parseQueries(ctx: RequestContext): Reply {
  const validation = ctx.url.searchParams.get('validation');
  if (validation === null) throw badRequest("The 'validation' parameter is required.");
  if (!VALIDATIONS.has(validation)) throw badRequest(`The value '${validation}' is not valid for 'validation': use strict, warn or none.`);
  const b = bodyObject(ctx.body);
  const queries = b['queries'];
  if (!Array.isArray(queries) || queries.length === 0) throw badRequest("The 'queries' property must be a list of at least one query.");
  if (!queries.every((q): q is string => typeof q === 'string' && q.length > 0)) throw badRequest("Each of 'queries' must be a non-empty string.");
  return { status: 200, body: { queries: queries.map((q) => parseOne(ctx, q, validation)) } };
}

export const jqlParseRoutes: Route[] = [{ method: 'POST', template: '/rest/api/3/jql/parse', handler: parseQueries }];
