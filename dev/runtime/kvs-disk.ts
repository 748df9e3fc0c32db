/**
 * Disk layout of the local KVS: one JSON file per key under `<dataDir>/kvs/records/` (named by a hash, because
 * keys may be 500 characters and contain `:`/`#`), each written temp-then-rename. A transaction touches several
 * files, so it is first written whole to `<dataDir>/kvs/journal.json`; a restart that finds the journal replays it,
 * which makes a transaction all-or-nothing on disk as well as in memory.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { writeFileAtomic } from './atomic-write';

/** One stored item. `ns` separates plain keys (`kv`), secrets (`secret`) and custom entities (`entity:<name>`). */
export interface KvsRecord {
  ns: string;
  key: string;
  value: unknown;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Epoch milliseconds. */
  updatedAt: number;
  /** ISO time after which the item reads as absent (from a `ttl` set option). */
  expireTime?: string;
}

export type KvsChange = { put: KvsRecord } | { remove: { ns: string; key: string } };

export class KvsDisk {
  private readonly recordsDir: string;
  private readonly journalFile: string;

  constructor(dataDir: string) {
    this.recordsDir = path.join(dataDir, 'kvs', 'records');
    this.journalFile = path.join(dataDir, 'kvs', 'journal.json');
    fs.mkdirSync(this.recordsDir, { recursive: true });
  }

  /** Reads every record, first finishing a transaction that a crash interrupted. */
  loadSync(): KvsRecord[] {
    if (fs.existsSync(this.journalFile)) {
      const changes = JSON.parse(fs.readFileSync(this.journalFile, 'utf8')) as KvsChange[];
      for (const change of changes) this.applySync(change);
      fs.rmSync(this.journalFile);
    }
    return fs
      .readdirSync(this.recordsDir)
      .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
      .map((name) => JSON.parse(fs.readFileSync(path.join(this.recordsDir, name), 'utf8')) as KvsRecord);
  }

  /** Persists changes; more than one change goes through the journal so they land together. */
  async commit(changes: KvsChange[]): Promise<void> {
    if (changes.length === 0) return;
    const [only] = changes;
    if (changes.length === 1 && only) {
      await this.apply(only);
      return;
    }
    await writeFileAtomic(this.journalFile, JSON.stringify(changes));
    for (const change of changes) await this.apply(change);
    await fs.promises.rm(this.journalFile, { force: true });
  }

  private fileOf(ns: string, key: string): string {
    const hash = createHash('sha256').update(`${ns}\u0000${key}`).digest('hex').slice(0, 40);
    return path.join(this.recordsDir, `${hash}.json`);
  }

  private async apply(change: KvsChange): Promise<void> {
    if ('put' in change) await writeFileAtomic(this.fileOf(change.put.ns, change.put.key), JSON.stringify(change.put));
    else await fs.promises.rm(this.fileOf(change.remove.ns, change.remove.key), { force: true });
  }

  private applySync(change: KvsChange): void {
    if ('put' in change) {
      const file = this.fileOf(change.put.ns, change.put.key);
      fs.writeFileSync(`${file}.replay`, JSON.stringify(change.put));
      fs.renameSync(`${file}.replay`, file);
    } else {
      fs.rmSync(this.fileOf(change.remove.ns, change.remove.key), { force: true });
    }
  }
}
