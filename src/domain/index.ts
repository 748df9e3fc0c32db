/** The pure core of ValueRank: scoring, ranking, explanations, rank-sync and roadmap planning. No I/O. */
export { defaultConfig } from './config/default-config';
export type { JiraIssueLike, ProjectContext, RemoteLinkLike, ResolvedFields, ScoringInput } from './scoring/input';
export { scoreIssues, scoreBacklog } from './scoring/score-issues';
export { ScoredBacklog } from './scoring/scored-backlog';
export { medianPoints } from './scoring/effort';
export { rankOrder } from './ranking/rank-items';
export { explainIssue, compareWith, neighbourSentence, type Explanation, type RankedItems } from './explain/explain-issue';
export * from './roadmap';
export * from './sprint';
export * from './rank-sync';
export { blocksEdges, classifyLinks, linkRulesFor, nameSet, type LinkRules } from './scoring/links';
export { snapshotOf } from './snapshot/snapshot-of';
export { SnapshotView } from './snapshot/snapshot-view';
export { SnapshotViewError } from './snapshot/snapshot-error';
export { redactEvidence, evidenceKeys } from './snapshot/redact';
export type { SnapshotEvidence, SnapshotRow, SourceProblem } from './snapshot/types';
export * from './history';
