import type { BenchSuite } from '../types';
import { scoringBench } from './scoring.bench';
import { rankSyncBench } from './rank-sync.bench';
import { roadmapBench } from './roadmap.bench';

/** `npm run bench -- domain`: the pure core (scoring, rank-sync planning, roadmap planning). */
export const domainSuite: BenchSuite = async (opts) => [
  ...(await scoringBench(opts)),
  ...(await rankSyncBench(opts)),
  ...(await roadmapBench(opts)),
];
