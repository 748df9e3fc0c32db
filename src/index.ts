export { resolver } from './resolvers';
export { onIssueEvent } from './events/on-issue-event';
export { onRecompute } from './events/on-recompute';
export { onDaily } from './events/on-daily';
