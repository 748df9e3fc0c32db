/** A snapshot view was asked for what it was not given (an item whose evidence was never attached). */
export class SnapshotViewError extends Error {
  readonly code = 'SNAPSHOT_EVIDENCE_MISSING' as const;

  constructor(message: string) {
    super(message);
    this.name = 'SnapshotViewError';
  }
}
