import { FACTOR_IDS, type BacklogItem, type Factor, type FactorId, type Pin } from '../../contract/model';
import type { ValueRankConfig } from '../../contract/config';
import type { RankedItems } from '../explain/explain-issue';
import { RankedOrder } from '../ranking/ranked-order';
import { contribution, weightSum } from '../scoring/contribution';
import { SnapshotViewError } from './snapshot-error';
import type { SnapshotEvidence, SnapshotRow } from './types';

const FACTORS = FACTOR_IDS.length;

/** The rows one user can see, in Jira's order, and what every ranking of them shares whatever the weights. */
interface Visible {
  /** Rows in Jira's order (ascending snapshot jiraRank, ties by key; a key listed twice is kept once). */
  rows: SnapshotRow[];
  /** Key → index in `rows`. */
  indexOf: Map<string, number>;
  pins: ReadonlyMap<string, Pin>;
}

/**
 * One user's ranking, read from a project snapshot: the rows they can browse, scored with the snapshot's factor
 * values and ranked among themselves (position 0 = rank 1). Scores are computed as `ScoredBacklog` computes them,
 * bit for bit, so they are the same for everyone; only positions and Jira ranks depend on what the user sees.
 * Items are built from evidence the caller attached (cut to what the user may open), on demand.
 */
export class SnapshotView extends RankedOrder implements RankedItems {
  private readonly evidence: Map<string, SnapshotEvidence>;

  private constructor(
    private readonly v: Visible,
    private readonly weights: ValueRankConfig['weights'],
    evidence: Map<string, SnapshotEvidence>,
  ) {
    const n = v.rows.length;
    const sum = weightSum(weights);
    const scores = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const row = v.rows[j]!;
      // The same terms in the same order as a scoring run, so the scores agree exactly.
      let score = 0;
      for (let k = 0; k < FACTORS; k++) score += contribution(weights[FACTOR_IDS[k]!], row.values[k]!, sum, row.divisor);
      scores[j] = score;
    }
    super(
      scores,
      (j) => v.pins.get(v.rows[j]!.key)?.position,
      (key) => v.indexOf.get(key),
    );
    this.evidence = evidence;
  }

  /** Ranks `rows` (the rows the asking user can see, in any order) with `weights`, pins applied. */
  static of(p: { rows: readonly SnapshotRow[]; pins: ReadonlyMap<string, Pin>; weights: ValueRankConfig['weights'] }): SnapshotView {
    const sorted = [...p.rows].sort((a, b) => a.jiraRank - b.jiraRank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const rows: SnapshotRow[] = [];
    const indexOf = new Map<string, number>();
    for (const row of sorted) {
      if (indexOf.has(row.key)) continue;
      indexOf.set(row.key, rows.length);
      rows.push(row);
    }
    return new SnapshotView({ rows, indexOf, pins: p.pins }, p.weights, new Map());
  }

  /** The same rows ranked with other weights (only scores and the order are computed again); attached evidence is kept. */
  withWeights(weights: ValueRankConfig['weights']): SnapshotView {
    return new SnapshotView(this.v, weights, new Map(this.evidence));
  }

  /**
   * Evidence (by issue key) for the items built later, added to what earlier calls attached (a key given again
   * replaces its evidence). Attach evidence already cut to what the user may open: items show it as given.
   */
  attachEvidence(evidence: ReadonlyMap<string, SnapshotEvidence>): void {
    for (const [key, ev] of evidence) {
      this.evidence.set(key, ev);
      this.forgetItem(key);
    }
  }

  /** The snapshot row at a position (0-based) of the value order. */
  rowAt(position: number): SnapshotRow {
    return this.v.rows[this.order[position]!]!;
  }

  keyAt(position: number): string {
    return this.rowAt(position).key;
  }

  idAt(position: number): string {
    return this.rowAt(position).id;
  }

  /** Story points read from Jira; null when missing or malformed. */
  pointsAt(position: number): number | null {
    return this.rowAt(position).points;
  }

  isDebtAt(position: number): boolean {
    return this.rowAt(position).isDebt;
  }

  /** Distinct customers behind the issue at a position. */
  customersAt(position: number): number {
    return this.rowAt(position).customers;
  }

  hasGapsAt(position: number): boolean {
    return this.rowAt(position).gaps.length > 0;
  }

  summaryAt(position: number): string {
    return this.rowAt(position).summary;
  }

  issueTypeAt(position: number): string {
    return this.rowAt(position).issueType;
  }

  labelsAt(position: number): string[] {
    return this.rowAt(position).labels;
  }

  /** The parent (epic) key, or null. */
  epicKeyAt(position: number): string | null {
    return this.rowAt(position).epicKey;
  }

  /** yyyy-MM-dd, or null. */
  dueDateAt(position: number): string | null {
    return this.rowAt(position).dueDate;
  }

  pinAt(position: number): Pin | null {
    return this.v.pins.get(this.keyAt(position)) ?? null;
  }

  /** Every key in value order (position 0 first). */
  keysInValueOrder(): string[] {
    return Array.from(this.order, (j) => this.v.rows[j]!.key);
  }

  /** Every key in Jira's order (jiraRank 1 first). */
  keysInJiraOrder(): string[] {
    return this.v.rows.map((r) => r.key);
  }

  /** The item at a position, with the evidence attached for its key. */
  protected buildItem(position: number): BacklogItem {
    const j = this.order[position]!;
    const row = this.v.rows[j]!;
    const ev = this.evidence.get(row.key);
    if (ev === undefined) throw new SnapshotViewError(`No evidence attached for ${row.key}: attach its (redacted) snapshot evidence before building its item`);
    const sum = weightSum(this.weights);
    const factors = {} as Record<FactorId, Factor>;
    FACTOR_IDS.forEach((id, k) => {
      const value = row.values[k]!;
      const weight = this.weights[id];
      factors[id] = { value, weight, contribution: contribution(weight, value, sum, row.divisor), evidence: ev.evidence[id] };
    });
    return {
      key: row.key,
      id: row.id,
      summary: row.summary,
      issueType: row.issueType,
      status: row.status,
      rank: position + 1,
      jiraRank: j + 1,
      score: this.score[j]!,
      confidence: row.confidence,
      factors,
      effort: ev.effort,
      customers: row.customers,
      isDebt: row.isDebt,
      pin: this.v.pins.get(row.key) ?? null,
      gaps: row.gaps,
    };
  }
}
