/**
 * Deterministic generators of Jira sites as seed files (DESIGN.md, "Seed file format").
 *
 * - `generateDemoSite()` is the project `npm start` loads without `--seed`: a Payments team's Jira
 *   (software project PAY, service project SUP with customer feedback, remote links to a support
 *   tool, a scrum board with sprint history) that a Product Owner would recognise.
 * - `generateScaleSite()` is the same generator at benchmark sizes (1,000 – 50,000 PAY issues).
 *
 * Same options → byte-identical JSON: all randomness comes from a seeded PRNG and all dates from
 * `now`. What the site contains, and the deliberately odd values in it, are listed in README.md.
 */
import { buildBoard, planSprints, planVersions, toSeedSprint } from './calendar';
import { draftEpics } from './draft-epics';
import { draftSubtasks } from './draft-subtasks';
import { draftWork } from './draft-work';
import { draftFeedback } from './feedback';
import { writeIssues } from './issue-bodies';
import { linkIssues } from './issue-links';
import { buildFields, buildLinkTypes, buildProjects, buildUsers } from './jira-catalog';
import { assignKeys } from './keys';
import { Phrases } from './phrases';
import { addOddities, planReleases } from './planning';
import { Rng } from './random';
import { buildRemoteLinks } from './remote-links';
import type { Seed } from './seed-types';
import { siteContext, type Params } from './site-model';
import { placeInTime } from './timeline';

export { BOARD_ID, CLOSED_SPRINTS } from './site-model';

export interface DemoSiteOptions {
  /** PRNG seed (default 20261125). */
  seed?: number;
  /** The site's "now" (default `2026-11-25T00:00:00Z`); every date is relative to it. */
  now?: string;
  /** Issues in the software project PAY, epics and sub-tasks included (default 330). */
  issues?: number;
}

export interface ScaleSiteOptions {
  /** Issues in the software project PAY (1 – 100,000; benchmarks use 1,000 – 50,000). */
  issues: number;
  /** Feedback tickets in SUP (default issues / 4). */
  feedbackTickets?: number;
  seed?: number;
  now?: string;
}

export const DEMO_DEFAULTS = { seed: 20261125, now: '2026-11-25T00:00:00Z', issues: 330 } as const;

/** The demo site. */
export function generateDemoSite(opts: DemoSiteOptions = {}): Seed {
  const issues = opts.issues ?? DEMO_DEFAULTS.issues;
  return buildSite({
    seed: opts.seed ?? DEMO_DEFAULTS.seed,
    now: opts.now ?? DEMO_DEFAULTS.now,
    payIssues: issues,
    feedbackTickets: Math.round((issues * 250) / 330),
    curatedOrgs: true,
  });
}

/** A large site for benchmarks, built by the same generator. */
export function generateScaleSite(opts: ScaleSiteOptions): Seed {
  return buildSite({
    seed: opts.seed ?? DEMO_DEFAULTS.seed,
    now: opts.now ?? DEMO_DEFAULTS.now,
    payIssues: opts.issues,
    feedbackTickets: opts.feedbackTickets ?? Math.round(opts.issues / 4),
    curatedOrgs: false,
  });
}

function validate(p: Params): Date {
  const now = new Date(p.now);
  if (Number.isNaN(now.getTime())) throw new RangeError(`now: not a date: '${p.now}'`);
  if (!Number.isInteger(p.payIssues) || p.payIssues < 1 || p.payIssues > 100_000) {
    throw new RangeError(`issues: an integer from 1 to 100000 was expected, got ${String(p.payIssues)}`);
  }
  if (!Number.isInteger(p.feedbackTickets) || p.feedbackTickets < 0 || p.feedbackTickets > 100_000) {
    throw new RangeError(`feedbackTickets: an integer from 0 to 100000 was expected, got ${String(p.feedbackTickets)}`);
  }
  if (!Number.isInteger(p.seed)) throw new RangeError(`seed: an integer was expected, got ${String(p.seed)}`);
  return now;
}

/**
 * One phase after the other, each with its own stream forked from the seed (so a phase's draws never shift
 * another's). Drafts are numbered in creation order across phases: epics, work, sub-tasks, tickets.
 */
function buildSite(p: Params): Seed {
  const now = validate(p);
  const root = new Rng(p.seed);
  const ctx = siteContext(now);
  const sprints = planSprints(now, root.fork('sprints'));
  const versions = planVersions(now);

  const n = p.payIssues;
  const epicCount = n < 10 ? 0 : Math.max(1, Math.round(n / 41));
  const subtaskCount = n < 30 ? 0 : Math.round(n * 0.066);
  const workCount = n - epicCount - subtaskCount;

  const { epics, epicsByTheme } = draftEpics(ctx, epicCount, root.fork('epics'));
  const work = draftWork(ctx, workCount, epicsByTheme, root.fork('work'), new Phrases(root.fork('phrases')));
  const subtasks = draftSubtasks(ctx, work, subtaskCount, root.fork('subtasks'));
  placeInTime(ctx, sprints, { epics, work, subtasks }, root.fork('timeline'));
  const rPlan = root.fork('planning');
  planReleases(ctx, versions, epics, work, rPlan);
  const openStories = addOddities(work, rPlan);
  const { orgs, orgTable, demand, tickets, feedbackLinks } = draftFeedback(ctx, p, work, root.fork('feedback'));

  const keyed = assignKeys(epics, work, subtasks, tickets);
  const issues = writeIssues(keyed.order, sprints, versions, work, subtasks);
  linkIssues(work, feedbackLinks, openStories, keyed, root.fork('links'));
  const remoteLinks = buildRemoteLinks(work, demand, orgs, orgTable, root.fork('remote'));

  return {
    now: now.toISOString().replace('.000Z', 'Z'),
    users: buildUsers(),
    projects: buildProjects(),
    fields: buildFields(),
    issueLinkTypes: buildLinkTypes(),
    issues,
    remoteLinks,
    boards: [buildBoard()],
    sprints: sprints.map(toSeedSprint),
  };
}
