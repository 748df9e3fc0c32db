import { LoadCache } from '../../../src/application/backlog/load-cache';
import { rankProject, type AppDeps } from '../../../src/application/backlog/rank-project';
import { ConfigStore } from '../../../src/application/config/config-store';
import { PinStore } from '../../../src/application/pins/pin-store';
import { defaultConfig } from '../../../src/domain/config/default-config';
import { anIssue, NOW } from '../../builders/issue-builder';
import { MemoryJira } from '../../fakes/memory-jira';
import { MemoryKv } from '../../fakes/memory-kv';

function appDeps(): AppDeps {
  const kv = new MemoryKv();
  const clock = (): Date => NOW;
  return {
    kv,
    configs: new ConfigStore(kv, clock),
    pins: new PinStore(kv),
    clock,
    loadCache: new LoadCache(),
    appIdentity: () => ({ appId: 'a', environmentId: 'e' }),
  };
}

const SUPPORT_URL = 'https://support.example.com/orgs/acme/tickets/1';
const SUPPORT_PATTERN = '^https://support\\.example\\.com/orgs/(?<customer>[a-z0-9-]+)/';

describe("reusing a user's recent load of a project", () => {
  it('loads again when a project override replaces the global config, though both are version 1', async () => {
    const deps = appDeps();
    const jira = new MemoryJira([anIssue('PAY-1').with('customfield_10100', 8).build(), anIssue('PAY-2').build()]);
    await deps.configs.save({ kind: 'global' }, 0, defaultConfig(), 'admin');

    const before = await rankProject(deps, jira, 'PAY', undefined, { principal: 'po' });
    const override = defaultConfig();
    override.fields.storyPoints = 'customfield_10100';
    await deps.configs.save({ kind: 'project', projectKey: 'PAY' }, 0, override, 'project-admin');
    const after = await rankProject(deps, jira, 'PAY', undefined, { principal: 'po' });

    expect(before.configVersion).toBe(1);
    expect(after.configVersion).toBe(1);
    expect(before.backlog.item(before.backlog.positionOf('PAY-1')).effort.points).toBeNull();
    expect(after.backlog.item(after.backlog.positionOf('PAY-1')).effort.points).toBe(8);
  });

  it("loads again when a Jira admin changes the global data sources under a project's override", async () => {
    const deps = appDeps();
    const links = new Map([['PAY-1', [{ globalId: 'z-1', object: { url: SUPPORT_URL } }]]]);
    const jira = new MemoryJira([anIssue('PAY-1').build(), anIssue('PAY-2').build()], [], links);
    await deps.configs.save({ kind: 'global' }, 0, defaultConfig(), 'admin');
    const override = defaultConfig();
    override.weights.customerVoice = 80;
    await deps.configs.save({ kind: 'project', projectKey: 'PAY' }, 0, override, 'project-admin');

    const before = await rankProject(deps, jira, 'PAY', undefined, { principal: 'po' });
    const global = defaultConfig();
    global.customerVoice.remoteLinkPatterns = [SUPPORT_PATTERN];
    await deps.configs.save({ kind: 'global' }, 1, global, 'admin');
    const after = await rankProject(deps, jira, 'PAY', undefined, { principal: 'po' });

    expect(after.configVersion).toBe(before.configVersion);
    expect(before.backlog.item(before.backlog.positionOf('PAY-1')).customers).toBe(0);
    expect(after.backlog.item(after.backlog.positionOf('PAY-1')).customers).toBe(1);
  });
});
