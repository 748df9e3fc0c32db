/**
 * Checks a response against the response schema in Atlassian's OpenAPI spec: the part of the Jira platform and
 * Jira Software specs this repository keeps in test/contract/openapi (Apache-2.0; scripts/cut-openapi.mjs cuts it).
 * Checks what matters for compatibility: types, required properties and, where the schema is
 * closed (`additionalProperties: false`), no properties Jira would not send.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

type Schema = Record<string, unknown>;

const SPECS = { platform: 'jira-platform.openapi.json', agile: 'jira-software.openapi.json' } as const;

export const openapiDir = resolve(__dirname, '../../contract/openapi');
const cache = new Map<string, Schema>();

export function spec(name: keyof typeof SPECS): Schema {
  const hit = cache.get(name);
  if (hit) return hit;
  const loaded = JSON.parse(readFileSync(join(openapiDir, SPECS[name]), 'utf8')) as Schema;
  cache.set(name, loaded);
  return loaded;
}

export function responseSchema(which: keyof typeof SPECS, method: string, path: string, status: string): { root: Schema; schema: Schema } {
  const root = spec(which);
  const op = ((root['paths'] as Schema)[path] as Schema | undefined)?.[method.toLowerCase()] as Schema | undefined;
  if (!op) throw new Error(`No ${method} ${path} in the ${which} spec cut (test/contract/openapi; scripts/cut-openapi.mjs adds paths)`);
  const content = ((op['responses'] as Schema | undefined)?.[status] as Schema | undefined)?.['content'] as Schema | undefined;
  const schema = (content?.['application/json'] as Schema | undefined)?.['schema'] as Schema | undefined;
  if (!schema) throw new Error(`No ${status} JSON schema for ${method} ${path} in the ${which} spec`);
  return { root, schema };
}

/** The schema behind any `$ref`s (with `allOf` parts merged), and the name of the last component it came from. */
function resolveRef(root: Schema, schema: Schema, name: string): { s: Schema; name: string } {
  let s = schema;
  let at = name;
  while (typeof s['$ref'] === 'string') {
    const parts = (s['$ref'] as string).replace(/^#\//, '').split('/');
    at = parts[parts.length - 1] ?? at;
    s = parts.reduce<Schema>((acc, p) => acc[p] as Schema, root);
  }
  if (Array.isArray(s['allOf'])) {
    const merged: Schema = { ...s };
    delete merged['allOf'];
    for (const part of s['allOf'] as Schema[]) {
      const r = resolveRef(root, part, at);
      Object.assign(merged, r.s, { properties: { ...(merged['properties'] as Schema | undefined), ...(r.s['properties'] as Schema | undefined) } });
    }
    return { s: merged, name: at };
  }
  return { s, name: at };
}

function deref(root: Schema, schema: Schema): Schema {
  return resolveRef(root, schema, '').s;
}
function typeOk(type: unknown, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    default:
      return true;
  }
}

export interface CheckOptions {
  /**
   * Strict: an object schema that does not declare `additionalProperties` is closed too (Jira's specs often leave
   * it out; a reply must still carry only what the schema names). Where a schema does declare an open map
   * (`additionalProperties: true | {} | schema`), extra properties pass and the map is recorded in `openMaps`
   * (as `Component.property`), so a test can say which open maps it relies on.
   */
  strict?: boolean;
  openMaps?: Set<string>;
  /** False: skip `required` (for a request-and-reply component such as IssueLink, whose reply has one side only). */
  required?: boolean;
}

/** Problems found, as `path: message`; empty when the value fits. */
export function check(root: Schema, schema: Schema, value: unknown, path = '$', options: CheckOptions = {}, where = ''): string[] {
  const { s, name } = resolveRef(root, schema, where);
  if (value === null && s['nullable'] === true) return [];
  for (const key of ['oneOf', 'anyOf'] as const) {
    const alternatives = s[key];
    if (Array.isArray(alternatives) && alternatives.length > 0) {
      const tries = (alternatives as Schema[]).map((alt) => check(root, alt, value, path, { ...options, openMaps: new Set() }, name));
      const fit = tries.findIndex((t) => t.length === 0);
      if (fit >= 0) return check(root, (alternatives as Schema[])[fit] as Schema, value, path, options, name);
      return tries.sort((a, b) => a.length - b.length)[0] ?? [];
    }
  }
  if (!typeOk(s['type'], value)) return [`${path}: expected ${String(s['type'])}, got ${JSON.stringify(value)?.slice(0, 60)}`];
  const problems: string[] = [];
  if (Array.isArray(value) && s['items'])
    value.forEach((v, i) => problems.push(...check(root, s['items'] as Schema, v, `${path}[${i}]`, options, `${name}[]`)));
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (s['properties'] ?? {}) as Record<string, Schema>;
    const extra = s['additionalProperties'];
    const described = Object.keys(props).length > 0 || extra !== undefined || s['type'] === 'object';
    if (options.required !== false) for (const req of (s['required'] ?? []) as string[]) if (!(req in obj)) problems.push(`${path}.${req}: required`);
    for (const [k, v] of Object.entries(obj)) {
      const prop = props[k];
      if (prop) problems.push(...check(root, prop, v, `${path}.${k}`, options, `${name}.${k}`));
      else if (extra === false || (options.strict === true && extra === undefined && described)) {
        if (extra === false ? Object.keys(props).length > 0 : true) problems.push(`${path}.${k}: not in the schema (${name || 'inline'})`);
      } else if (extra !== undefined) {
        options.openMaps?.add(name);
        if (typeof extra === 'object' && extra !== null) problems.push(...check(root, extra as Schema, v, `${path}.${k}`, options, `${name}{}`));
      }
    }
  }
  return problems;
}

export function checkResponse(which: keyof typeof SPECS, method: string, path: string, status: string, body: unknown, options: CheckOptions = {}): string[] {
  const { root, schema } = responseSchema(which, method, path, status);
  return check(root, schema, body, '$', options);
}

/** The JSON example of a response, for the replies the spec describes by example only. */
export function exampleOf(which: keyof typeof SPECS, method: string, path: string, status: string): unknown {
  const root = spec(which);
  const op = ((root['paths'] as Schema)[path] as Schema | undefined)?.[method.toLowerCase()] as Schema | undefined;
  const content = ((op?.['responses'] as Schema | undefined)?.[status] as Schema | undefined)?.['content'] as Schema | undefined;
  return (content?.['application/json'] as Schema | undefined)?.['example'];
}

/** The named component schema of a spec (e.g. `IssueLink`), for values the spec only types as an open map. */
export function componentSchema(which: keyof typeof SPECS, name: string): { root: Schema; schema: Schema } {
  const root = spec(which);
  const schema = ((root['components'] as Schema)['schemas'] as Schema)[name] as Schema | undefined;
  if (!schema) throw new Error(`No component ${name} in the ${which} spec`);
  return { root, schema: { $ref: `#/components/schemas/${name}` } };
}

/** The JSON request-body schema of an operation, or null when it takes none. */
export function requestSchema(which: keyof typeof SPECS, method: string, path: string): { root: Schema; schema: Schema } | null {
  const root = spec(which);
  const op = ((root['paths'] as Schema)[path] as Schema | undefined)?.[method.toLowerCase()] as Schema | undefined;
  if (!op) throw new Error(`No ${method} ${path} in the ${which} spec cut (test/contract/openapi; scripts/cut-openapi.mjs adds paths)`);
  const content = (op['requestBody'] as Schema | undefined)?.['content'] as Schema | undefined;
  const schema = (content?.['application/json'] as Schema | undefined)?.['schema'] as Schema | undefined;
  return schema ? { root, schema } : null;
}

/** Names of the query parameters an operation declares. */
export function queryParameters(which: keyof typeof SPECS, method: string, path: string): string[] {
  const root = spec(which);
  const op = ((root['paths'] as Schema)[path] as Schema | undefined)?.[method.toLowerCase()] as Schema | undefined;
  const params = [
    ...((((root['paths'] as Schema)[path] as Schema)['parameters'] as Schema[] | undefined) ?? []),
    ...((op?.['parameters'] as Schema[] | undefined) ?? []),
  ];
  return params
    .map((p) => deref(root, p))
    .filter((p) => p['in'] === 'query')
    .map((p) => String(p['name']));
}

/** The example request body Atlassian's spec gives for an operation (a fresh copy, free to change). */
export function requestExample(which: keyof typeof SPECS, method: string, path: string): Record<string, unknown> {
  const op = ((spec(which)['paths'] as Schema)[path] as Schema | undefined)?.[method.toLowerCase()] as Schema | undefined;
  const content = ((op?.['requestBody'] as Schema | undefined)?.['content'] as Schema | undefined)?.['application/json'] as Schema | undefined;
  const example = content?.['example'];
  if (example === null || typeof example !== 'object') throw new Error(`No example request body for ${method} ${path} in the ${which} spec cut`);
  return structuredClone(example) as Record<string, unknown>;
}
