import type { JiraField } from '../../../src/application/ports/jira';
import { discoverFields } from '../../../src/application/backlog/discover-fields';
import { defaultConfig } from '../../../src/domain';
import { buildFields, FIELD } from '../../../dev/demo/jira-catalog';

/** The simulator's field list (GET /rest/api/3/field items, as a Jira Cloud site with both kinds of project has them). */
const siteFields = (): JiraField[] => buildFields() as unknown as JiraField[];
const without = (name: string): JiraField[] => siteFields().filter((f) => f.name !== name);

describe('discovering the fields scoring reads', () => {
  it('a company-managed project uses "Story Points", also when the site has "Story point estimate" too', () => {
    expect(discoverFields(defaultConfig(), siteFields(), { simplified: false }).storyPoints).toBe(FIELD.storyPoints);
    expect(discoverFields(defaultConfig(), siteFields()).storyPoints).toBe(FIELD.storyPoints);
  });

  it('a team-managed project uses "Story point estimate", also when the site has "Story Points" for its company-managed projects', () => {
    expect(discoverFields(defaultConfig(), siteFields(), { simplified: true }).storyPoints).toBe(FIELD.storyPointEstimate);
  });

  it('each kind of project falls back to the other estimate field when its own is missing', () => {
    expect(discoverFields(defaultConfig(), without('Story point estimate'), { simplified: true }).storyPoints).toBe(FIELD.storyPoints);
    expect(discoverFields(defaultConfig(), without('Story Points'), { simplified: false }).storyPoints).toBe(FIELD.storyPointEstimate);
  });

  it('finds the "Customer tier" select field on feedback tickets, and the configured field wins over any found one', () => {
    expect(discoverFields(defaultConfig(), siteFields()).customerTier).toBe(FIELD.customerTier);
    const config = defaultConfig();
    config.fields.customerTier = 'customfield_99999';
    config.fields.storyPoints = 'customfield_12345';
    const found = discoverFields(config, siteFields(), { simplified: true });
    expect(found.customerTier).toBe('customfield_99999');
    expect(found.storyPoints).toBe('customfield_12345');
    expect(discoverFields(defaultConfig(), without('Customer tier')).customerTier).toBeNull();
  });
});
