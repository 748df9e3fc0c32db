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

function deref(root: Schema, schema: Schema): Schema {
  let s = schema;
  while (typeof s['$ref'] === 'string') {
    const parts = (s['$ref'] as string).replace(/^#\//, '').split('/');
    s = parts.reduce<Schema>((acc, p) => acc[p] as Schema, root);
  }
  if (Array.isArray(s['allOf'])) {
    const merged: Schema = { ...s };
    delete merged['allOf'];
    for (const part of s['allOf'] as Schema[]) Object.assign(merged, deref(root, part));
    return merged;
  }
  return s;
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

/** Problems found, as `path: message`; empty when the value fits. */
export function check(root: Schema, schema: Schema, value: unknown, path = '$'): string[] {
  const s = deref(root, schema);
  if (value === null && s['nullable'] === true) return [];
  if (!typeOk(s['type'], value)) return [`${path}: expected ${String(s['type'])}, got ${JSON.stringify(value)?.slice(0, 60)}`];
  const problems: string[] = [];
  if (Array.isArray(value) && s['items']) value.forEach((v, i) => problems.push(...check(root, s['items'] as Schema, v, `${path}[${i}]`)));
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (s['properties'] ?? {}) as Record<string, Schema>;
    for (const req of (s['required'] ?? []) as string[]) if (!(req in obj)) problems.push(`${path}.${req}: required`);
    for (const [k, v] of Object.entries(obj)) {
      const prop = props[k];
      if (prop) problems.push(...check(root, prop, v, `${path}.${k}`));
      else if (s['additionalProperties'] === false && Object.keys(props).length > 0) problems.push(`${path}.${k}: not in the schema`);
      else if (s['additionalProperties'] && typeof s['additionalProperties'] === 'object')
        problems.push(...check(root, s['additionalProperties'] as Schema, v, `${path}.${k}`));
    }
  }
  return problems;
}

export function checkResponse(which: keyof typeof SPECS, method: string, path: string, status: string, body: unknown): string[] {
  const { root, schema } = responseSchema(which, method, path, status);
  return check(root, schema, body);
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
