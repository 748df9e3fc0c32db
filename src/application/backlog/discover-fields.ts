import type { ValueRankConfig } from '../../contract/config';
import type { ResolvedFields } from '../../domain';
import type { JiraField } from '../ports/jira';

const SP_FLOAT = 'com.atlassian.jira.plugin.system.customfieldtypes:float';
const SP_JSW = 'com.pyxis.greenhopper.jira:jsw-story-points';
const ORGANIZATIONS = 'com.atlassian.servicedesk:sd-customer-organizations';

const byName = (fields: readonly JiraField[], ...names: string[]): JiraField | undefined => {
  const wanted = names.map((n) => n.toLowerCase());
  return fields.find((f) => wanted.includes(f.name.trim().toLowerCase()));
};

/**
 * Resolves the field ids the scoring reads: what the config names wins; otherwise fields are found by their
 * schema and usual names on Jira Cloud ("Story Points" on company-managed projects, "Story point estimate" on
 * team-managed ones; "Business Value"; JSM's Organizations; "Customer tier"). A site with both kinds of project
 * has both estimate fields, so the project's kind decides: Jira's `Project.simplified` is true for a team-managed
 * project (jira-platform-v3 OpenAPI, components.schemas.Project; "style": "next-gen").
 */
export function discoverFields(config: ValueRankConfig, fields: readonly JiraField[], project?: { simplified: boolean }): ResolvedFields {
  const companyManaged = (): JiraField | undefined => byName(fields, 'Story Points', 'Story points');
  const teamManaged = (): JiraField | undefined => fields.find((f) => f.schema?.custom === SP_JSW) ?? byName(fields, 'Story point estimate');
  const storyPoints =
    config.fields.storyPoints ??
    (
      (project?.simplified === true ? (teamManaged() ?? companyManaged()) : (companyManaged() ?? teamManaged())) ??
      fields.find((f) => f.schema?.custom === SP_FLOAT && /story ?points?/i.test(f.name))
    )?.id ??
    null;
  return {
    storyPoints,
    businessValue: config.fields.businessValue ?? byName(fields, 'Business Value', 'Business value')?.id ?? null,
    customerCount: config.fields.customerCount,
    organizations:
      config.fields.organizations ?? (fields.find((f) => f.schema?.custom === ORGANIZATIONS) ?? byName(fields, 'Organizations', 'Organisations'))?.id ?? null,
    customerTier: config.fields.customerTier ?? byName(fields, 'Customer tier', 'Customer Tier')?.id ?? null,
  };
}

/** The issue fields a scoring run needs from bulkfetch, given the resolved custom fields. */
export function candidateFieldList(f: ResolvedFields): string[] {
  const base = ['summary', 'issuetype', 'status', 'labels', 'components', 'created', 'updated', 'duedate', 'fixVersions', 'issuelinks', 'parent'];
  return [...base, ...[f.storyPoints, f.businessValue, f.customerCount].filter((x): x is string => x !== null)];
}

/** The fields read from feedback tickets. */
export function ticketFieldList(f: ResolvedFields): string[] {
  return ['created', 'reporter', 'issuetype', ...[f.organizations, f.customerTier].filter((x): x is string => x !== null)];
}
