/**
 * The local Forge Key-Value Store: answers the HTTP protocol that the unmodified `@forge/kvs` package speaks
 * (`POST /api/v1/get`, `/set`, `/delete`, `/query`, `/batch/*`, `/transaction`, `/secret/*`, `/entity/get|set|delete`),
 * with the hosted service's limits and error bodies, so the package raises its own `ForgeKvsAPIError`s.
 *
 * State lives in memory; with `dir` every change is also written to disk (see kvs-disk.ts) before the call
 * returns, so a new store on the same directory sees it. Each request is applied to memory in one synchronous
 * step, which makes transactions atomic with respect to every other request.
 */
import { SerialQueue } from './atomic-write';
import { KvsDisk, type KvsChange, type KvsRecord } from './kvs-disk';
import {
  KvsServiceError,
  checkBatchSize,
  checkEntityName,
  checkKey,
  checkRequestSize,
  checkValue,
  conditionsHold,
  expiryOf,
  DEFAULT_QUERY_LIMIT,
  MAX_BATCH_ITEMS,
  MAX_QUERY_LIMIT,
} from './kvs-rules';

/** What the store answers: an HTTP status and an optional JSON body (no body → empty response). */
export interface KvsReply {
  status: number;
  body?: unknown;
}

export interface KvsStoreOptions {
  /** Data directory; records go to `<dir>/kvs/`. Absent → memory only. */
  dir?: string;
  /** Clock in epoch ms (TTL expiry, createdAt/updatedAt). Default `Date.now`. */
  now?: () => number;
}

type Body = Record<string, unknown>;
/** The outcome of applying one request to memory: the reply and the changes to persist before replying. */
type Outcome = { reply: KvsReply; changes: KvsChange[] };

const done = (reply: KvsReply, changes: KvsChange[] = []): Outcome => ({ reply, changes });
const NO_CONTENT: KvsReply = { status: 204 };

export class KvsStore {
  private readonly records = new Map<string, KvsRecord>();
  private readonly disk: KvsDisk | undefined;
  private readonly writes = new SerialQueue();
  private readonly now: () => number;

  constructor(options: KvsStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.disk = options.dir === undefined ? undefined : new KvsDisk(options.dir);
    for (const record of this.disk?.loadSync() ?? []) this.records.set(slot(record.ns, record.key), record);
  }

  /** Serves one `@forge/kvs` request: `path` like `/api/v1/set`, `body` the parsed JSON request body. */
  async handle(path: string, body: unknown): Promise<KvsReply> {
    let outcome: Outcome;
    try {
      outcome = this.apply(path, body);
    } catch (error) {
      if (error instanceof KvsServiceError) return { status: error.status, body: { code: error.code, message: error.message } };
      const message = error instanceof Error ? error.message : String(error);
      return { status: 500, body: { code: 'INTERNAL_SERVER_ERROR', message } };
    }
    const { disk } = this;
    if (disk && outcome.changes.length > 0) await this.writes.run(() => disk.commit(outcome.changes));
    return outcome.reply;
  }

  /** Resolves when every change accepted so far is on disk. */
  flush(): Promise<void> {
    return this.writes.idle();
  }

  /** The live value of a plain key (tests and the preview's diagnostics), without going through the protocol. */
  peek(key: string): unknown {
    return this.live('kv', key)?.value;
  }

  private apply(path: string, raw: unknown): Outcome {
    const body = (raw ?? {}) as Body;
    switch (path) {
      case '/api/v1/get':
        return this.get('kv', body);
      case '/api/v1/set':
        return this.set('kv', body);
      case '/api/v1/delete':
        return this.remove('kv', body);
      case '/api/v1/secret/get':
        return this.get('secret', body);
      case '/api/v1/secret/set':
        return this.set('secret', body);
      case '/api/v1/secret/delete':
        return this.remove('secret', body);
      case '/api/v1/entity/get':
        return this.get(entityNs(body.entityName), body);
      case '/api/v1/entity/set':
        return this.set(entityNs(body.entityName), body);
      case '/api/v1/entity/delete':
        return this.remove(entityNs(body.entityName), body);
      case '/api/v1/query':
        return this.query(body);
      case '/api/v1/batch/get':
        return this.batchGet(raw);
      case '/api/v1/batch/set':
        return this.batchSet(raw);
      case '/api/v1/batch/delete':
        return this.batchDelete(raw);
      case '/api/v1/transaction':
        return this.transact(body);
      case '/api/v1/entity/query':
        throw new KvsServiceError(501, 'NOT_IMPLEMENTED', 'Custom entity index queries are not supported by the local runtime.');
      default:
        throw new KvsServiceError(404, 'NOT_FOUND', `Unknown KVS endpoint ${path}.`);
    }
  }

  private live(ns: string, key: string): KvsRecord | undefined {
    const record = this.records.get(slot(ns, key));
    if (record?.expireTime !== undefined && Date.parse(record.expireTime) <= this.now()) return undefined;
    return record;
  }

  private get(ns: string, body: Body): Outcome {
    const record = this.live(ns, checkKey(body.key));
    if (!record) throw new KvsServiceError(404, 'KEY_NOT_FOUND', 'The specified key does not exist.');
    return done({ status: 200, body: resultOf(record) });
  }

  private set(ns: string, body: Body): Outcome {
    const key = checkKey(body.key);
    checkValue(body.value);
    const options = (body.options ?? {}) as { keyPolicy?: string; returnValue?: string };
    const previous = this.live(ns, key);
    if (options.keyPolicy === 'FAIL_IF_EXISTS' && previous) {
      throw new KvsServiceError(409, 'KEY_ALREADY_EXISTS', `The key '${key}' already exists.`);
    }
    const record = this.put(ns, key, body.value, body.options, previous);
    const returned = options.returnValue === 'LATEST' ? record : options.returnValue === 'PREVIOUS' ? previous : undefined;
    return done(returned ? { status: 200, body: resultOf(returned) } : NO_CONTENT, [{ put: record }]);
  }

  private remove(ns: string, body: Body): Outcome {
    const key = checkKey(body.key);
    this.records.delete(slot(ns, key));
    return done(NO_CONTENT, [{ remove: { ns, key } }]);
  }

  private put(ns: string, key: string, value: unknown, options: unknown, previous = this.live(ns, key)): KvsRecord {
    const now = this.now();
    const expireTime = expiryOf(options, now);
    const record: KvsRecord = {
      ns,
      key,
      value,
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
      ...(expireTime === undefined ? {} : { expireTime }),
    };
    this.records.set(slot(ns, key), record);
    return record;
  }

  /** Keys in ascending order, `where: [{ property: 'key', condition: 'BEGINS_WITH', values: [prefix] }]`, cursor = last key returned. */
  private query(body: Body): Outcome {
    const limit = body.limit ?? DEFAULT_QUERY_LIMIT;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_QUERY_LIMIT) {
      throw new KvsServiceError(400, 'INVALID_LIMIT', `limit must be an integer from 1 to ${MAX_QUERY_LIMIT}.`);
    }
    const prefix = prefixOf(body.where);
    const after = typeof body.after === 'string' ? Buffer.from(body.after, 'base64url').toString('utf8') : undefined;
    const keys = [...this.records.values()]
      .filter((r) => r.ns === 'kv' && r.key.startsWith(prefix) && (after === undefined || r.key > after) && this.live('kv', r.key))
      .map((r) => r.key)
      .sort();
    const page = keys.slice(0, limit);
    const last = page[page.length - 1];
    const fields = ((body.options ?? {}) as { metadataFields?: string[] }).metadataFields ?? [];
    const data = page.map((key) => {
      const { createdAt, updatedAt, ...result } = resultOf(this.live('kv', key) as KvsRecord);
      return { ...result, ...(fields.includes('CREATED_AT') ? { createdAt } : {}), ...(fields.includes('UPDATED_AT') ? { updatedAt } : {}) };
    });
    return done({ status: 200, body: { data, ...(keys.length > limit && last ? { cursor: Buffer.from(last).toString('base64url') } : {}) } });
  }

  private batchGet(raw: unknown): Outcome {
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const item of uniqueItems(raw)) {
      try {
        const record = this.live(item.ns, checkKey(item.key));
        if (record) successfulKeys.push({ ...resultOf(record), ...item.label });
        else failedKeys.push({ ...item.label, error: { code: 'KEY_NOT_FOUND', message: 'The specified key does not exist.' } });
      } catch (error) {
        failedKeys.push(failure(item.label, error));
      }
    }
    return done({ status: 200, body: { successfulKeys, failedKeys } });
  }

  private batchSet(raw: unknown): Outcome {
    checkRequestSize(raw);
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    const changes: KvsChange[] = [];
    for (const item of uniqueItems(raw)) {
      try {
        checkKey(item.key);
        checkValue(item.value);
        changes.push({ put: this.put(item.ns, item.key, item.value, item.options) });
        successfulKeys.push(item.label);
      } catch (error) {
        failedKeys.push(failure(item.label, error));
      }
    }
    return done({ status: 200, body: { successfulKeys, failedKeys } }, changes);
  }

  private batchDelete(raw: unknown): Outcome {
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    const changes: KvsChange[] = [];
    for (const item of uniqueItems(raw)) {
      try {
        checkKey(item.key);
        this.records.delete(slot(item.ns, item.key));
        changes.push({ remove: { ns: item.ns, key: item.key } });
        successfulKeys.push(item.label);
      } catch (error) {
        failedKeys.push(failure(item.label, error));
      }
    }
    return done({ status: 200, body: { successfulKeys, failedKeys } }, changes);
  }

  /**
   * `{ set?, delete?, check? }`: every key, value and condition is checked before anything changes; one failure
   * (400 for a bad key/value, 409 CONDITIONAL_CHECK_FAILED for a condition) leaves the store untouched.
   */
  private transact(body: Body): Outcome {
    const sets = asItems(body.set);
    const deletes = asItems(body.delete);
    const checks = asItems(body.check);
    const all = [...sets, ...deletes, ...checks];
    if (all.length === 0) throw new KvsServiceError(400, 'INVALID_REQUEST', 'A transaction needs at least one operation.');
    checkRequestSize(body);
    if (all.length > MAX_BATCH_ITEMS) {
      throw new KvsServiceError(400, 'INVALID_REQUEST', `A transaction can contain at most ${MAX_BATCH_ITEMS} operations (got ${all.length}).`);
    }
    const seen = new Set<string>();
    for (const item of all) {
      const id = slot(item.ns, checkKey(item.key));
      if (seen.has(id)) throw new KvsServiceError(400, 'INVALID_REQUEST', `Each key can be used only once in a transaction ('${item.key}').`);
      seen.add(id);
    }
    for (const item of sets) {
      checkValue(item.value);
      expiryOf(item.options, this.now());
    }
    for (const item of all) {
      if (!conditionsHold(item.conditions, this.live(item.ns, item.key)?.value)) {
        throw new KvsServiceError(409, 'CONDITIONAL_CHECK_FAILED', `The conditions for '${item.key}' are not met; nothing was changed.`);
      }
    }
    const changes: KvsChange[] = sets.map((item) => ({ put: this.put(item.ns, item.key, item.value, item.options) }));
    for (const item of deletes) {
      this.records.delete(slot(item.ns, item.key));
      changes.push({ remove: { ns: item.ns, key: item.key } });
    }
    return done(NO_CONTENT, changes);
  }
}

/** A batch or transaction item, resolved to its namespace; `label` is how results name it (`{ key, entityName? }`). */
interface Item {
  ns: string;
  key: string;
  value?: unknown;
  options?: unknown;
  conditions?: unknown;
  label: { key: string; entityName?: string };
}

function asItems(raw: unknown): Item[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new KvsServiceError(400, 'INVALID_REQUEST', 'Expected an array of operations.');
  return raw.map((entry: Body) => {
    const key = String(entry.key ?? '');
    const entityName = entry.entityName;
    const label = entityName === undefined ? { key } : { key, entityName: String(entityName) };
    const ns = entityName === undefined ? 'kv' : entityNs(entityName);
    return { ns, key, value: entry.value, options: entry.options, conditions: entry.conditions, label };
  });
}

/** Batch items: 1–25 of them, no key (per entity) twice, else the whole batch fails. */
function uniqueItems(raw: unknown): Item[] {
  const items = asItems(checkBatchSize(raw));
  const ids = new Set(items.map((item) => slot(item.ns, item.key)));
  if (ids.size !== items.length) throw new KvsServiceError(400, 'INVALID_REQUEST', 'A batch cannot name the same key twice.');
  return items;
}

function failure(label: Item['label'], error: unknown): unknown {
  if (error instanceof KvsServiceError) return { ...label, error: { code: error.code, message: error.message } };
  throw error;
}

function entityNs(entityName: unknown): string {
  return `entity:${checkEntityName(entityName)}`;
}

function slot(ns: string, key: string): string {
  return `${ns}\u0000${key}`;
}

function prefixOf(where: unknown): string {
  if (where === undefined || where === null) return '';
  const [clause] = where as Array<{ property?: string; condition?: string; values?: unknown[] }>;
  if (!clause || clause.property !== 'key' || clause.condition !== 'BEGINS_WITH') {
    throw new KvsServiceError(400, 'INVALID_REQUEST', "query supports only where('key', beginsWith(prefix)).");
  }
  return String(clause.values?.[0] ?? '');
}

function resultOf(record: KvsRecord): Body {
  return {
    key: record.key,
    value: record.value,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ...(record.expireTime === undefined ? {} : { expireTime: record.expireTime }),
  };
}
