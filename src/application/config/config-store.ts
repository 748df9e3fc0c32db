import type { ValueRankConfig } from '../../contract/config';
import { defaultConfig } from '../../domain';
import { AppError } from '../errors';
import type { KeyValueStore } from '../ports/key-value-store';
import { diffConfig, migrateConfig } from './migrate-config';

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
}

export type ConfigScope = { kind: 'global' } | { kind: 'project'; projectKey: string };

const scopeId = (s: ConfigScope): string => (s.kind === 'global' ? 'global' : `project:${s.projectKey}`);
const versionKey = (s: ConfigScope, v: number): string => `cfg:${scopeId(s)}:v:${String(v).padStart(9, '0')}`;
const headKey = (s: ConfigScope): string => `cfg:${scopeId(s)}:head`;
/** How far past a lagging head pointer the reader looks for newer records. */
const MAX_ROLL_FORWARD = 20;
/** History entries returned at most. */
const MAX_HISTORY = 200;

export class ConfigStore {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly clock: () => Date,
  ) {}

  /** The newest record of a scope, or null when the scope was never saved. */
  async latest(scope: ConfigScope): Promise<ConfigRecord | null> {
    const head = (await this.kv.get<{ version: number }>(headKey(scope)))?.version ?? 0;
    let record: ConfigRecord | null = head > 0 ? await this.read(scope, head) : null;
    for (let v = head + 1; v <= head + MAX_ROLL_FORWARD; v++) {
      const next = await this.read(scope, v);
      if (next === null) break;
      record = next;
    }
    return record;
  }

  private async read(scope: ConfigScope, version: number): Promise<ConfigRecord | null> {
    const raw = await this.kv.get<ConfigRecord>(versionKey(scope, version));
    if (raw === undefined) return null;
    return { ...raw, config: migrateConfig(raw.config) };
  }

  /**
   * The config that applies to a project: its override when it has one, else the global config, else defaults.
   * `version` is the returned scope's version (0 for defaults).
   */
  async effective(projectKey: string | null): Promise<{ scope: 'global' | 'project'; record: ConfigRecord | null; config: ValueRankConfig }> {
    if (projectKey !== null) {
      const own = await this.latest({ kind: 'project', projectKey });
      if (own !== null) return { scope: 'project', record: own, config: own.config };
    }
    const global = await this.latest({ kind: 'global' });
    return { scope: 'global', record: global, config: global?.config ?? defaultConfig() };
  }

  /** Saves `config` as the next version of `scope` when `expectedVersion` is still the newest; else CONFIG_CONFLICT. */
  async save(scope: ConfigScope, expectedVersion: number, config: ValueRankConfig, by: string, revertedTo?: number): Promise<ConfigRecord> {
    const current = await this.latest(scope);
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== expectedVersion) throw conflict(currentVersion, expectedVersion);
    const size = Buffer.byteLength(JSON.stringify(config), 'utf8');
    if (size > MAX_CONFIG_BYTES) {
      throw new AppError(
        'INVALID_PAYLOAD',
        `The configuration is too large to store: ${Math.ceil(size / 1024)} KiB, over the ${MAX_CONFIG_BYTES / 1024} KiB a configuration may use (one storage value holds 240 KiB, with room kept for its change history). Remove some labels, patterns or option mappings.`,
      );
    }
    const previous = current?.config ?? (scope.kind === 'project' ? (await this.effective(null)).config : defaultConfig());
    const record: ConfigRecord = {
      version: currentVersion + 1,
      config,
      at: this.clock().toISOString(),
      by,
      changes: summariseChanges(diffConfig(previous, config)),
      ...(revertedTo === undefined ? {} : { revertedTo }),
    };
    const created = await this.kv.setIfAbsent(versionKey(scope, record.version), record);
    if (!created) {
      const now = await this.latest(scope);
      throw conflict(now?.version ?? record.version, expectedVersion);
    }
    await this.kv.set(headKey(scope), { version: record.version });
    return record;
  }

  /** Newest first. */
  async history(scope: ConfigScope): Promise<ConfigRecord[]> {
    const entries = await this.kv.listByPrefix<ConfigRecord>(`cfg:${scopeId(scope)}:v:`, 10_000);
    return entries
      .map((e) => e.value)
      .sort((a, b) => b.version - a.version)
      .slice(0, MAX_HISTORY);
  }

  /** Saves the config of an earlier version as a new version (history is never rewritten). */
  async revert(scope: ConfigScope, toVersion: number, expectedVersion: number, by: string): Promise<ConfigRecord> {
    const target = await this.read(scope, toVersion);
    if (target === null) throw new AppError('NOT_FOUND', `Version ${toVersion} of this configuration does not exist.`);
    return this.save(scope, expectedVersion, target.config, by, toVersion);
  }
}

/**
 * A config may use most of a KVS value; the change list stored beside it is kept small (at most MAX_CHANGES
 * entries, long values summarised), so the record always fits the 240 KiB limit.
 */
export const MAX_CONFIG_BYTES = 200 * 1024;
const MAX_CHANGES = 100;
const MAX_CHANGE_VALUE_CHARS = 200;

function summariseChanges(changes: ConfigRecord['changes']): ConfigRecord['changes'] {
  const short = (v: unknown): unknown => {
    const json = JSON.stringify(v) ?? 'null';
    return json.length <= MAX_CHANGE_VALUE_CHARS ? v : `${json.slice(0, MAX_CHANGE_VALUE_CHARS)}… (${json.length} characters)`;
  };
  const kept = changes.slice(0, MAX_CHANGES).map((c) => ({ path: c.path, from: short(c.from), to: short(c.to) }));
  if (changes.length > MAX_CHANGES) kept.push({ path: '…', from: null, to: `${changes.length - MAX_CHANGES} more changes` });
  return kept;
}

function conflict(current: number, expected: number): AppError {
  return new AppError(
    'CONFIG_CONFLICT',
    `Someone saved the configuration meanwhile (now version ${current}, you edited version ${expected}). Reload it, re-apply your changes and save again.`,
    { currentVersion: current, expectedVersion: expected },
  );
}
