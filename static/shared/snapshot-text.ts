import type { SnapshotState } from '../../src/contract/model';

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** What a person reads while a project's first snapshot builds, and what the progress bar says and shows. */
export interface BuildingProgress {
  /** The sentence for the live region. */
  text: string;
  /** The progress bar's accessible name. */
  label: string;
  /** Share of the candidates read, 0–1; null while they are still being listed (an indeterminate bar). */
  share: number | null;
}

function whole(n: unknown): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

/** The progress of a first build (`done` of `total` candidates read; `total` 0 while listing them). */
export function buildingProgress(building: SnapshotState['building']): BuildingProgress {
  const lead = 'ValueRank is scoring this project for the first time';
  const total = whole(building?.total);
  if (total === 0) return { text: `${lead}: listing issues…`, label: 'Scoring progress: listing issues', share: null };
  const done = Math.min(whole(building?.done), total);
  const read = `${COUNT.format(done)} of ${COUNT.format(total)} ${total === 1 ? 'issue' : 'issues'} read`;
  return { text: `${lead}: ${read}`, label: `Scoring progress: ${read}`, share: done / total };
}

/** The messages of the data sources the app could not read (for a Jira admin: what to grant to whom), blanks and repeats left out. */
export function sourceMessages(state: Pick<SnapshotState, 'sources'>): string[] {
  const messages = (state.sources ?? []).map((s) => (typeof s?.message === 'string' ? s.message.trim() : '')).filter((m) => m !== '');
  return [...new Set(messages)];
}
