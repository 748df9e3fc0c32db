/** Phase: organisations with their customers, and the SUP feedback tickets they raise about backlog items. */
import { ORGANISATIONS, ORG_FIRST, ORG_SECOND, FIRST_NAMES, LAST_NAMES, FEATURE_REQUESTS, SUPPORT_REQUESTS, UNLINKED_TICKETS } from './vocabulary';
import { statusCategoryOf, type TierName, type TypeName } from './jira-catalog';
import { clamp, daysBetween, plusDays } from './dates';
import { fill, slugify } from './phrases';
import { WeightedTable, type Rng } from './random';
import type { SeedUserRef } from './seed-types';
import type { Draft, Kind, Org, Params, SiteContext } from './site-model';

const FEEDBACK_DAYS = 365;
/** How likely customers ask about an item, by kind: features and defects, rarely internal work. */
const DEMAND: Readonly<Record<Kind, number>> = { story: 1, bug: 1, task: 0, debt: 0, epic: 0, subtask: 0, ticket: 0 };

export interface Feedback {
  orgs: Org[];
  /** Organisations weighted by how active they are. */
  orgTable: WeightedTable<Org>;
  /** The backlog items customers ask about, weighted by how much they are asked for. */
  demand: WeightedTable<Draft>;
  tickets: Draft[];
  /** Ticket → backlog item it is about ("relates to" links). */
  feedbackLinks: [Draft, Draft][];
}

export function draftFeedback(ctx: SiteContext, p: Params, work: Draft[], rFb: Rng): Feedback {
  const { now, at, people } = ctx;
  const blank = ctx.draft;
  const orgs = buildOrgs(p, rFb);
  const orgTable = new WeightedTable(orgs.map((o) => [o, o.activity] as const));
  const demand = new WeightedTable(
    rFb
      .shuffle(work.filter((w) => DEMAND[w.kind] > 0))
      .slice(0, Math.max(1, Math.round(work.length * 0.4)))
      .map((w, i) => [w, ((w.status === 'Done' ? 0.35 : 1) * DEMAND[w.kind]) / Math.pow(i + 1, 0.85)] as const),
  );
  const tickets: Draft[] = [];
  const feedbackLinks: [Draft, Draft][] = [];
  const askedBy = new Set<string>();
  for (let i = 0; i < p.feedbackTickets; i++) {
    const linked = demand.size > 0 && rFb.chance(0.92);
    const targets: Draft[] = [];
    if (linked) {
      const first = demand.pick(rFb);
      targets.push(first);
      if (rFb.chance(0.12)) {
        const extra = rFb.int(1, 2);
        for (let k = 0; k < extra * 4 && targets.length < 1 + extra; k++) {
          const cand = demand.pick(rFb);
          if (!targets.includes(cand) && (cand.theme === first.theme || k >= extra * 2)) targets.push(cand);
        }
      }
    }
    const first = targets[0];
    let org = orgTable.pick(rFb);
    for (let k = 0; first && k < 4 && askedBy.has(`${first.seq}|${org.org.id}`); k++) org = orgTable.pick(rFb);
    const defect = first !== undefined && first.kind === 'bug';
    const type: TypeName = first === undefined ? 'Support request' : rFb.chance(0.85) === defect ? 'Support request' : 'Feature request';
    const d = blank('SUP', 'ticket', type, first?.theme ?? -1);
    d.org = org;
    d.summary = first === undefined ? rFb.pick(UNLINKED_TICKETS) : fill(rFb.pick(defect ? SUPPORT_REQUESTS : FEATURE_REQUESTS), first.topic);
    d.topic = first?.topic ?? d.summary;
    d.reporter = rFb.pick(org.customers);
    d.created = at(plusDays(now, -(1 + (FEEDBACK_DAYS - 1) * Math.pow(rFb.next(), 1.8))), rFb);
    const age = daysBetween(d.created, now);
    d.status =
      age > 45
        ? rFb.weighted([
            ['Resolved', 55],
            ['Closed', 30],
            ['Waiting for customer', 5],
            ['Waiting for support', 10],
          ] as const)
        : rFb.weighted([
            ['Waiting for support', 45],
            ['In Progress', 25],
            ['Waiting for customer', 20],
            ['Resolved', 10],
          ] as const);
    d.priority = defect
      ? rFb.weighted([
          ['Highest', 10],
          ['High', 40],
          ['Medium', 50],
        ] as const)
      : rFb.weighted([
          ['High', 15],
          ['Medium', 60],
          ['Low', 25],
        ] as const);
    d.assignee = d.status === 'Waiting for support' ? null : people.agent;
    if (statusCategoryOf(d.status) === 'done') {
      d.resolved = clamp(plusDays(d.created, rFb.between(0.2, 20)), d.created, now);
      d.resolution = rFb.chance(0.85) ? 'Done' : "Won't Do";
      d.updated = d.resolved;
    } else {
      d.updated = clamp(plusDays(d.created, rFb.between(0, 10)), d.created, now);
    }
    d.description = `Reported via the support portal by ${d.reporter.displayName} (${org.org.name}).`;
    tickets.push(d);
    for (const t of targets) {
      feedbackLinks.push([d, t]);
      askedBy.add(`${t.seq}|${org.org.id}`);
    }
  }

  return { orgs, orgTable, demand, tickets, feedbackLinks };
}

function buildOrgs(p: Params, rng: Rng): Org[] {
  const wanted = p.curatedOrgs ? ORGANISATIONS.length : Math.max(ORGANISATIONS.length, Math.round(p.feedbackTickets / 8));
  const names: (readonly [string, TierName])[] = [...ORGANISATIONS];
  for (let i = 0; names.length < wanted; i++) {
    const first = ORG_FIRST[i % ORG_FIRST.length] as string;
    const second = ORG_SECOND[Math.floor(i / ORG_FIRST.length) % ORG_SECOND.length] as string;
    const round = Math.floor(i / (ORG_FIRST.length * ORG_SECOND.length));
    const tier = rng.weighted([
      ['Enterprise', 15],
      ['Business', 45],
      ['Free', 40],
    ] as const);
    names.push([round === 0 ? `${first} ${second}` : `${first} ${second} ${round + 1}`, tier]);
  }
  return names.slice(0, wanted).map(([name, tier], i) => {
    const slug = slugify(name);
    const customers: SeedUserRef[] = [];
    const count = rng.int(1, tier === 'Enterprise' ? 4 : 2);
    for (let k = 0; k < count; k++) {
      customers.push({
        accountId: `712020:${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
        displayName: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
        accountType: 'customer',
        active: true,
      });
    }
    const base = tier === 'Enterprise' ? 3 : tier === 'Business' ? 1.5 : 0.7;
    return { org: { id: String(i + 1), name }, tier, slug, customers, activity: base * rng.between(0.4, 1.6) };
  });
}
