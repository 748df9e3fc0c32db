import { LoadCache } from '../../../src/application/backlog/load-cache';
import { rankProject, type AppDeps } from '../../../src/application/backlog/rank-project';
import { ConfigStore } from '../../../src/application/config/config-store';
import { PinStore } from '../../../src/application/pins/pin-store';
import { defaultConfig } from '../../../src/domain/config/default-config';
import { anIssue, NOW } from '../../builders/issue-builder';
import { MemoryJira } from '../../fakes/memory-jira';
import { MemoryKv } from '../../fakes/memory-kv';

describe("reusing a user's recent load of a project", () => {
  it('loads again when a project override replaces the global config, though both are version 1', async () => {
    const kv = new MemoryKv();
    const clock = (): Date => NOW;
    const deps: AppDeps = {
      kv,
      configs: new ConfigStore(kv, clock),
      pins: new PinStore(kv),
      clock,
      loadCache: new LoadCache(),
      appIdentity: () => ({ appId: 'a', environmentId: 'e' }),
    };
    const links = new Map([['PAY-1', [{ globalId: 'z-1', object: { url: 'https://support.example.com/orgs/acme/tickets/1' } }]]]);
    const jira = new MemoryJira([anIssue('PAY-1').build(), anIssue('PAY-2').build()], [], links);
    await deps.configs.save({ kind: 'global' }, 0, defaultConfig(), 'admin');

    const before = await rankProject(deps, jira, 'PAY', undefined, { principal: 'po' });
    const override = defaultConfig();
    override.customerVoice.remoteLinkPatterns = ['^https://support\\.example\\.com/orgs/(?<customer>[a-z0-9-]+)/'];
    await deps.configs.save({ kind: 'project', projectKey: 'PAY' }, 0, override, 'project-admin');
    const after = await rankProject(deps, jira, 'PAY', undefined, { principal: 'po' });

    expect(before.configVersion).toBe(1);
    expect(after.configVersion).toBe(1);
    expect(before.backlog.item(before.backlog.positionOf('PAY-1')).customers).toBe(0);
    expect(after.backlog.item(after.backlog.positionOf('PAY-1')).customers).toBe(1);
  });
});
