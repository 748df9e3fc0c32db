import type { Payload, ResultMap } from '../../contract/operations';
import { explainIssue as explainDomain } from '../../domain';
import { AppError, notFound } from '../errors';
import type { JiraReader } from '../ports/jira';
import { rankProject, withWeights, type AppDeps } from './rank-project';
import { fitMoves } from './answer-budget';

/** The issue's place in its project's value order, and why, against its neighbours. */
export async function explainIssue(
  deps: AppDeps,
  reader: JiraReader,
  principal: string,
  projectKey: string,
  p: Payload<'explainIssue'>,
): Promise<ResultMap['explainIssue']> {
  const ranking = await rankProject(deps, reader, projectKey, undefined, { principal });
  const e = explainDomain(ranking.backlog, p.issueKey);
  if (e === null) throw notFound(`${p.issueKey} is not in ${projectKey}'s ranked backlog (done, an epic or a sub-task?) or`);
  return { ...e, configVersion: ranking.configVersion, computedAt: ranking.computedAt, status: 'ready' };
}

/** Where each candidate would move with other weights, without saving anything. */
export async function previewWeights(deps: AppDeps, reader: JiraReader, principal: string, p: Payload<'previewWeights'>): Promise<ResultMap['previewWeights']> {
  const current = await rankProject(deps, reader, p.projectKey, undefined, { principal });
  const config = withWeights(current.config, p.weights);
  if (!Object.values(config.weights).some((w) => w > 0)) throw new AppError('INVALID_PAYLOAD', 'weights: at least one weight must be above 0');
  // The current ranking's factor values, re-ranked with the new weights (the same pins, the same scoring instant).
  const next = current.backlog.withWeights(config.weights);
  const { backlog } = current;
  const moves: ResultMap['previewWeights']['moves'] = [];
  // Both rank the same candidates, so an issue is found in the other order by its Jira rank.
  for (let pos = 0; pos < backlog.length; pos++)
    moves.push({ key: backlog.keyAt(pos), from: pos + 1, to: next.positionOfJiraRank(backlog.jiraRankAt(pos)) + 1 });
  return fitMoves(moves);
}
