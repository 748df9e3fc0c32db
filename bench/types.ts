/** One printed row of `npm run bench`: a measured figure beside its same-run baseline and target. */
export interface BenchRow {
  /** Suite name, e.g. `domain`. */
  suite: string;
  /** What was measured, e.g. `score 100,000 issues`. */
  name: string;
  value: number;
  unit: string;
  /** The same figure for the baseline measured in the same run, when there is one. */
  baseline?: number;
  /** value / baseline (or the reverse when the row says so in `name`). */
  ratio?: number;
  /** Target in words, e.g. `< 1500 ms`. */
  target?: string;
  /** Whether the target held in this run. Benchmarks never fail CI; this is reported only. */
  met?: boolean;
  /** Extra figures such as peak memory. */
  notes?: string;
}

export interface BenchOptions {
  quick: boolean;
}

export type BenchSuite = (opts: BenchOptions) => Promise<BenchRow[]>;
