import type { Pin } from '../../contract/model';
import { AppError } from '../errors';
import type { KeyValueStore } from '../ports/key-value-store';
import { mapLimit } from '../shared/concurrency';

/** Most pins one project may hold: bounds the prefix listing every ranking reads (20 query pages). */
export const MAX_PINS = 2000;
/** KVS calls in flight while moving or pruning many pins. */
const WRITE_CONCURRENCY = 5;

const pinKey = (projectKey: string, issueKey: string): string => `pin:${projectKey}:${issueKey}`;
/** The trailing colon keeps project PA from listing PAY's pins (project keys have no colon). */
const pinPrefix = (projectKey: string): string => `pin:${projectKey}:`;
/** Where versions before per-issue keys kept all of a project's pins, in one record. */
const legacyKey = (projectKey: string): string => `pins:${projectKey}`;

/**
 * Pins, one KVS key per issue: `pin:<projectKey>:<issueKey>` → `{ position?, quarter?, by?, at? }`. Setting one pin writes
 * only its own key, so people pinning different issues at the same moment never overwrite each other's pins
 * (one record read, changed and rewritten by each of them would keep only the last writer's pin).
 */
export class PinStore {
  constructor(private readonly kv: KeyValueStore) {}

  async all(projectKey: string): Promise<Map<string, Pin>> {
    const [legacy, own] = await Promise.all([
      this.kv.get<Record<string, Pin>>(legacyKey(projectKey)),
      this.kv.listByPrefix<Pin>(pinPrefix(projectKey), MAX_PINS),
    ]);
    const pins = new Map(Object.entries(legacy ?? {}));
    const prefix = pinPrefix(projectKey);
    for (const { key, value } of own) pins.set(key.slice(prefix.length), value);
    return pins;
  }

  /**
   * Sets or (with neither position nor quarter) removes a pin; returns the pin now in force. `who`: the accountId
   * that sets it and when (ISO date-time), kept with the pin ("pinned by …"); pins stored before carry neither.
   */
  async set(projectKey: string, issueKey: string, pin: Pin, who?: { by: string; at: string }): Promise<Pin | null> {
    await this.moveLegacy(projectKey);
    const next: Pin = {
      ...(pin.position !== undefined ? { position: pin.position } : {}),
      ...(pin.quarter !== undefined ? { quarter: pin.quarter } : {}),
      ...(who === undefined ? {} : { by: who.by, at: who.at }),
    };
    const key = pinKey(projectKey, issueKey);
    if (next.position === undefined && next.quarter === undefined) {
      await this.kv.delete(key);
      return null;
    }
    // The limit is checked before a new pin is added; pins added at the same moment may pass it by a few, which
    // the listing's own bound absorbs.
    if ((await this.kv.get(key)) === undefined) {
      const held = await this.kv.listByPrefix(pinPrefix(projectKey), MAX_PINS);
      if (held.length >= MAX_PINS) throw new AppError('INVALID_PAYLOAD', `A project can hold at most ${MAX_PINS} pins. Remove some pins first.`);
    }
    await this.kv.set(key, next);
    return next;
  }

  /** Removes the pins of these issues (issues that left the backlog). */
  async remove(projectKey: string, issueKeys: readonly string[]): Promise<void> {
    await this.moveLegacy(projectKey);
    await mapLimit(issueKeys, WRITE_CONCURRENCY, (issueKey) => this.kv.delete(pinKey(projectKey, issueKey)));
  }

  /**
   * Moves a record of an earlier version to per-issue keys, once. `setIfAbsent` never overwrites a pin someone
   * set meanwhile under its own key.
   */
  private async moveLegacy(projectKey: string): Promise<void> {
    const legacy = await this.kv.get<Record<string, Pin>>(legacyKey(projectKey));
    if (legacy === undefined) return;
    await mapLimit(Object.entries(legacy), WRITE_CONCURRENCY, ([issueKey, pin]) => this.kv.setIfAbsent(pinKey(projectKey, issueKey), pin));
    await this.kv.delete(legacyKey(projectKey));
  }
}
