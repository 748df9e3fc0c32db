import type { BenchSuite } from '../types';
import { scoringBench } from './scoring.bench';
import { rankSyncBench } from './rank-sync.bench';
import { roadmapBench } from './roadmap.bench';
import { hostileBench } from './hostile.bench';

/** `npm run bench -- domain`: the pure core (scoring, rank-sync planning, roadmap planning), and hostile shapes of data. */
export const domainSuite: BenchSuite = async (opts) => [
  ...(await scoringBench(opts)),
  ...(await rankSyncBench(opts)),
  ...(await roadmapBench(opts)),
  ...(await hostileBench(opts)),
];
