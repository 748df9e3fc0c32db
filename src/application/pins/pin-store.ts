import type { Pin } from '../../contract/model';
import { AppError } from '../errors';
import type { KeyValueStore } from '../ports/key-value-store';

/** Most pins one project may hold; keeps the record far below the 240 KiB value limit. */
export const MAX_PINS = 2000;

/**
 * Pins per project in one KVS record, `pins:<projectKey>` → `{ [issueKey]: { position?, quarter? } }`.
 */
export class PinStore {
  constructor(private readonly kv: KeyValueStore) {}

  async all(projectKey: string): Promise<Map<string, Pin>> {
    const raw = (await this.kv.get<Record<string, Pin>>(`pins:${projectKey}`)) ?? {};
    return new Map(Object.entries(raw));
  }

  /** Sets or (with neither position nor quarter) removes a pin; returns the pin now in force. */
  async set(projectKey: string, issueKey: string, pin: Pin): Promise<Pin | null> {
    const pins = await this.all(projectKey);
    const next: Pin = { ...(pin.position !== undefined ? { position: pin.position } : {}), ...(pin.quarter !== undefined ? { quarter: pin.quarter } : {}) };
    if (next.position === undefined && next.quarter === undefined) pins.delete(issueKey);
    else pins.set(issueKey, next);
    if (pins.size > MAX_PINS) {
      throw new AppError('INVALID_PAYLOAD', `A project can hold at most ${MAX_PINS} pins. Remove some pins first.`);
    }
    await this.kv.set(`pins:${projectKey}`, Object.fromEntries(pins));
    return pins.get(issueKey) ?? null;
  }
}
