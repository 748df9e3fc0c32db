/**
 * The app's storage port (implemented over @forge/kvs). Values are JSON and at most 240 KiB each; keys at most
 * 500 characters. `setIfAbsent` is the only conditional write it needs: versioned records are written under
 * new keys, so two writers of the same version cannot both win.
 */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  /** Several keys at once (batched by 25, the KVS limit); missing keys are absent from the map. */
  getMany<T>(keys: readonly string[]): Promise<Map<string, T>>;
  /** Several writes (batched by 25). */
  setMany(entries: readonly { key: string; value: unknown }[]): Promise<void>;
  set(key: string, value: unknown): Promise<void>;
  /** Writes only when the key does not exist yet; false when it did. */
  setIfAbsent(key: string, value: unknown): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Entries whose key starts with `prefix`, in key order, at most `limit`. */
  listByPrefix<T>(prefix: string, limit: number): Promise<{ key: string; value: T }[]>;
}

/** Largest value the store accepts (Forge KVS limit), in bytes of JSON. */
export const MAX_VALUE_BYTES = 240 * 1024;
