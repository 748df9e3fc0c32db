import { FACTOR_IDS, type BacklogItem, type EffortInfo, type Factor, type FactorId, type Pin } from '../../contract/model';
import { GAP_HINTS, type GapCode } from '../../contract/gaps';
import type { ValueRankConfig } from '../../contract/config';
import type { JiraIssueLike, ScoringInput } from './input';
import { classifyLinks, linkRulesFor, type LinkRules } from './links';
import { MALFORMED, readDate, readName, readText, saturate } from './read-values';
import { effortOf, medianPoints, readPoints } from './effort';
import { businessValueFactor, optionValueMap, readBusinessValue } from './business-value';
import { TimeCriticalityCache, timeCriticality } from './time-criticality';
import {
  CustomerVoiceAccumulator,
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
import type { UrlPattern } from './url-pattern';
import { rankOrder } from '../ranking/rank-items';
import { contribution, weightSum } from './contribution';

/** Confidence lost per gap kind (0–1); a score backed by estimates and defaults says so. */
const CONFIDENCE_PENALTY: Partial<Record<GapCode, number>> = {
  'effort.missing': 0.3,
  'effort.malformed': 0.3,
  'businessValue.missing': 0.25,
  'businessValue.malformed': 0.25,
};
const DEFAULT_PENALTY = 0.1;

/** Gap codes in the order items list them (alphabetical); an issue's gaps are a bit set over this list. */
const GAP_ORDER = (Object.keys(GAP_HINTS) as GapCode[]).sort();
const GAP_BIT = Object.fromEntries(GAP_ORDER.map((g, i) => [g, 1 << i])) as Record<GapCode, number>;
/** A linked feedback ticket that could not be read (marks the ticket, never an issue). */
const UNREADABLE = -1;

/** Shared by every issue without data gaps; never mutated. */
const NO_GAPS: string[] = Object.freeze([]) as unknown as string[];

const FACTORS = FACTOR_IDS.length;

/**
 * Memoises values that many items share (the same effort, a zero factor with shared evidence). A project's items
 * all stay alive while it is shown, so each object saved per item is one fewer for the garbage collector to copy.
 * Shared values are never mutated.
 */
function memo<K, V>(): (key: K, make: () => V) => V {
  const m = new Map<K, V>();
  return (key, make) => {
    let v = m.get(key);
    if (v === undefined) {
      v = make();
      m.set(key, v);
    }
    return v;
  };
}

/**
 * Scores and ranks the candidates (DESIGN.md, "Scoring model"):
 * score = 100 · Σ wᵢ·fᵢ / Σ wᵢ / effortDivisor, with each contribution reported so they add up to the score.
 * Items come in value order (pins applied); ties go to Jira's rank. Pure and deterministic: the same input gives
 * the same output, bit for bit. Builds every item; `scoreBacklog` builds them on demand.
 */
export function scoreIssues(input: ScoringInput): BacklogItem[] {
  return scoreBacklog(input).items();
}

/**
 * Scores and ranks the candidates, keeping the numbers (scores, factor values, gaps) in packed arrays and building
 * an item — with its evidence: customers, due date, debt, blocked issues — only when it is asked for. A page of a
 * 20,000-issue backlog builds 100 items; scores, ranks and the order are known for all of them.
 */
export function scoreBacklog(input: ScoringInput): ScoredBacklog {
  return ScoredBacklog.of(input);
}

/**
 * What a scoring run computes that does not depend on the weights: per issue (in Jira's order) the factor values,
 * customer mass and count, gap bits, estimates, business value and debt flag, plus what building an item's
 * evidence needs. `ScoredBacklog.withWeights` reuses it, so a what-if re-ranks without reading the issues again.
 */
class PackedScores {
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

/** The scored, ranked candidates of one scoring run. Positions are 0-based (rank − 1). */
export class ScoredBacklog {
  /** Per issue (Jira order): the score. */
  private readonly score: Float64Array;
  /** Positions → issues (Jira order). */
  private readonly order: Uint32Array;
  private readonly built: (BacklogItem | undefined)[];
  /** Issues (Jira order) → positions: the inverse of `order`, built on first use. */
  private positionByIssue: Uint32Array | null = null;
  private all: BacklogItem[] | null = null;
  private readonly weightSum: number;
  private readonly sharedZero = memo<unknown, Factor>();

  private constructor(
    private readonly input: ScoringInput,
    private readonly p: PackedScores,
  ) {
    const weights = input.config.weights;
    const n = p.index.length;
    this.weightSum = weightSum(weights);
    this.score = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      // The score is the sum of the contributions, in factor order, so the two agree exactly.
      let score = 0;
      for (let k = 0; k < FACTORS; k++) score += contribution(weights[FACTOR_IDS[k]!], p.factorValue[j * FACTORS + k]!, this.weightSum, p.divisor[j]!);
      this.score[j] = score;
    }
    this.order = rankOrder(this.score, (j) => input.pins.get(input.candidates[p.index[j]!]!.key)?.position);
    this.built = new Array<BacklogItem | undefined>(n);
  }

  /** Scores and ranks `input` (see `scoreBacklog`). */
  static of(input: ScoringInput): ScoredBacklog {
    return new ScoredBacklog(input, new PackedScores(input));
  }

  /**
   * The same candidates ranked with other weights: the factor values do not depend on the weights, so only the
   * scores and the order are computed again. Gives exactly what scoring the input with those weights gives.
   */
  withWeights(weights: ValueRankConfig['weights']): ScoredBacklog {
    return new ScoredBacklog({ ...this.input, config: { ...this.input.config, weights } }, this.p);
  }

  /** How many issues are ranked. */
  get length(): number {
    return this.order.length;
  }

  /** The issue key at a position (0-based) of the value order. */
  keyAt(position: number): string {
    return this.candidateAt(position).key;
  }

  /** The issue id at a position. */
  idAt(position: number): string {
    return this.candidateAt(position).id;
  }

  /**
   * The id of an issue the input carries: a candidate, or a linked issue (a feedback ticket); undefined for any
   * other key. A snapshot maps every key its evidence names to an id, so a page can ask which ones a user may open.
   */
  idOf(key: string): string | undefined {
    const j = this.p.issueOfKey.get(key);
    return j === undefined ? this.input.linked.get(key)?.id : this.input.candidates[this.p.index[j]!]!.id;
  }

  /** The score (0–100) at a position. */
  scoreAt(position: number): number {
    return this.score[this.order[position]!]!;
  }

  /** Jira's rank (1-based, among the candidates) of the issue at a position. */
  jiraRankAt(position: number): number {
    return this.order[position]! + 1;
  }

  /**
   * The story points an issue without an estimate counts with: the median of the candidates' estimates (or of the
   * project context's, when one was given), else the configured default.
   */
  get medianPoints(): number {
    return this.p.median;
  }

  /** The largest business value read among the candidates (0 when none), whatever maximum the config sets. */
  get businessValueMax(): number {
    return this.p.observedBvMax;
  }

  /** Story points read from Jira for the issue at a position; null when missing or malformed. */
  pointsAt(position: number): number | null {
    const p = this.p.points[this.order[position]!]!;
    return Number.isNaN(p) ? null : p;
  }

  /** The business value read for the issue at a position (before normalising); null when missing or malformed. */
  businessValueAt(position: number): number | null {
    const v = this.p.bv[this.order[position]!]!;
    return Number.isNaN(v) ? null : v;
  }

  /** Whether the issue at a position is technical debt. */
  isDebtAt(position: number): boolean {
    return this.p.debt[this.order[position]!] === 1;
  }

  /** Distinct customers behind the issue at a position. */
  customersAt(position: number): number {
    return this.p.customerCount[this.order[position]!]!;
  }

  /** Whether the issue at a position has data gaps. */
  hasGapsAt(position: number): boolean {
    return this.p.gapBits[this.order[position]!] !== 0;
  }

  /** The raw Jira fields of the issue at a position (as the input gave them; never modified). */
  fieldsAt(position: number): Readonly<Record<string, unknown>> {
    return this.candidateAt(position).fields;
  }

  /** The issue's summary (plain text, ≤ 500 characters) at a position. */
  summaryAt(position: number): string {
    return readText(this.candidateAt(position).fields.summary, 500);
  }

  /** The issue type name at a position ('' when unreadable). */
  issueTypeAt(position: number): string {
    return readName(this.candidateAt(position).fields.issuetype) ?? '';
  }

  /** The pin of the issue at a position, or null. */
  pinAt(position: number): Pin | null {
    return this.input.pins.get(this.keyAt(position)) ?? null;
  }

  /** Every key in value order (position 0 first). */
  keysInValueOrder(): string[] {
    return Array.from(this.order, (j) => this.input.candidates[this.p.index[j]!]!.key);
  }

  /** Every key in Jira's order (jiraRank 1 first). */
  keysInJiraOrder(): string[] {
    return Array.from(this.p.index, (i) => this.input.candidates[i]!.key);
  }

  /** The position (0-based) of the issue with Jira rank `jiraRank` (1-based, as `jiraRankAt` gives). */
  positionOfJiraRank(jiraRank: number): number {
    const j = jiraRank - 1;
    if (!(j >= 0 && j < this.order.length)) throw new RangeError(`Jira rank ${jiraRank} is outside 1…${this.order.length}`);
    return this.positionOfIssue(j);
  }

  /** The position (0-based) of an issue key, or −1 when it is not ranked. */
  positionOf(key: string): number {
    const j = this.p.issueOfKey.get(key);
    return j === undefined ? -1 : this.positionOfIssue(j);
  }

  private positionOfIssue(j: number): number {
    if (this.positionByIssue === null) {
      this.positionByIssue = new Uint32Array(this.order.length);
      for (let p = 0; p < this.order.length; p++) this.positionByIssue[this.order[p]!] = p;
    }
    return this.positionByIssue[j]!;
  }

  /** The item at a position, with its evidence (built once, on first use). */
  item(position: number): BacklogItem {
    if (!(position >= 0 && position < this.order.length)) throw new RangeError(`position ${position} is outside 0…${this.order.length - 1}`);
    let it = this.built[position];
    if (it === undefined) {
      it = this.build(position);
      this.built[position] = it;
    }
    return it;
  }

  /** Items at positions from…to−1 (clamped), in value order. */
  slice(from: number, to: number): BacklogItem[] {
    const out: BacklogItem[] = [];
    for (let p = Math.max(0, from); p < Math.min(to, this.order.length); p++) out.push(this.item(p));
    return out;
  }

  /** Every item, in value order. */
  items(): BacklogItem[] {
    if (this.all === null) this.all = this.slice(0, this.order.length);
    return this.all;
  }

  private candidateAt(position: number): JiraIssueLike {
    return this.input.candidates[this.p.index[this.order[position]!]!]!;
  }

  /** Builds the item at a position: the numbers from the scoring pass, the evidence read again from the issue. */
  private build(position: number): BacklogItem {
    const j = this.order[position]!;
    const issue = this.input.candidates[this.p.index[j]!]!;
    const f = issue.fields;
    const { config, fields, now } = this.input;
    const voice = new CustomerVoiceAccumulator(config.customerVoice);
    for (let s = this.p.feedStart[j]!; s < this.p.feedStart[j + 1]!; s++) {
      const t = this.p.ticket(this.p.feedTickets[s]!);
      if (t !== null) voice.addTicket(t);
    }
    // Only debt lists what it causes; the links are read again for that alone.
    const causes = this.p.debt[j] === 1 ? classifyLinks(issue.key, f.issuelinks, this.p.linkRules).causes : [];
    const remote = this.input.remoteLinks.get(issue.key);
    if (remote !== undefined) voice.addRemoteLinks(remote, this.p.patterns);
    const { votes } = readVotes(fields.customerCount === null ? null : f[fields.customerCount]);
    const createdMs = this.p.createdMs[j]!;
    const bvRead = readBusinessValue(fields.businessValue === null ? undefined : f[fields.businessValue], this.p.optionValues);
    const bvValue = typeof bvRead.value === 'number' ? bvRead.value : null;
    const evidence: Record<FactorId, unknown> = {
      customerVoice: voice.evidence(votes, this.p.mass[j]!),
      businessValue: this.p.sharedBv(`${bvValue}|${bvRead.option}`, () => ({ value: bvValue, option: bvRead.option, max: this.p.bvMax })),
      timeCriticality: timeCriticality(f, this.p.timeCache).evidence,
      techDebt: techDebt(f, causes, Number.isNaN(createdMs) ? null : createdMs, now, this.p.debtRules).evidence,
      enablement: this.p.graph.enablement(issue.key, config.enablement).evidence,
    };

    const effort = this.p.effortAt(j);
    const factors = {} as Record<FactorId, Factor>;
    FACTOR_IDS.forEach((id, k) => {
      const value = this.p.factorValue[j * FACTORS + k]!;
      const weight = config.weights[id];
      const ev = evidence[id];
      const make = (): Factor => ({ value, weight, contribution: contribution(weight, value, this.weightSum, effort.divisor), evidence: ev });
      // A zero factor with shared evidence (no due date, not debt, blocks nothing) is the same for every issue.
      factors[id] = value === 0 && Object.isFrozen(ev) ? this.sharedZero(ev, make) : make();
    });

    const bits = this.p.gapBits[j]!;
    let gaps = NO_GAPS;
    let confidence = 1;
    if (bits !== 0) {
      gaps = [];
      for (let g = 0; g < GAP_ORDER.length; g++) {
        if ((bits & (1 << g)) === 0) continue;
        gaps.push(GAP_ORDER[g]!);
        confidence -= CONFIDENCE_PENALTY[GAP_ORDER[g]!] ?? DEFAULT_PENALTY;
      }
    }
    return {
      key: issue.key,
      id: issue.id,
      summary: this.summaryAt(position),
      issueType: this.issueTypeAt(position),
      status: readName(f.status) ?? '',
      rank: position + 1,
      jiraRank: j + 1,
      score: this.score[j]!,
      confidence: Math.max(0, Math.min(1, confidence)),
      factors,
      effort,
      customers: this.p.customerCount[j]!,
      isDebt: this.p.debt[j] === 1,
      pin: this.pinAt(position),
      gaps,
    };
  }
}
