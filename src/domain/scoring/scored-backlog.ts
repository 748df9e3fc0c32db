import { FACTOR_IDS, type BacklogItem, type Pin } from '../../contract/model';
import type { ValueRankConfig } from '../../contract/config';
import type { JiraIssueLike, ScoringInput } from './input';
import { RankedOrder } from '../ranking/ranked-order';
import { contribution, weightSum } from './contribution';
import { FACTORS, PackedScores } from './packed-scores';
import { BacklogItemBuilder, issueTypeOf, summaryOf } from './backlog-item';

/** The scored, ranked candidates of one scoring run. Positions are 0-based (rank − 1). */
export class ScoredBacklog extends RankedOrder {
  private all: BacklogItem[] | null = null;
  private readonly builder: BacklogItemBuilder;

  private constructor(
    private readonly input: ScoringInput,
    private readonly p: PackedScores,
  ) {
    const weights = input.config.weights;
    const n = p.index.length;
    const sum = weightSum(weights);
    const scores = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      // The score is the sum of the contributions, in factor order, so the two agree exactly.
      let score = 0;
      for (let k = 0; k < FACTORS; k++) score += contribution(weights[FACTOR_IDS[k]!], p.factorValue[j * FACTORS + k]!, sum, p.divisor[j]!);
      scores[j] = score;
    }
    super(
      scores,
      (j) => input.pins.get(input.candidates[p.index[j]!]!.key)?.position,
      (key) => p.issueOfKey.get(key),
    );
    this.builder = new BacklogItemBuilder(input, p, sum);
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
    return summaryOf(this.candidateAt(position));
  }

  /** The issue type name at a position ('' when unreadable). */
  issueTypeAt(position: number): string {
    return issueTypeOf(this.candidateAt(position));
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

  protected buildItem(position: number): BacklogItem {
    const j = this.order[position]!;
    return this.builder.build(j, position + 1, this.score[j]!);
  }

  /** Every item, in value order. */
  items(): BacklogItem[] {
    if (this.all === null) this.all = this.slice(0, this.order.length);
    return this.all;
  }

  private candidateAt(position: number): JiraIssueLike {
    return this.input.candidates[this.p.index[this.order[position]!]!]!;
  }
}
