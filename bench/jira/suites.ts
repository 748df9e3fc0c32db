import type { BenchSuite } from '../types';
import { apiSuite } from './api';
import { wallSuite } from './wall';
import { editSuite } from './edit';
import { dailySuite } from './daily';
import { responseSuite } from './response';
import { rankSyncSuite } from './ranksync';
import { scaleSuite } from './scale';

/** The suites that drive the app through the local preview and the simulated Jira. */
export const jiraSuites: Record<string, BenchSuite> = {
  api: apiSuite,
  wall: wallSuite,
  edit: editSuite,
  daily: dailySuite,
  response: responseSuite,
  ranksync: rankSyncSuite,
  scale: scaleSuite,
};
