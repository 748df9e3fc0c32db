import { FACTOR_IDS, type BacklogItem, type Factor, type FactorId } from '../../contract/model';
import type { GapCode } from '../../contract/gaps';
import type { JiraIssueLike, ScoringInput } from './input';
import { classifyLinks } from './links';
import { readName, readText } from './read-values';
import { readBusinessValue } from './business-value';
import { timeCriticality } from './time-criticality';
import { CustomerVoiceAccumulator, readVotes } from './customer-voice';
import { techDebt } from './tech-debt';
import { contribution } from './contribution';
import { memo } from './memo';
import { confidenceOf } from './confidence';
import { FACTORS, GAP_ORDER, type PackedScores } from './packed-scores';

/** Shared by every issue without data gaps; never mutated. */
const NO_GAPS: string[] = Object.freeze([]) as unknown as string[];

/** The issue's summary (plain text, ≤ 500 characters). */
export function summaryOf(issue: JiraIssueLike): string {
  return readText(issue.fields.summary, 500);
}

/** The issue type name ('' when unreadable). */
export function issueTypeOf(issue: JiraIssueLike): string {
  return readName(issue.fields.issuetype) ?? '';
}

/**
 * Builds the items of one scoring run (one set of weights): the numbers from the packed scores, the evidence read
 * again from the issue.
 */
export class BacklogItemBuilder {
  private readonly sharedZero = memo<unknown, Factor>();

  /** `weightSum` is Σ wᵢ of `input.config.weights`, as the scores were computed with it. */
  constructor(
    private readonly input: ScoringInput,
    private readonly p: PackedScores,
    private readonly weightSum: number,
  ) {}

  /** The item of issue `j` (Jira order), ranked `rank` (1-based) with `score` (0–100). */
  build(j: number, rank: number, score: number): BacklogItem {
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
    const time = timeCriticality(f, this.p.timeCache).evidence;
    const evidence: Record<FactorId, unknown> = {
      customerVoice: voice.evidence(votes, this.p.mass[j]!),
      businessValue: this.p.sharedBv(`${bvValue}|${bvRead.option}`, () => ({ value: bvValue, option: bvRead.option, max: this.p.bvMax })),
      timeCriticality: time,
      techDebt: techDebt(f, causes, Number.isNaN(createdMs) ? null : createdMs, now, this.p.debtRules).evidence,
      enablement: this.p.graph.enablement(issue.key, config.enablement).evidence,
      stakeholders: this.p.stakeholdersAt(j).evidence,
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

    const gaps = gapsOf(this.p.gapBits[j]!);
    const confidence = confidenceOf({
      businessValue: bvValue !== null,
      points: !Number.isNaN(this.p.points[j]!),
      dueDate: time.dueDate !== null,
      customers: this.p.customerCount[j]!,
      voters: this.p.voters[j]!,
      gaps: gaps as GapCode[],
    });
    return {
      key: issue.key,
      id: issue.id,
      summary: summaryOf(issue),
      issueType: issueTypeOf(issue),
      status: readName(f.status) ?? '',
      rank,
      jiraRank: j + 1,
      score,
      confidence,
      factors,
      effort,
      customers: this.p.customerCount[j]!,
      isDebt: this.p.debt[j] === 1,
      pin: this.input.pins.get(issue.key) ?? null,
      gaps,
    };
  }
}

/** The gap codes a bit set (over GAP_ORDER) names. */
function gapsOf(bits: number): string[] {
  if (bits === 0) return NO_GAPS;
  const gaps: string[] = [];
  for (let g = 0; g < GAP_ORDER.length; g++) if ((bits & (1 << g)) !== 0) gaps.push(GAP_ORDER[g]!);
  return gaps;
}
