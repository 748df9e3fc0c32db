import type { BacklogItem } from '../../contract/model';
import type { ScoringInput } from './input';
import { ScoredBacklog } from './scored-backlog';

export { ScoredBacklog };

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
