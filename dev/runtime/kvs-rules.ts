/**
 * Forge KVS limits and condition semantics, as the hosted service enforces them.
 *
 * Sources: developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs (key length and regex,
 * MAX_SIZE, MAX_DEPTH (32)), /platform/forge/limits-kvs-ce (value 240 KiB, key 500), /storage-reference/batchops
 * ("a single kvs.batchSet operation can be a payload of 4MB, similar to transactions") and /transactions. Codes
 * the docs name are used verbatim; where the docs name none (a failed condition, an existing key under
 * FAIL_IF_EXISTS, an oversized batch) the code is this runtime's choice and is listed in dev/runtime/README.md.
 */

/** A KVS failure as the service reports it: HTTP status plus the `{ code, message }` body @forge/kvs parses. */
export class KvsServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'KvsServiceError';
  }
}

/** 240 KiB: the largest value, measured as the UTF-8 bytes of its JSON serialisation. */
export const MAX_VALUE_BYTES = 240 * 1024;
/** Deepest nesting of objects/arrays a value may have. */
export const MAX_VALUE_DEPTH = 32;
/** Longest key, in characters. */
export const MAX_KEY_LENGTH = 500;
/** Most items in one batch call, and most operations in one transaction. */
export const MAX_BATCH_ITEMS = 25;
/**
 * Largest batchSet or transaction request, in bytes of its JSON body. The docs say "4MB"; the less forgiving
 * reading (decimal megabytes) is taken, so 25 values near the 240 KiB limit do not fit one batch.
 */
export const MAX_REQUEST_BYTES = 4_000_000;
/** Largest page a query may ask for; the default page when it asks for none. */
export const MAX_QUERY_LIMIT = 100;
export const DEFAULT_QUERY_LIMIT = 10;
/** Entity names are 3–60 characters. */
const ENTITY_NAME_LENGTH = { min: 3, max: 60 };

/** Letters, digits, `: . _ - #` and whitespace, but not only whitespace. */
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s#-]+$/;

export function checkKey(key: unknown): string {
  if (typeof key !== 'string' || key.length === 0) {
    throw new KvsServiceError(400, 'KEY_TOO_SHORT', 'The provided key needs to be at least one character.');
  }
  if (key.length > MAX_KEY_LENGTH) {
    throw new KvsServiceError(400, 'KEY_TOO_LONG', `The provided key has exceeded the maximum ${MAX_KEY_LENGTH} characters.`);
  }
  if (!KEY_PATTERN.test(key)) {
    throw new KvsServiceError(400, 'INVALID_KEY', `The provided key does not match the regex: ${KEY_PATTERN.source}`);
  }
  return key;
}

export function checkEntityName(name: unknown): string {
  if (typeof name !== 'string' || name.length < ENTITY_NAME_LENGTH.min) {
    throw new KvsServiceError(400, 'ENTITY_TYPE_TOO_SHORT', 'The entity name needs to be at least 3 characters.');
  }
  if (name.length > ENTITY_NAME_LENGTH.max) {
    throw new KvsServiceError(400, 'ENTITY_TYPE_TOO_LARGE', 'The entity name has exceeded the maximum 60 characters.');
  }
  return name;
}

export function checkValue(value: unknown): void {
  if (value === undefined) {
    throw new KvsServiceError(400, 'INVALID_VALUE', 'A value is required.');
  }
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > MAX_VALUE_BYTES) {
    throw new KvsServiceError(400, 'MAX_SIZE', `The provided value has exceeded the maximum size limit (${bytes} > ${MAX_VALUE_BYTES} bytes).`);
  }
  if (depthOf(value) > MAX_VALUE_DEPTH) {
    throw new KvsServiceError(400, 'MAX_DEPTH', `The provided value has exceeded the maximum object depth (${MAX_VALUE_DEPTH}) limit.`);
  }
}

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let deepest = 0;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child));
  return deepest + 1;
}

export function checkBatchSize(items: unknown): unknown[] {
  if (!Array.isArray(items) || items.length === 0) {
    throw new KvsServiceError(400, 'INVALID_REQUEST', 'A batch must contain at least one item.');
  }
  if (items.length > MAX_BATCH_ITEMS) {
    throw new KvsServiceError(400, 'INVALID_REQUEST', `A batch can contain at most ${MAX_BATCH_ITEMS} items (got ${items.length}).`);
  }
  return items;
}

export function checkRequestSize(body: unknown): void {
  const bytes = Buffer.byteLength(JSON.stringify(body) ?? '', 'utf8');
  if (bytes > MAX_REQUEST_BYTES) {
    throw new KvsServiceError(400, 'MAX_SIZE', `The request is ${bytes} bytes; a batch or transaction may carry at most ${MAX_REQUEST_BYTES}.`);
  }
}

const TTL_UNIT_MS = { SECONDS: 1_000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;

/** `{ ttl: { value, unit } }` → the ISO expiry time, or undefined when no TTL was asked for. */
export function expiryOf(options: unknown, nowMs: number): string | undefined {
  const ttl = (options as { ttl?: { value?: unknown; unit?: unknown } } | undefined)?.ttl;
  if (!ttl) return undefined;
  const unitMs = TTL_UNIT_MS[ttl.unit as keyof typeof TTL_UNIT_MS];
  if (typeof ttl.value !== 'number' || !(ttl.value > 0) || unitMs === undefined) {
    throw new KvsServiceError(400, 'INVALID_TTL', 'ttl needs a positive value and a unit of SECONDS, MINUTES, HOURS or DAYS.');
  }
  return new Date(nowMs + ttl.value * unitMs).toISOString();
}

/** One clause as @forge/kvs sends it: `{ property, condition, values }`. */
interface Clause {
  property: string;
  condition: string;
  values: unknown[];
}

/**
 * Evaluates transaction conditions (`{ and: Clause[] }` or `{ or: Clause[] }`) against an entity's current value;
 * a missing entity has no properties, so only NOT_EXISTS clauses hold for it.
 */
export function conditionsHold(conditions: unknown, current: unknown): boolean {
  if (conditions === undefined || conditions === null) return true;
  const group = conditions as { and?: Clause[]; or?: Clause[] };
  const record = current !== null && typeof current === 'object' ? (current as Record<string, unknown>) : {};
  if (Array.isArray(group.and)) return group.and.every((clause) => clauseHolds(clause, record[clause.property]));
  if (Array.isArray(group.or)) return group.or.some((clause) => clauseHolds(clause, record[clause.property]));
  throw new KvsServiceError(400, 'INVALID_REQUEST', 'conditions must be { and: [...] } or { or: [...] }.');
}

function clauseHolds({ condition, values }: Clause, actual: unknown): boolean {
  const [first, second] = values;
  const comparable = typeof actual === 'string' || typeof actual === 'number';
  switch (condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return actual !== undefined && actual === first;
    case 'NOT_EQUAL_TO':
      return actual !== first;
    case 'BEGINS_WITH':
      return typeof actual === 'string' && actual.startsWith(String(first));
    case 'CONTAINS':
      return contains(actual, first);
    case 'NOT_CONTAINS':
      return actual !== undefined && !contains(actual, first);
    case 'GREATER_THAN':
      return comparable && typeof first === typeof actual && (actual as never) > (first as never);
    case 'GREATER_THAN_EQUAL_TO':
      return comparable && typeof first === typeof actual && (actual as never) >= (first as never);
    case 'LESS_THAN':
      return comparable && typeof first === typeof actual && (actual as never) < (first as never);
    case 'LESS_THAN_EQUAL_TO':
      return comparable && typeof first === typeof actual && (actual as never) <= (first as never);
    case 'BETWEEN':
      return comparable && typeof first === typeof actual && (actual as never) >= (first as never) && (actual as never) <= (second as never);
    default:
      throw new KvsServiceError(400, 'INVALID_REQUEST', `Unknown condition '${condition}'.`);
  }
}

function contains(actual: unknown, needle: unknown): boolean {
  if (typeof actual === 'string') return actual.includes(String(needle));
  if (Array.isArray(actual)) return actual.includes(needle);
  return false;
}
