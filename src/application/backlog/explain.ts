import type { Payload, ResultMap } from '../../contract/operations';
import { explainIssue as explainDomain, scoreBacklog } from '../../domain';
import { AppError, notFound } from '../errors';
import type { JiraReader } from '../ports/jira';
import { rankProject, withWeights, type AppDeps } from './rank-project';

/** The issue's place in its project's value order, and why, against its neighbours. */
export async function explainIssue(deps: AppDeps, reader: JiraReader, principal: string, projectKey: string, p: Payload<'explainIssue'>): Promise<ResultMap['explainIssue']> {
  const ranking = await rankProject(deps, reader, projectKey, undefined, { principal });
  const e = explainDomain(ranking.backlog, p.issueKey);
  if (e === null) throw notFound(`${p.issueKey} is not in ${projectKey}'s ranked backlog (done, an epic or a sub-task?) or`);
  return { ...e, configVersion: ranking.configVersion, computedAt: ranking.computedAt };
}

/** Where each candidate would move with other weights, without saving anything. */
export async function previewWeights(deps: AppDeps, reader: JiraReader, principal: string, p: Payload<'previewWeights'>): Promise<ResultMap['previewWeights']> {
  const current = await rankProject(deps, reader, p.projectKey, undefined, { principal });
  const config = withWeights(current.config, p.weights);
  if (!Object.values(config.weights).some((w) => w > 0)) throw new AppError('INVALID_PAYLOAD', 'weights: at least one weight must be above 0');
  const pins = await deps.pins.all(p.projectKey);
  const l = current.loaded;
  const next = scoreBacklog({
    now: deps.clock(),
    config,
    fields: l.fields,
    candidates: l.candidates,
    linked: l.linked,
    remoteLinks: l.remoteLinks,
    feedbackProjects: l.feedbackProjects,
    pins,
  });
  const { backlog } = current;
  const moves: ResultMap['previewWeights']['moves'] = [];
  for (let pos = 0; pos < backlog.length; pos++) {
    const key = backlog.keyAt(pos);
    const to = next.positionOf(key);
    moves.push({ key, from: pos + 1, to: to < 0 ? pos + 1 : to + 1 });
  }
  return { moves };
}
