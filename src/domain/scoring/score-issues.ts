import { FACTOR_IDS, type BacklogItem, type Factor, type FactorId } from '../../contract/model';
import type { GapCode } from '../../contract/gaps';
import type { ScoringInput } from './input';
import { classifyLinks, linkRulesFor, type ClassifiedLinks } from './links';
import { MALFORMED, readDate, readName, readText } from './read-values';
import { effortOf, medianPoints, readPoints } from './effort';
import { businessValueFactor, optionValueMap, readBusinessValue } from './business-value';
import { TimeCriticalityCache, timeCriticality } from './time-criticality';
import { CustomerVoiceAccumulator, compilePatterns, readFeedbackTicket, readVotes, type FeedbackTicket } from './customer-voice';
import { debtRules, techDebt } from './tech-debt';
import { BlocksGraph } from './enablement';
import { rankItems } from '../ranking/rank-items';

/** Confidence lost per gap kind (0–1); a score backed by estimates and defaults says so. */
const CONFIDENCE_PENALTY: Partial<Record<GapCode, number>> = {
  'effort.missing': 0.3,
  'effort.malformed': 0.3,
  'businessValue.missing': 0.25,
  'businessValue.malformed': 0.25,
};
const DEFAULT_PENALTY = 0.1;

/** Adds a gap code once; the array is created on the first gap (most issues have none). */
function addGap(gaps: GapCode[] | null, code: GapCode): GapCode[] {
  if (gaps === null) return [code];
  if (!gaps.includes(code)) gaps.push(code);
  return gaps;
}

/** Shared by every issue without data gaps; never mutated. */
const NO_GAPS: string[] = Object.freeze([]) as unknown as string[];

/**
 * Memoises values that many issues share (the same effort, the same business value, a zero factor with shared
 * evidence). Scoring 100,000 issues keeps every result alive until the end, so each object saved per issue is
 * 100,000 fewer objects for the garbage collector to copy. Shared values are never mutated.
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

/** Per-candidate facts gathered in the first pass, before observed maxima and medians are known. */
interface Prepared {
  index: number;
  /** 1-based position among the distinct candidates in Jira's order. */
  jiraRank: number;
  links: ClassifiedLinks;
  bvValue: number | null;
  bvOption: string | null;
  points: ReturnType<typeof readPoints>;
  createdMs: number | null;
  /** Gap codes, each once; null until the first gap. */
  gaps: GapCode[] | null;
}

/**
 * Scores and ranks the candidates (DESIGN.md, "Scoring model"):
 * score = 100 · Σ wᵢ·fᵢ / Σ wᵢ / effortDivisor, with each contribution reported so they add up to the score.
 * Returns the items in value order (pins applied); ties go to Jira's rank, then the key.
 * Pure and deterministic: the same input gives the same output, bit for bit.
 */
export function scoreIssues(input: ScoringInput): BacklogItem[] {
  const { config, fields, now } = input;
  const optionValues = optionValueMap(config.businessValue);
  const rules = debtRules(config.techDebt);
  const linkRules = linkRulesFor(config, input.feedbackProjects);
  const patterns = compilePatterns(config.customerVoice.remoteLinkPatterns);
  const tierWeights = new Map(Object.entries(config.customerVoice.tierWeights).map(([k, v]) => [k.trim().toLowerCase(), v]));
  const graph = new BlocksGraph();
  const timeCache = new TimeCriticalityCache(now, config.timeCriticality);
  const tickets = new Map<string, FeedbackTicket | null>();

  const prepared: Prepared[] = [];
  const knownPoints: number[] = [];
  let observedMax = 0;
  const seenKeys = new Set<string>();
  for (let i = 0; i < input.candidates.length; i++) {
    const issue = input.candidates[i]!;
    // A key listed twice (a search page that shifted while issues moved) is scored once, at its first rank.
    if (seenKeys.has(issue.key)) continue;
    seenKeys.add(issue.key);
    const f = issue.fields;
    let gaps: GapCode[] | null = null;
    const links = classifyLinks(issue.key, f.issuelinks, linkRules);
    if (links.malformed) gaps = addGap(gaps, 'links.malformed');
    graph.addEdges(links.blocks);
    const bv = readBusinessValue(fields.businessValue === null ? undefined : f[fields.businessValue], optionValues);
    if (bv.value === MALFORMED) gaps = addGap(gaps, 'businessValue.malformed');
    else if (bv.value === null && fields.businessValue !== null) gaps = addGap(gaps, 'businessValue.missing');
    const bvValue = typeof bv.value === 'number' ? bv.value : null;
    if (bvValue !== null && bvValue > observedMax) observedMax = bvValue;
    const points = fields.storyPoints === null ? null : readPoints(f[fields.storyPoints]);
    if (typeof points === 'number') knownPoints.push(points);
    else gaps = addGap(gaps, points === MALFORMED ? 'effort.malformed' : 'effort.missing');
    const created = readDate(f.created);
    if (created === MALFORMED) gaps = addGap(gaps, 'created.malformed');
    prepared.push({ index: i, jiraRank: prepared.length + 1, links, bvValue, bvOption: bv.option, points, createdMs: typeof created === 'number' ? created : null, gaps });
  }

  const ctx = input.projectContext;
  if (ctx !== undefined) graph.addEdges(ctx.blocks);
  const median = ctx?.medianPoints ?? medianPoints(knownPoints, config.effort.defaultPoints);
  const bvMax = config.businessValue.max ?? Math.max(observedMax, ctx?.businessValueMax ?? 0);
  const weightSum = FACTOR_IDS.reduce((s, id) => s + config.weights[id], 0);

  const sharedEffort = memo<number | null, ReturnType<typeof effortOf>>();
  const sharedBv = memo<string, { value: number | null; option: string | null; max: number }>();
  const sharedZero = memo<unknown, Factor>();

  const items: BacklogItem[] = [];
  for (const p of prepared) {
    const issue = input.candidates[p.index]!;
    const f = issue.fields;
    let gaps = p.gaps;

    const voice = new CustomerVoiceAccumulator(config.customerVoice);
    for (const ticketKey of p.links.feedback) {
      let ticket = tickets.get(ticketKey);
      if (ticket === undefined) {
        const raw = input.linked.get(ticketKey);
        ticket = raw === undefined ? null : readFeedbackTicket(raw, fields.organizations, fields.customerTier, tierWeights, now, config.customerVoice);
        tickets.set(ticketKey, ticket);
      }
      if (ticket === null) {
        gaps = addGap(gaps, 'feedback.unreadable');
        continue;
      }
      for (const g of ticket.gaps) gaps = addGap(gaps, g);
      voice.addTicket(ticket);
    }
    const remote = input.remoteLinks.get(issue.key);
    if (remote !== undefined && voice.addRemoteLinks(remote, patterns).malformed) gaps = addGap(gaps, 'remoteLink.malformed');
    const { votes, malformed: votesMalformed } = readVotes(fields.customerCount === null ? null : f[fields.customerCount]);
    if (votesMalformed) gaps = addGap(gaps, 'customerCount.malformed');
    const cv = voice.result(votes);

    const time = timeCriticality(f, timeCache);
    if (time.malformed) gaps = addGap(gaps, 'dueDate.malformed');
    const debt = techDebt(f, p.links.causes, p.createdMs, now, rules);
    const enable = graph.enablement(issue.key, config.enablement);
    const effort = sharedEffort(typeof p.points === 'number' ? p.points : null, () => effortOf(p.points, median, config.effort));

    const d = effort.divisor;
    const factor = (id: FactorId, value: number, evidence: unknown): Factor => {
      const weight = config.weights[id];
      const make = (): Factor => ({ value, weight, contribution: weightSum > 0 ? (100 * weight * value) / weightSum / d : 0, evidence });
      // A zero factor with shared evidence (no due date, not debt, blocks nothing) is the same for every issue.
      return value === 0 && Object.isFrozen(evidence) ? sharedZero(evidence, make) : make();
    };
    const factors: Record<FactorId, Factor> = {
      customerVoice: factor('customerVoice', cv.value, cv.evidence),
      businessValue: factor(
        'businessValue',
        businessValueFactor(p.bvValue, bvMax),
        sharedBv(`${p.bvValue}|${p.bvOption}`, () => ({ value: p.bvValue, option: p.bvOption, max: bvMax })),
      ),
      timeCriticality: factor('timeCriticality', time.value, time.evidence),
      techDebt: factor('techDebt', debt.value, debt.evidence),
      enablement: factor('enablement', enable.value, enable.evidence),
    };
    // The score is the sum of the contributions, in factor order, so the two agree exactly.
    let score = 0;
    for (const id of FACTOR_IDS) score += factors[id].contribution;

    let confidence = 1;
    for (const g of gaps ?? NO_GAPS) confidence -= CONFIDENCE_PENALTY[g as GapCode] ?? DEFAULT_PENALTY;
    const statusName = readName(f.status) ?? '';
    items.push({
      key: issue.key,
      id: issue.id,
      summary: readText(f.summary, 500),
      issueType: readName(f.issuetype) ?? '',
      status: statusName,
      rank: 0,
      jiraRank: p.jiraRank,
      score,
      confidence: Math.max(0, Math.min(1, confidence)),
      factors,
      effort,
      customers: cv.customers,
      isDebt: debt.evidence.isDebt,
      pin: input.pins.get(issue.key) ?? null,
      gaps: gaps === null ? NO_GAPS : gaps.sort(),
    });
  }
  return rankItems(items);
}
