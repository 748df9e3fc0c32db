import { FACTOR_IDS, type EffortInfo } from '../../contract/model';
import { GAP_HINTS, type GapCode } from '../../contract/gaps';
import type { ValueRankConfig } from '../../contract/config';
import type { ScoringInput } from './input';
import { classifyLinks, linkRulesFor, type LinkRules } from './links';
import { MALFORMED, readDate, saturate } from './read-values';
import { effortOf, medianPoints, readPoints } from './effort';
import { businessValueFactor, optionValueMap, readBusinessValue } from './business-value';
import { TimeCriticalityCache, timeCriticality } from './time-criticality';
import {
  CustomerVoiceCounter,
  compilePatterns,
  readVotes,
  ticketCustomers,
  ticketGaps,
  ticketWeight,
  ticketSignals,
  type CustomerSignal,
} from './customer-voice';
import { debtRules, techDebt, type DebtRules } from './tech-debt';
import { BlocksGraph } from './enablement';
import { groupWeightMap, stakeholders } from './stakeholders';
import type { UrlPattern } from './url-pattern';
import { memo } from './memo';

/** Gap codes in the order items list them (alphabetical); an issue's gaps are a bit set over this list. */
export const GAP_ORDER = (Object.keys(GAP_HINTS) as GapCode[]).sort();
const GAP_BIT = Object.fromEntries(GAP_ORDER.map((g, i) => [g, 1 << i])) as Record<GapCode, number>;
/** A linked feedback ticket that could not be read (marks the ticket, never an issue). */
const UNREADABLE = -1;

/** Factor values per issue in `PackedScores.factorValue` (one per factor, in FACTOR_IDS order). */
export const FACTORS = FACTOR_IDS.length;

/**
 * What a scoring run computes that does not depend on the weights: per issue (in Jira's order) the factor values,
 * customer mass and count, gap bits, estimates, business value and debt flag, plus what building an item's
 * evidence needs. `ScoredBacklog.withWeights` reuses it, so a what-if re-ranks without reading the issues again.
 */
export class PackedScores {
  /** Candidates' indexes in `input.candidates`, deduplicated, in Jira's order (jiraRank − 1 = position here). */
  readonly index: Uint32Array;
  /** Issue key → its position in `index` (built while deduplicating; `positionOf` reads it). */
  readonly issueOfKey = new Map<string, number>();
  /** Per issue (Jira order): factor values (FACTORS per issue), customer mass and count, gap bits. */
  readonly factorValue: Float64Array;
  /** Effort divisor per issue. */
  readonly divisor: Float64Array;
  readonly mass: Float64Array;
  readonly customerCount: Uint32Array;
  readonly gapBits: Uint32Array;
  readonly points: Float64Array;
  readonly createdMs: Float64Array;
  readonly debt: Uint8Array;
  /** Business value read (NaN when missing or malformed). */
  readonly bv: Float64Array;

  readonly median: number;
  readonly bvMax: number;
  /** The largest business value read among the candidates (0 when none). */
  readonly observedBvMax: number;
  readonly linkRules: LinkRules;
  readonly debtRules: DebtRules;
  readonly config: ValueRankConfig;
  readonly patterns: UrlPattern[];
  readonly tierWeights: ReadonlyMap<string, number>;
  readonly groupWeights: ReadonlyMap<string, number>;
  /** Votes per issue (Jira order) that count, for confidence. */
  readonly voters: Uint32Array;
  readonly optionValues: ReadonlyMap<string, number>;
  readonly graph = new BlocksGraph();
  readonly timeCache: TimeCriticalityCache;
  /** Feedback tickets by index (in the order first linked): keys, and the tickets read whole for evidence. */
  readonly ticketKeys: string[] = [];
  readonly ticketsRead: (CustomerSignal[] | null | undefined)[] = [];
  /** Each issue's linked feedback tickets (as ticket indexes): feedTickets[feedStart[j] … feedStart[j + 1]). */
  readonly feedStart: Uint32Array;
  readonly feedTickets: Uint32Array;
  readonly sharedEffort = memo<number | null, EffortInfo>();
  readonly sharedBv = memo<string, { value: number | null; option: string | null; max: number }>();

  constructor(private readonly input: ScoringInput) {
    const { config, fields, now } = input;
    this.config = config;
    this.optionValues = optionValueMap(config.businessValue);
    this.debtRules = debtRules(config.techDebt);
    this.linkRules = linkRulesFor(config, input.feedbackProjects);
    this.patterns = compilePatterns(config.customerVoice.remoteLinkPatterns);
    this.tierWeights = new Map(Object.entries(config.customerVoice.tierWeights).map(([k, v]) => [k.trim().toLowerCase(), v]));
    this.timeCache = new TimeCriticalityCache(now, config.timeCriticality);
    this.groupWeights = groupWeightMap(config.stakeholders);

    // A key listed twice (a search page that shifted while issues moved) is scored once, at its first rank.
    const kept: number[] = [];
    for (let i = 0; i < input.candidates.length; i++) {
      const key = input.candidates[i]!.key;
      if (this.issueOfKey.has(key)) continue;
      this.issueOfKey.set(key, kept.length);
      kept.push(i);
    }
    const n = kept.length;
    this.index = Uint32Array.from(kept);
    this.divisor = new Float64Array(n);
    this.factorValue = new Float64Array(n * FACTORS);
    this.mass = new Float64Array(n);
    this.customerCount = new Uint32Array(n);
    this.gapBits = new Uint32Array(n);
    this.points = new Float64Array(n);
    this.createdMs = new Float64Array(n);
    this.debt = new Uint8Array(n);
    this.voters = new Uint32Array(n);

    // Feedback tickets, read once each however many issues link them: weight, gap bits (or UNREADABLE) and the
    // slots of their customers (tSlots[tStart[t] … tStart[t + 1])).
    const voice = new CustomerVoiceCounter(config.customerVoice);
    const ticketOf = new Map<string, number>();
    const tWeight: number[] = [];
    const tGaps: number[] = [];
    const tStart: number[] = [0];
    const tSlots: number[] = [];
    const readTicket = (key: string): number => {
      const raw = input.linked.get(key);
      const t = tWeight.length;
      ticketOf.set(key, t);
      this.ticketKeys.push(key);
      if (raw === undefined) {
        tWeight.push(0);
        tGaps.push(UNREADABLE);
      } else {
        const { customers, noCustomer } = ticketCustomers(raw, fields.organizations);
        const { at, weight } = ticketWeight(raw, fields.customerTier, this.tierWeights, now, config.customerVoice);
        for (const c of customers) tSlots.push(voice.slot(c.id));
        tWeight.push(weight);
        let bits = 0;
        for (const g of ticketGaps(noCustomer, at)) bits |= GAP_BIT[g];
        tGaps.push(bits);
      }
      tStart.push(tSlots.length);
      return t;
    };

    // Pass 1, per issue: everything that needs only the issue (and its tickets).
    const knownPoints: number[] = [];
    let observedMax = 0;
    const bv = (this.bv = new Float64Array(n));
    const feedStart = (this.feedStart = new Uint32Array(n + 1));
    // Linked tickets of every issue, one after another (grown by doubling: 500,000 entries at 100,000 issues).
    let feed = new Uint32Array(Math.max(16, n * 4));
    let fed = 0;
    const TIME = FACTOR_IDS.indexOf('timeCriticality');
    const DEBT = FACTOR_IDS.indexOf('techDebt');
    const VOICE = FACTOR_IDS.indexOf('customerVoice');
    const VOTES = FACTOR_IDS.indexOf('stakeholders');
    for (let j = 0; j < n; j++) {
      const issue = input.candidates[this.index[j]!]!;
      const f = issue.fields;
      let gaps = 0;
      const links = classifyLinks(issue.key, f.issuelinks, this.linkRules);
      if (links.malformed) gaps |= GAP_BIT['links.malformed'];
      this.graph.addEdges(links.blocks);

      const b = readBusinessValue(fields.businessValue === null ? undefined : f[fields.businessValue], this.optionValues);
      if (b.value === MALFORMED) gaps |= GAP_BIT['businessValue.malformed'];
      else if (b.value === null && fields.businessValue !== null) gaps |= GAP_BIT['businessValue.missing'];
      bv[j] = typeof b.value === 'number' ? b.value : Number.NaN;
      if (typeof b.value === 'number' && b.value > observedMax) observedMax = b.value;

      const points = fields.storyPoints === null ? null : readPoints(f[fields.storyPoints]);
      if (typeof points === 'number') knownPoints.push(points);
      else gaps |= points === MALFORMED ? GAP_BIT['effort.malformed'] : GAP_BIT['effort.missing'];
      this.points[j] = typeof points === 'number' ? points : Number.NaN;

      const created = readDate(f.created);
      if (created === MALFORMED) gaps |= GAP_BIT['created.malformed'];
      const createdMs = typeof created === 'number' ? created : null;
      this.createdMs[j] = createdMs ?? Number.NaN;

      voice.begin();
      for (const ticketKey of links.feedback) {
        const t = ticketOf.get(ticketKey) ?? readTicket(ticketKey);
        if (fed === feed.length) {
          const grown = new Uint32Array(feed.length * 2);
          grown.set(feed);
          feed = grown;
        }
        feed[fed++] = t;
        if (tGaps[t] === UNREADABLE) {
          gaps |= GAP_BIT['feedback.unreadable'];
          continue;
        }
        gaps |= tGaps[t]!;
        const w = tWeight[t]!;
        for (let s = tStart[t]!; s < tStart[t + 1]!; s++) voice.add(tSlots[s]!, w);
      }
      const remote = input.remoteLinks.get(issue.key);
      if (remote !== undefined && voice.addRemoteLinks(remote, this.patterns)) gaps |= GAP_BIT['remoteLink.malformed'];
      const { votes, malformed: votesMalformed } = readVotes(fields.customerCount === null ? null : f[fields.customerCount]);
      if (votesMalformed) gaps |= GAP_BIT['customerCount.malformed'];
      const m = voice.mass(votes);
      this.mass[j] = m;
      this.customerCount[j] = voice.customers;
      this.factorValue[j * FACTORS + VOICE] = saturate(m, config.customerVoice.saturation);

      const time = timeCriticality(f, this.timeCache);
      if (time.malformed) gaps |= GAP_BIT['dueDate.malformed'];
      this.factorValue[j * FACTORS + TIME] = time.value;

      const debt = techDebt(f, links.causes, createdMs, now, this.debtRules);
      this.factorValue[j * FACTORS + DEBT] = debt.value;
      this.debt[j] = debt.evidence.isDebt ? 1 : 0;

      const stake = this.stakeholdersAt(j);
      this.factorValue[j * FACTORS + VOTES] = stake.value;
      this.voters[j] = stake.evidence.voters;
      this.gapBits[j] = gaps;
      feedStart[j + 1] = fed;
    }
    this.feedTickets = feed.slice(0, fed);

    // Pass 2: what needs the whole project (the median estimate, the largest business value, the blocks graph).
    const ctx = input.projectContext;
    if (ctx !== undefined) this.graph.addEdges(ctx.blocks);
    this.observedBvMax = observedMax;
    this.median = ctx?.medianPoints ?? medianPoints(knownPoints, config.effort.defaultPoints);
    this.bvMax = config.businessValue.max ?? Math.max(observedMax, ctx?.businessValueMax ?? 0);
    const BV = FACTOR_IDS.indexOf('businessValue');
    const ENABLE = FACTOR_IDS.indexOf('enablement');
    for (let j = 0; j < n; j++) {
      const issue = input.candidates[this.index[j]!]!;
      this.factorValue[j * FACTORS + BV] = businessValueFactor(Number.isNaN(bv[j]!) ? null : bv[j]!, this.bvMax);
      const enabled = this.graph.enablement(issue.key, config.enablement);
      this.factorValue[j * FACTORS + ENABLE] = enabled.value;
      if (enabled.evidence.capped) this.gapBits[j]! |= GAP_BIT['enablement.capped'];
      this.divisor[j] = this.effortAt(j).divisor;
    }
  }

  effortAt(j: number): EffortInfo {
    const p = this.points[j]!;
    const known = Number.isNaN(p) ? null : p;
    return this.sharedEffort(known, () => effortOf(known, this.median, this.config.effort));
  }

  /** The stakeholders factor of issue `j` (Jira order), from the input's votes. */
  stakeholdersAt(j: number): ReturnType<typeof stakeholders> {
    const issue = this.input.candidates[this.index[j]!]!;
    return stakeholders(this.input.votes?.get(issue.id), this.groupWeights, this.config.stakeholders);
  }

  /** Ticket `t`'s customer signals (for evidence), read once; null when Jira did not return it. */
  ticket(t: number): CustomerSignal[] | null {
    let ticket = this.ticketsRead[t];
    if (ticket === undefined) {
      const raw = this.input.linked.get(this.ticketKeys[t]!);
      const { fields, now, config } = this.input;
      ticket = raw === undefined ? null : ticketSignals(raw, fields.organizations, fields.customerTier, this.tierWeights, now, config.customerVoice);
      this.ticketsRead[t] = ticket;
    }
    return ticket;
  }
}
