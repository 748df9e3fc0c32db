import type { Payload, ResultMap } from '../../contract/operations';
import { explainIssue as explainDomain } from '../../domain';
import type { AppDeps } from '../app-deps';
import { notFound } from '../errors';
import { requireSomeWeight } from '../shared/weights';
import type { JiraReader } from '../ports/jira';
import { itemsAt, openView } from '../snapshot/open-view';
import { fitMoves } from './answer-budget';
import { issueVotes } from '../votes/cast-vote';
import type { NamesOf } from '../history/current-point';
import { issueHistory } from '../history/issue-history';

/** The issue's place in its project's value order as the user sees it, and why, against its neighbours. */
export async function explainIssue(
  deps: AppDeps,
  reader: JiraReader,
  principal: string,
  projectKey: string,
  p: Payload<'explainIssue'>,
  names: NamesOf,
): Promise<ResultMap['explainIssue']> {
  const opened = await openView(deps, reader, projectKey, undefined, { principal });
  if (opened.status === 'building') {
    return { item: null, total: 0, above: null, below: null, configVersion: 0, computedAt: deps.clock().toISOString(), votes: [], ...opened, history: [] };
  }
  const { view, meta } = opened;
  const at = view.positionOf(p.issueKey);
  if (at < 0) throw notFound(`${p.issueKey} is not in ${projectKey}'s ranked backlog (done, an epic or a sub-task?) or`);
  // Only the issue and its two neighbours need their evidence.
  const around = [at - 1, at, at + 1].filter((pos) => pos >= 0 && pos < view.length);
  await itemsAt(deps, reader, projectKey, opened, around);
  const e = explainDomain(view, p.issueKey)!;
  const pinBy = e.item.pin?.by;
  const [votes, history, pinNames] = await Promise.all([
    issueVotes(deps, reader, projectKey, e.item.id),
    issueHistory(deps, projectKey, opened, view.idAt(at), names),
    pinBy === undefined ? Promise.resolve(new Map<string, string>()) : names([pinBy]),
  ]);
  const byName = pinBy === undefined ? undefined : pinNames.get(pinBy);
  if (e.item.pin !== null && byName !== undefined) e.item.pin = { ...e.item.pin, byName };
  return { ...e, configVersion: meta.configVersion, computedAt: meta.computedAt, votes, status: 'ready', sources: opened.sources, history };
}

/** Where each candidate the user can see would move with other weights, without saving anything. */
export async function previewWeights(deps: AppDeps, reader: JiraReader, principal: string, p: Payload<'previewWeights'>): Promise<ResultMap['previewWeights']> {
  const opened = await openView(deps, reader, p.projectKey, undefined, { principal });
  if (opened.status === 'building') return { moves: [] };
  const weights = { ...opened.weights };
  for (const [k, v] of Object.entries(p.weights) as [keyof typeof weights, number | undefined][]) if (v !== undefined) weights[k] = v;
  requireSomeWeight(weights, 'weights');
  const current = opened.view;
  const next = current.withWeights(weights);
  const moves: ResultMap['previewWeights']['moves'] = [];
  for (let pos = 0; pos < current.length; pos++) moves.push({ key: current.keyAt(pos), from: pos + 1, to: next.positionOf(current.keyAt(pos)) + 1 });
  return fitMoves(moves);
}
