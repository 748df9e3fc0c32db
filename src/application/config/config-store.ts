import type { ValueRankConfig } from '../../contract/config';
import { defaultConfig } from '../../domain';
import { AppError } from '../errors';
import { MAX_VALUE_BYTES, type KeyValueStore } from '../ports/key-value-store';
import { dataSourceChanges, requireGlobalDataSources, withGlobalDataSources } from './data-sources';
import { diffConfig, migrateConfig } from './migrate-config';
import { checkRemoteLinkPatterns } from './validate-patterns';
import { jsonBytes } from '../shared/json-bytes';

/**
 * Versioned configuration in KVS. Storage keys (documented in docs/storage.md):
 * - `cfg:<scope>:v:<version, 9 digits>` → ConfigRecord, written once and never changed;
 * - `cfg:<scope>:head` → `{ version }`, a pointer to the newest record (may lag one version after a crash).
 * `<scope>` is `global` or `project:<KEY>`. Saving version n+1 creates its record with setIfAbsent, so of two
 * admins saving on top of version n exactly one wins and the other gets CONFIG_CONFLICT; the head moves after.
 */
export interface ConfigRecord {
  version: number;
  config: ValueRankConfig;
  /** ISO date-time of the save. */
  at: string;
  /** accountId of who saved it. */
  by: string;
  changes: { path: string; from: unknown; to: unknown }[];
  /** Set when this version restored an earlier one. */
  revertedTo?: number;
  /** Why the app wrote this version itself (`by` is MIGRATION_AUTHOR). */
  note?: string;
  /**
   * On project records written since data sources became global-only: their data-source values are not the
   * project's own (the global ones apply). A project record without it was saved before and is migrated once.
   */
  globalDataSources?: true;
}

/** The `by` of a version that the app wrote while migrating stored settings. */
export const MIGRATION_AUTHOR = 'valuerank:migration';
const DATA_SOURCES_RULE =
  'Data sources (feedback projects, the fields read from feedback tickets, the candidate JQL, support-tool URL patterns) are now set by a Jira admin for every project, so everyone sees the same score';

export type ConfigScope = { kind: 'global' } | { kind: 'project'; projectKey: string };

const scopeId = (s: ConfigScope): string => (s.kind === 'global' ? 'global' : `project:${s.projectKey}`);
const versionKey = (s: ConfigScope, v: number): string => `cfg:${scopeId(s)}:v:${String(v).padStart(9, '0')}`;
const headKey = (s: ConfigScope): string => `cfg:${scopeId(s)}:head`;
/** How far past a lagging head pointer the reader looks for newer records. */
const MAX_ROLL_FORWARD = 20;
/** History entries per page: by default, and at most. */
export const HISTORY_PAGE = 50;
const MAX_HISTORY_PAGE = 100;

export class ConfigStore {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly clock: () => Date,
  ) {}

  /**
   * The newest record of a scope, or null when the scope was never saved. A project override saved before data
   * sources became global-only is migrated first (see `dropOwnDataSources`).
   */
  async latest(scope: ConfigScope): Promise<ConfigRecord | null> {
    const record = await this.newest(scope);
    if (scope.kind === 'global' || record === null || record.globalDataSources === true) return record;
    return this.dropOwnDataSources(scope, record);
  }

  private async newest(scope: ConfigScope): Promise<ConfigRecord | null> {
    const head = (await this.kv.get<{ version: number }>(headKey(scope)))?.version ?? 0;
    let record: ConfigRecord | null = head > 0 ? await this.read(scope, head) : null;
    for (let v = head + 1; v <= head + MAX_ROLL_FORWARD; v++) {
      const next = await this.read(scope, v);
      if (next === null) break;
      record = next;
    }
    return record;
  }

  /**
   * Writes the next version of a project override stored with its own data sources: the same settings with the
   * global data sources, listing each value it drops, once. Of several readers (or a reader and a saver) the
   * version's setIfAbsent lets one win; the others read what won.
   */
  private async dropOwnDataSources(scope: ConfigScope, record: ConfigRecord): Promise<ConfigRecord> {
    const global = (await this.newest({ kind: 'global' }))?.config ?? defaultConfig();
    const dropped = dataSourceChanges(record.config, global);
    const note =
      dropped.length === 0
        ? `${DATA_SOURCES_RULE}. This project's values were the global ones already: nothing changes.`
        : `${DATA_SOURCES_RULE}: the values this project set are dropped and the global ones apply.`;
    const migrated = fitRecord(
      {
        version: record.version + 1,
        config: withGlobalDataSources(record.config, global),
        at: this.clock().toISOString(),
        by: MIGRATION_AUTHOR,
        changes: [],
        note,
        globalDataSources: true,
      },
      dropped,
    );
    if (await this.kv.setIfAbsent(versionKey(scope, migrated.version), migrated)) {
      await this.kv.set(headKey(scope), { version: migrated.version });
      return migrated;
    }
    // Whatever won is read with the global data sources by `effective` even if it is not marked.
    return (await this.newest(scope)) ?? migrated;
  }

  private async read(scope: ConfigScope, version: number): Promise<ConfigRecord | null> {
    const raw = await this.kv.get<ConfigRecord>(versionKey(scope, version));
    if (raw === undefined) return null;
    return { ...raw, config: migrateConfig(raw.config) };
  }

  /**
   * The config that applies to a project: its override when it has one, else the global config, else defaults;
   * the data sources always come from the global config (or the defaults). `record` is the returned scope's
   * newest record; `globalVersion` the global config's version (0 for defaults), which a project's config
   * depends on too.
   */
  async effective(
    projectKey: string | null,
  ): Promise<{ scope: 'global' | 'project'; record: ConfigRecord | null; config: ValueRankConfig; globalVersion: number }> {
    const [global, own] = await Promise.all([this.latest({ kind: 'global' }), projectKey === null ? null : this.latest({ kind: 'project', projectKey })]);
    const globalConfig = global?.config ?? defaultConfig();
    const globalVersion = global?.version ?? 0;
    if (own !== null) return { scope: 'project', record: own, config: withGlobalDataSources(own.config, globalConfig), globalVersion };
    return { scope: 'global', record: global, config: globalConfig, globalVersion };
  }

  /**
   * Saves `config` as the next version of `scope` when `expectedVersion` is still the newest; else CONFIG_CONFLICT.
   * A project override must carry the global data sources unchanged (else DATA_SOURCE_GLOBAL_ONLY).
   */
  async save(scope: ConfigScope, expectedVersion: number, config: ValueRankConfig, by: string, revertedTo?: number): Promise<ConfigRecord> {
    // Checked when saving only: a config stored before patterns ran on RE2 still loads (scoring skips what RE2
    // cannot run), so the app keeps working and an admin can edit it.
    checkRemoteLinkPatterns(config.customerVoice.remoteLinkPatterns);
    const [current, global] = await Promise.all([this.latest(scope), scope.kind === 'project' ? this.latest({ kind: 'global' }) : null]);
    const globalConfig = global?.config ?? defaultConfig();
    if (scope.kind === 'project') requireGlobalDataSources(config, globalConfig);
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== expectedVersion) throw conflict(currentVersion, expectedVersion);
    // A project's changes are measured against what applied to it, so a Jira admin's data-source change made
    // meanwhile is not listed as the project admin's.
    const previous = scope.kind === 'project' ? withGlobalDataSources(current?.config ?? globalConfig, globalConfig) : (current?.config ?? defaultConfig());
    const record = fitRecord(
      {
        version: currentVersion + 1,
        config,
        at: this.clock().toISOString(),
        by,
        changes: [],
        ...(revertedTo === undefined ? {} : { revertedTo }),
        ...(scope.kind === 'project' ? { globalDataSources: true as const } : {}),
      },
      diffConfig(previous, config),
    );
    const created = await this.kv.setIfAbsent(versionKey(scope, record.version), record);
    if (!created) {
      const now = await this.latest(scope);
      throw conflict(now?.version ?? record.version, expectedVersion);
    }
    await this.kv.set(headKey(scope), { version: record.version });
    return record;
  }

  /**
   * One page of the history, newest first: `limit` versions (1–100, default HISTORY_PAGE) below `cursor` (the
   * version the previous page ended at; absent = from the newest). Versions are numbered 1…head without gaps, so a
   * page reads exactly its own records (⌈limit/25⌉ batch reads) whatever the length of the history.
   */
  async history(scope: ConfigScope, page: { cursor?: string; limit?: number } = {}): Promise<{ entries: ConfigRecord[]; nextCursor: string | null }> {
    const limit = Math.min(Math.max(1, Math.floor(page.limit ?? HISTORY_PAGE)), MAX_HISTORY_PAGE);
    const top = page.cursor === undefined ? ((await this.latest(scope))?.version ?? 0) : Number(page.cursor) - 1;
    const versions = Array.from({ length: Math.max(0, Math.min(limit, top)) }, (_, i) => top - i);
    const keys = versions.map((v) => versionKey(scope, v));
    const found = await this.kv.getMany<ConfigRecord>(keys);
    const entries = keys.flatMap((k) => found.get(k) ?? []);
    const lowest = versions[versions.length - 1];
    return { entries, nextCursor: lowest !== undefined && lowest > 1 ? String(lowest) : null };
  }

  /** Saves the config of an earlier version as a new version (history is never rewritten). */
  async revert(scope: ConfigScope, toVersion: number, expectedVersion: number, by: string): Promise<ConfigRecord> {
    const target = await this.read(scope, toVersion);
    if (target === null) throw new AppError('NOT_FOUND', `Version ${toVersion} of this configuration does not exist.`);
    // A project's earlier version brings back its own settings; its data sources are today's global ones.
    const config =
      scope.kind === 'project' ? withGlobalDataSources(target.config, (await this.newest({ kind: 'global' }))?.config ?? defaultConfig()) : target.config;
    return this.save(scope, expectedVersion, config, by, toVersion);
  }
}

/** Change entries kept at most; a long value or path is cut to MAX_CHANGE_VALUE_CHARS. */
const MAX_CHANGES = 100;
const MAX_CHANGE_VALUE_CHARS = 200;
/** Room for the "… n more changes" entry. */
const MARKER_BYTES = 100;

/**
 * The record as it will be stored, within one KVS value (240 KiB, measured as the UTF-8 bytes of its JSON): the
 * config and who/when always, then as many change entries as fit, and an entry saying how many were left out.
 * A config too large to fit even without its change list is refused with INVALID_PAYLOAD.
 */
function fitRecord(base: ConfigRecord, changes: ConfigRecord['changes']): ConfigRecord {
  const size = jsonBytes(base);
  if (size + MARKER_BYTES > MAX_VALUE_BYTES) {
    throw new AppError(
      'INVALID_PAYLOAD',
      `The configuration is too large to store: ${Math.ceil(size / 1024)} KiB, over the ${MAX_VALUE_BYTES / 1024} KiB one saved version may use (one storage value, with who saved it and when). Remove some labels, patterns or option mappings.`,
      { bytes: size, limitBytes: MAX_VALUE_BYTES },
    );
  }
  let budget = MAX_VALUE_BYTES - size - MARKER_BYTES;
  const kept: ConfigRecord['changes'] = [];
  for (const change of changes.slice(0, MAX_CHANGES)) {
    const entry = { path: short(change.path) as string, from: short(change.from), to: short(change.to) };
    const cost = jsonBytes(entry) + 1;
    if (cost > budget) break;
    kept.push(entry);
    budget -= cost;
  }
  if (kept.length < changes.length) kept.push({ path: '…', from: null, to: `${changes.length - kept.length} more changes` });
  return { ...base, changes: kept };
}

/** A value (or path) longer than MAX_CHANGE_VALUE_CHARS as JSON, cut and labelled with its full length. */
function short(v: unknown): unknown {
  const json = JSON.stringify(v) ?? 'null';
  return json.length <= MAX_CHANGE_VALUE_CHARS ? v : `${json.slice(0, MAX_CHANGE_VALUE_CHARS)}… (${json.length} characters)`;
}

function conflict(current: number, expected: number): AppError {
  return new AppError(
    'CONFIG_CONFLICT',
    `Someone saved the configuration meanwhile (now version ${current}, you edited version ${expected}). Reload it, re-apply your changes and save again.`,
    { currentVersion: current, expectedVersion: expected },
  );
}
