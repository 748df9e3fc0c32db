import { findScoreField } from '../../../src/application/background/recompute';
import type { JiraField } from '../../../src/application/ports/jira';

const APP = { appId: '4886f49a-482d-41ba-bd73-6aeb5ee40e0f', environmentId: '4e9fe62d-2575-4b2d-b0d7-5a37f43a80a9' };
const forgeField = (id: string, appId: string, environmentId: string, envKey: string, moduleKey = 'value-score'): JiraField & { key: string } => ({
  id,
  key: `${appId}__${envKey}__${moduleKey}`,
  name: 'Value score',
  custom: true,
  schema: { type: 'number', custom: `ari:cloud:ecosystem::extension/${appId}/${environmentId}/static/${moduleKey}` },
});

describe('findScoreField', () => {
  it("finds the field of this app's own environment, not the same module of the app's other environment", () => {
    const fields = [
      forgeField('customfield_10900', APP.appId, '0f0f0f0f-0000-4000-8000-000000000001', 'PRODUCTION'),
      forgeField('customfield_10901', APP.appId, APP.environmentId, 'DEVELOPMENT'),
    ];
    expect(findScoreField(fields, APP)).toBe('customfield_10901');
  });

  it('ignores a field that only looks like it: same name or key suffix, another app or a plain custom field', () => {
    const fields: JiraField[] = [
      forgeField('customfield_10902', '99999999-0000-4000-8000-000000000000', APP.environmentId, 'DEVELOPMENT'),
      {
        id: 'customfield_10903',
        name: 'Value score',
        custom: true,
        schema: { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float' },
      },
      { ...forgeField('customfield_10904', APP.appId, APP.environmentId, 'DEVELOPMENT', 'value-score-old') },
    ];
    expect(findScoreField(fields, APP)).toBeNull();
  });
});
