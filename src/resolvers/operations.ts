import { requireJiraAdmin, requireProjectPermission, requireSameProject, type Permission } from '../application/access/access';
import { getBacklog } from '../application/backlog/get-backlog';
import { explainIssue, previewWeights } from '../application/backlog/explain';
import { enrolProject } from '../application/background/enrolment';
import type { ConfigScope } from '../application/config/config-store';
import { validateConfig } from '../application/config/migrate-config';
import { previewConfig } from '../application/config/preview-config';
import { checkCandidateJqlWithJira } from '../application/config/validate-candidate-jql';
import { AppError, forbidden } from '../application/errors';
import type { JiraReader } from '../application/ports/jira';
import { requirePinnable } from '../application/pins/pinnable';
import { applyRankSync, planRankSync } from '../application/rank-sync/rank-sync';
import { getRoadmap } from '../application/roadmap/get-roadmap';
import { planSprint } from '../application/sprint/plan-sprint';
import { getShipped } from '../application/shipped/get-shipped';
import { notifyCustomers } from '../application/shipped/notify-customers';
import { displayNames } from '../application/users/display-names';
import { castVote } from '../application/votes/cast-vote';
import { getChanges } from '../application/history/get-changes';
import { createRuntime, type JiraSession } from '../composition';
import { DATA_SOURCE_PATHS } from '../contract/data-sources';
import type { OperationKey } from '../contract/operations';
import { projectOfKey } from '../domain/scoring/read-values';
import { PRESETS } from '../domain/config/presets';
import { operation, type CallContext, type OperationHandler } from './define';

const runtime = createRuntime();
const deps = runtime.deps;

/** Per call: a user-scoped reader with the UI call's time budget. */
function userReader(): JiraReader {
  return runtime.asUser().reader;
}

/** Checks that the call may act on `projectKey` with `permission`, as the user, and returns their reader. */
async function forProject(
  ctx: CallContext,
  projectKey: string,
  permission: Permission,
  action: string,
  session: JiraSession = runtime.asUser(),
): Promise<JiraReader> {
  requireSameProject(ctx.projectKey, projectKey);
  await requireProjectPermission(session.reader, projectKey, permission, action);
  return session.reader;
}

/** Config scope rules: a project override needs project admin; the global config needs Jira admin. */
async function forConfigWrite(ctx: CallContext, projectKey: string | undefined, action: string): Promise<ConfigScope> {
  if (projectKey !== undefined) {
    await forProject(ctx, projectKey, 'ADMINISTER_PROJECTS', action);
    return { kind: 'project', projectKey };
  }
  if (ctx.projectKey !== null) throw new AppError('FORBIDDEN', 'The global configuration is changed from the ValueRank admin page, not from a project.');
  await requireJiraAdmin(userReader(), action);
  return { kind: 'global' };
}

/** Browse is required (FORBIDDEN otherwise); true when the user also administers the project. */
async function canAdministerProject(ctx: CallContext, projectKey: string): Promise<boolean> {
  requireSameProject(ctx.projectKey, projectKey);
  const held = await userReader().myPermissions(projectKey, ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS']);
  if (held === null || !held.has('BROWSE_PROJECTS')) throw forbidden('see this project');
  return held.has('ADMINISTER_PROJECTS');
}

async function isJiraAdmin(reader: JiraReader): Promise<boolean> {
  return (await reader.myPermissions(null, ['ADMINISTER']))?.has('ADMINISTER') ?? false;
}

/** Display names as the user reads them (cached; "former user" for an account Jira no longer knows): "pinned by …". */
const namesFor =
  (reader: JiraReader) =>
  (accountIds: readonly string[]): Promise<Map<string, string>> =>
    displayNames(deps.kv, reader, accountIds);

/** Whose reads are reused (browsable ids, sprint capacity): the user on their site (an app instance may serve several installations). */
const principalOf = (ctx: CallContext): string => `${ctx.installContext}|${ctx.accountId}`;

export const handlers: { [K in OperationKey]: OperationHandler<K> } = {
  async getBacklog(p, ctx) {
    const reader = await forProject(ctx, p.projectKey, 'BROWSE_PROJECTS', 'see this project');
    await enrolProject(deps.kv, p.projectKey, 'opened', new Date());
    return getBacklog(deps, reader, principalOf(ctx), p);
  },
  async explainIssue(p, ctx) {
    const projectKey = projectOfKey(p.issueKey)!;
    if (ctx.issueKey !== null && ctx.issueKey !== p.issueKey)
      throw new AppError('FORBIDDEN', `This panel belongs to ${ctx.issueKey}; it cannot explain ${p.issueKey}.`);
    const reader = await forProject(ctx, projectKey, 'BROWSE_PROJECTS', 'see this issue');
    // The panel opens ValueRank on the project as much as the page does: without it, no snapshot would be built.
    await enrolProject(deps.kv, projectKey, 'opened', new Date());
    return explainIssue(deps, reader, principalOf(ctx), projectKey, p, namesFor(reader));
  },
  async getRoadmap(p, ctx) {
    const reader = await forProject(ctx, p.projectKey, 'BROWSE_PROJECTS', 'see this project');
    await enrolProject(deps.kv, p.projectKey, 'opened', new Date());
    return getRoadmap(deps, reader, principalOf(ctx), p);
  },
  async previewWeights(p, ctx) {
    return previewWeights(deps, await forProject(ctx, p.projectKey, 'BROWSE_PROJECTS', 'see this project'), principalOf(ctx), p);
  },
  async getConfig(p, ctx) {
    const full = p.projectKey === undefined ? await isJiraAdmin(userReader()) : await canAdministerProject(ctx, p.projectKey);
    const { scope, record, config } = await deps.configs.effective(p.projectKey ?? null);
    const version = record?.version ?? 0;
    if (!full) return { access: 'summary', scope, version, config: { weights: config.weights }, updatedAt: null, updatedBy: null };
    return { access: 'full', scope, version, config, updatedAt: record?.at ?? null, updatedBy: record?.by ?? null, globalOnly: [...DATA_SOURCE_PATHS] };
  },
  async saveConfig(p, ctx) {
    const scope = await forConfigWrite(ctx, p.projectKey, 'change the ValueRank configuration');
    const config = validateConfig(p.config);
    // Only the global config sets the candidate JQL (a project save may only repeat it): Jira parses it there.
    if (scope.kind === 'global' && config.candidateJql?.trim()) await checkCandidateJqlWithJira(userReader(), config.candidateJql.trim());
    const saved = await deps.configs.save(scope, p.expectedVersion, config, ctx.accountId);
    if (scope.kind === 'project') await enrolProject(deps.kv, scope.projectKey, 'override', new Date());
    await deps.requestRebuild?.(scope.kind === 'project' ? scope.projectKey : null);
    return { version: saved.version };
  },
  async getConfigHistory(p, ctx) {
    const scope = await forConfigWrite(ctx, p.projectKey, 'see the configuration history');
    const { entries, nextCursor } = await deps.configs.history(scope, {
      ...(p.cursor === undefined ? {} : { cursor: p.cursor }),
      ...(p.limit === undefined ? {} : { limit: p.limit }),
    });
    const names = await displayNames(
      deps.kv,
      userReader(),
      entries.map((e) => e.by),
    );
    return {
      entries: entries.map((e) => ({
        version: e.version,
        at: e.at,
        by: e.by,
        displayName: names.get(e.by)!,
        changes: e.changes,
        ...(e.note === undefined ? {} : { note: e.note }),
      })),
      nextCursor,
    };
  },
  async revertConfig(p, ctx) {
    const scope = await forConfigWrite(ctx, p.projectKey, 'revert the ValueRank configuration');
    const reverted = await deps.configs.revert(scope, p.toVersion, p.expectedVersion, ctx.accountId);
    if (scope.kind === 'project') await enrolProject(deps.kv, scope.projectKey, 'override', new Date());
    await deps.requestRebuild?.(scope.kind === 'project' ? scope.projectKey : null);
    return { version: reverted.version };
  },
  async setPin(p, ctx) {
    if (projectOfKey(p.issueKey) !== p.projectKey) throw new AppError('INVALID_PAYLOAD', `issueKey: ${p.issueKey} is not an issue of ${p.projectKey}`);
    const reader = await forProject(ctx, p.projectKey, 'SCHEDULE_ISSUES', 'pin issues (Schedule Issues permission)');
    // Pinning needs a backlog issue the user can see; unpinning only Schedule Issues, so a pin whose issue has
    // left the backlog (or can no longer be seen) can still be removed.
    const unpin = p.position === undefined && p.quarter === undefined;
    if (!unpin) await requirePinnable(reader, (await deps.configs.effective(p.projectKey)).config, p.projectKey, p.issueKey);
    const pin = await deps.pins.set(
      p.projectKey,
      p.issueKey,
      {
        ...(p.position !== undefined ? { position: p.position } : {}),
        ...(p.quarter !== undefined ? { quarter: p.quarter } : {}),
      },
      { by: ctx.accountId, at: deps.clock().toISOString() },
    );
    return { pin };
  },
  async planRankSync(p, ctx) {
    const reader = await forProject(ctx, p.projectKey, 'SCHEDULE_ISSUES', "change Jira's rank (Schedule Issues permission)");
    await enrolProject(deps.kv, p.projectKey, 'opened', new Date());
    return planRankSync(deps, reader, ctx.accountId, p);
  },
  async applyRankSync(p, ctx) {
    const session = runtime.asUser();
    const reader = await forProject(ctx, p.projectKey, 'SCHEDULE_ISSUES', "change Jira's rank (Schedule Issues permission)", session);
    return applyRankSync(deps, reader, session.writer, session.timeLeftMs, p);
  },
  async listFields(_p, ctx) {
    let reader: JiraReader;
    if (ctx.projectKey !== null) reader = await forProject(ctx, ctx.projectKey, 'ADMINISTER_PROJECTS', 'list fields');
    else {
      reader = userReader();
      await requireJiraAdmin(reader, 'list fields');
    }
    const fields = await reader.fields();
    return { fields: fields.map((f) => ({ id: f.id, name: f.name, type: f.schema?.type ?? 'unknown' })) };
  },
  async planSprint(p, ctx) {
    const reader = await forProject(ctx, p.projectKey, 'BROWSE_PROJECTS', 'see this project');
    await enrolProject(deps.kv, p.projectKey, 'opened', new Date());
    return planSprint(deps, reader, principalOf(ctx), p);
  },
  async getShipped(p, ctx) {
    const reader = await forProject(ctx, p.projectKey, 'BROWSE_PROJECTS', 'see this project');
    return getShipped(deps, reader, p.projectKey, p.since);
  },
  async notifyCustomers(p, ctx) {
    if (projectOfKey(p.issueKey) !== p.projectKey) throw new AppError('INVALID_PAYLOAD', `issueKey: ${p.issueKey} is not an issue of ${p.projectKey}`);
    const session = runtime.asUser();
    const reader = await forProject(ctx, p.projectKey, 'BROWSE_PROJECTS', 'see this project', session);
    return notifyCustomers(deps, reader, session.writer, ctx.accountId, p);
  },
  async previewConfig(p, ctx) {
    // Browse for a project's own settings (it changes nothing, as previewWeights); the global config needs a Jira admin.
    const previewOn = p.previewOn ?? p.projectKey;
    if (previewOn === undefined) throw new AppError('INVALID_PAYLOAD', 'previewOn: name the project to preview the global settings on');
    if (p.projectKey !== undefined && previewOn !== p.projectKey)
      throw new AppError('INVALID_PAYLOAD', `previewOn: ${p.projectKey}'s settings can only be previewed on ${p.projectKey}`);
    const config = validateConfig(p.config);
    if (p.projectKey !== undefined) {
      // Only whoever may change the settings may have the project read in the background for a preview.
      const mayQueueJob = await canAdministerProject(ctx, p.projectKey);
      return previewConfig(deps, userReader(), principalOf(ctx), { kind: 'project', projectKey: p.projectKey }, previewOn, config, mayQueueJob);
    }
    if (ctx.projectKey !== null) throw new AppError('FORBIDDEN', 'The global configuration is previewed from the ValueRank admin page, not from a project.');
    await requireJiraAdmin(userReader(), 'preview the global ValueRank configuration');
    const reader = await forProject(ctx, previewOn, 'BROWSE_PROJECTS', 'see this project');
    return previewConfig(deps, reader, principalOf(ctx), { kind: 'global' }, previewOn, config, true);
  },
  async listPresets(_p, ctx) {
    // Offered where settings are edited: a project's settings page (project admin) or the admin page (Jira admin).
    if (ctx.projectKey !== null) await forProject(ctx, ctx.projectKey, 'ADMINISTER_PROJECTS', 'see the scoring presets');
    else await requireJiraAdmin(userReader(), 'see the scoring presets');
    return { presets: PRESETS.map((preset) => ({ ...preset, weights: { ...preset.weights } })) };
  },
  async castVote(p, ctx) {
    if (ctx.issueKey !== null && ctx.issueKey !== p.issueKey)
      throw new AppError('FORBIDDEN', `This panel belongs to ${ctx.issueKey}; it cannot vote on ${p.issueKey}.`);
    // Browse on the project first (FORBIDDEN, as explainIssue answers); an issue hidden by its security level is then NOT_FOUND.
    const reader = await forProject(ctx, projectOfKey(p.issueKey)!, 'BROWSE_PROJECTS', 'see this issue');
    return castVote(deps, reader, ctx.accountId, p);
  },
  async getChanges(p, ctx) {
    const reader = await forProject(ctx, p.projectKey, 'BROWSE_PROJECTS', 'see this project');
    return getChanges(deps, reader, principalOf(ctx), p, namesFor(reader));
  },
};

export const operations = Object.fromEntries(
  (Object.keys(handlers) as OperationKey[]).map((key) => [key, operation(key, handlers[key] as OperationHandler<typeof key>)]),
) as { [K in OperationKey]: ReturnType<typeof operation<K>> };
