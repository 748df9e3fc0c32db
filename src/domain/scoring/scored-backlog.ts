import { FACTOR_IDS, type BacklogItem, type Pin } from '../../contract/model';
import type { ValueRankConfig } from '../../contract/config';
import type { JiraIssueLike, ScoringInput } from './input';
import { rankOrder } from '../ranking/rank-items';
import { Positions } from '../ranking/positions';
import { contribution, weightSum } from './contribution';
import { FACTORS, PackedScores } from './packed-scores';
import { BacklogItemBuilder, issueTypeOf, summaryOf } from './backlog-item';
import { LazyItems } from '../ranking/lazy-items';

/** The scored, ranked candidates of one scoring run. Positions are 0-based (rank − 1). */
export class ScoredBacklog {
  /** Per issue (Jira order): the score. */
  private readonly score: Float64Array;
  /** Positions → issues (Jira order). */
  private readonly order: Uint32Array;
  private readonly built: LazyItems<BacklogItem>;
  private readonly positions: Positions;
  private all: BacklogItem[] | null = null;
  private readonly builder: BacklogItemBuilder;

  private constructor(
    private readonly input: ScoringInput,
    private readonly p: PackedScores,
  ) {
    const weights = input.config.weights;
    const n = p.index.length;
    const sum = weightSum(weights);
    this.score = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      // The score is the sum of the contributions, in factor order, so the two agree exactly.
      let score = 0;
      for (let k = 0; k < FACTORS; k++) score += contribution(weights[FACTOR_IDS[k]!], p.factorValue[j * FACTORS + k]!, sum, p.divisor[j]!);
      this.score[j] = score;
    }
    this.order = rankOrder(this.score, (j) => input.pins.get(input.candidates[p.index[j]!]!.key)?.position);
    this.positions = new Positions(this.order, (key) => p.issueOfKey.get(key));
    this.built = new LazyItems(n, (position) => {
      const j = this.order[position]!;
      return this.builder.build(j, position + 1, this.score[j]!);
    });
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

  /** The position (0-based) of the issue with Jira rank `jiraRank` (1-based, as `jiraRankAt` gives). */
  positionOfJiraRank(jiraRank: number): number {
    return this.positions.ofJiraRank(jiraRank);
  }

  /** The position (0-based) of an issue key, or −1 when it is not ranked. */
  positionOf(key: string): number {
    return this.positions.of(key);
  }

  /** The item at a position, with its evidence (built once, on first use). */
  item(position: number): BacklogItem {
    return this.built.at(position);
  }

  /** Items at positions from…to−1 (clamped), in value order. */
  slice(from: number, to: number): BacklogItem[] {
    return this.built.slice(from, to);
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
