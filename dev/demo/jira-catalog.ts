/**
 * The fixed parts of the generated site: people, projects, fields, link types, statuses, issue
 * types, priorities. Shapes follow Jira Cloud REST v3 (see test/contract/openapi/).
 */
import type {
  IssueStatus,
  IssueType,
  Priority,
  SeedField,
  SeedIssueLinkType,
  SeedProject,
  SeedUser,
  SeedUserRef,
  SelectOption,
  StatusCategory,
} from './seed-types';

/** The people a demo or a test can act as (`X-Sim-Account-Id`). */
export const PERSONAS = {
  /** Jira administrator (`jira-admins`); browses and administers both projects. */
  admin: { accountId: '5b10a2844c20165700ede21a', displayName: 'Marta Kowalczyk' },
  /** Product Owner: Browse, Schedule Issues, Administer Projects, Transition Issues and Add Comments on PAY; Browse and Add Comments on SUP (to read customer feedback and answer it). */
  productOwner: { accountId: '5d8f2a1c3b4e5f6071829a3b', displayName: 'Daniel Okafor' },
  /** Developer: Browse, Transition Issues and Add Comments on PAY only. */
  developer: { accountId: '61e4b0d9c8a7f6006b2c3d4e', displayName: 'Sofia Lindqvist' },
  /** Support agent: Browse, Add Comments and Transition Issues on SUP only. */
  supportAgent: { accountId: '62a1f3e5d7c9b8007c3d4e5f', displayName: 'Ravi Menon' },
  /** A licensed user with no project permission at all. */
  noAccess: { accountId: '63b2c4d6e8f0a1008d4e5f60', displayName: 'Tom Brennan' },
} as const;

/** The rest of the Payments team (Browse on PAY): reporters and assignees. */
export const TEAM = [
  { accountId: '5e8d7c6b5a4f3e0011223344', displayName: 'Aisha Khan' },
  { accountId: '5f9e8d7c6b5a4f0022334455', displayName: 'Lukas Novak' },
  { accountId: '60a9f8e7d6c5b40033445566', displayName: 'Emma Clarke' },
  { accountId: '6110a9f8e7d6c50044556677', displayName: 'Jonas Weber' },
] as const;

export const PAY = { key: 'PAY', id: '10000', name: 'Payments Platform' } as const;
export const SUP = { key: 'SUP', id: '10001', name: 'Customer Support' } as const;

export const FIELD = {
  storyPoints: 'customfield_10016',
  storyPointEstimate: 'customfield_10026',
  businessValue: 'customfield_10050',
  organizations: 'customfield_10002',
  customerTier: 'customfield_10070',
  rank: 'customfield_10019',
  sprint: 'customfield_10020',
} as const;

export function userRef(u: { accountId: string; displayName: string }, accountType: SeedUserRef['accountType'] = 'atlassian'): SeedUserRef {
  return { accountId: u.accountId, displayName: u.displayName, accountType, active: true };
}

export function buildUsers(): SeedUser[] {
  const user = (u: { accountId: string; displayName: string }, groups: string[]): SeedUser => ({
    accountId: u.accountId,
    displayName: u.displayName,
    groups,
    accountType: 'atlassian',
    active: true,
    timeZone: 'Europe/Berlin',
  });
  return [
    user(PERSONAS.admin, ['jira-admins', 'jira-software-users', 'jira-servicemanagement-users']),
    user(PERSONAS.productOwner, ['jira-software-users']),
    user(PERSONAS.developer, ['jira-software-users']),
    user(PERSONAS.supportAgent, ['jira-servicemanagement-users']),
    user(PERSONAS.noAccess, ['jira-software-users']),
    ...TEAM.map((t) => user(t, ['jira-software-users'])),
  ];
}

export function buildProjects(): SeedProject[] {
  const pay: SeedProject['permissions'] = {
    [PERSONAS.admin.accountId]: ['BROWSE_PROJECTS', 'SCHEDULE_ISSUES', 'ADMINISTER_PROJECTS', 'TRANSITION_ISSUES', 'ADD_COMMENTS'],
    [PERSONAS.productOwner.accountId]: ['BROWSE_PROJECTS', 'SCHEDULE_ISSUES', 'ADMINISTER_PROJECTS', 'TRANSITION_ISSUES', 'ADD_COMMENTS'],
    [PERSONAS.developer.accountId]: ['BROWSE_PROJECTS', 'TRANSITION_ISSUES', 'ADD_COMMENTS'],
  };
  for (const t of TEAM) pay[t.accountId] = ['BROWSE_PROJECTS', 'TRANSITION_ISSUES', 'ADD_COMMENTS'];
  return [
    {
      key: PAY.key,
      id: PAY.id,
      name: PAY.name,
      projectTypeKey: 'software',
      permissions: pay,
      lead: userRef(PERSONAS.productOwner),
      simplified: false,
      style: 'classic',
      description: 'Checkout, authentication, payouts, risk and the merchant dashboard.',
    },
    {
      key: SUP.key,
      id: SUP.id,
      name: SUP.name,
      projectTypeKey: 'service_desk',
      permissions: {
        [PERSONAS.admin.accountId]: ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS', 'ADD_COMMENTS'],
        [PERSONAS.productOwner.accountId]: ['BROWSE_PROJECTS', 'ADD_COMMENTS'],
        [PERSONAS.supportAgent.accountId]: ['BROWSE_PROJECTS', 'ADD_COMMENTS', 'TRANSITION_ISSUES'],
      },
      lead: userRef(PERSONAS.supportAgent),
      simplified: false,
      style: 'classic',
      description: 'Merchant support portal: questions, incidents and feature requests.',
    },
  ];
}

function systemField(id: string, name: string, type: string, extra: Partial<SeedField> = {}): SeedField {
  return {
    id,
    key: id,
    name,
    custom: false,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [id],
    schema: { type, system: id },
    ...extra,
  };
}

function customField(id: string, name: string, type: string, custom: string, extra: Partial<SeedField['schema']> = {}, clause?: string): SeedField {
  const customId = Number(id.slice('customfield_'.length));
  return {
    id,
    key: id,
    name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [`cf[${customId}]`, clause ?? name],
    schema: { type, ...extra, custom, customId },
  };
}

export function buildFields(): SeedField[] {
  return [
    systemField('summary', 'Summary', 'string'),
    systemField('description', 'Description', 'string'),
    systemField('issuetype', 'Issue Type', 'issuetype', { clauseNames: ['issuetype', 'type'] }),
    systemField('status', 'Status', 'status'),
    systemField('priority', 'Priority', 'priority'),
    systemField('labels', 'Labels', 'array', { schema: { type: 'array', items: 'string', system: 'labels' } }),
    systemField('created', 'Created', 'datetime', { clauseNames: ['created', 'createdDate'] }),
    systemField('updated', 'Updated', 'datetime', { clauseNames: ['updated', 'updatedDate'] }),
    systemField('duedate', 'Due date', 'date', { clauseNames: ['due', 'duedate'] }),
    systemField('issuelinks', 'Linked Issues', 'array', {
      orderable: true,
      searchable: false,
      clauseNames: ['issueLink'],
      schema: { type: 'array', items: 'issuelinks', system: 'issuelinks' },
    }),
    systemField('components', 'Components', 'array', { clauseNames: ['component'], schema: { type: 'array', items: 'component', system: 'components' } }),
    systemField('fixVersions', 'Fix versions', 'array', { clauseNames: ['fixVersion'], schema: { type: 'array', items: 'version', system: 'fixVersions' } }),
    systemField('reporter', 'Reporter', 'user'),
    systemField('assignee', 'Assignee', 'user'),
    systemField('project', 'Project', 'project', { orderable: false }),
    systemField('parent', 'Parent', 'issuelink', { orderable: true }),
    systemField('subtasks', 'Sub-tasks', 'array', {
      orderable: false,
      searchable: false,
      clauseNames: ['subtasks'],
      schema: { type: 'array', items: 'issuelinks', system: 'subtasks' },
    }),
    systemField('resolution', 'Resolution', 'resolution', { orderable: true }),
    systemField('resolutiondate', 'Resolved', 'datetime', { orderable: false, clauseNames: ['resolutiondate', 'resolved'] }),
    customField(FIELD.storyPoints, 'Story Points', 'number', 'com.atlassian.jira.plugin.system.customfieldtypes:float'),
    customField(FIELD.storyPointEstimate, 'Story point estimate', 'number', 'com.pyxis.greenhopper.jira:jsw-story-points'),
    customField(FIELD.businessValue, 'Business Value', 'option', 'com.atlassian.jira.plugin.system.customfieldtypes:select'),
    customField(FIELD.organizations, 'Organizations', 'array', 'com.atlassian.servicedesk:sd-customer-organizations', { items: 'sd-customerorganization' }),
    customField(FIELD.customerTier, 'Customer tier', 'option', 'com.atlassian.jira.plugin.system.customfieldtypes:select'),
    customField(FIELD.rank, 'Rank', 'any', 'com.pyxis.greenhopper.jira:gh-lexo-rank'),
    customField(FIELD.sprint, 'Sprint', 'array', 'com.pyxis.greenhopper.jira:gh-sprint', { items: 'json' }),
  ];
}

export const LINK_TYPES = {
  blocks: { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  cloners: { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  duplicate: { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  relates: { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
  causes: { id: '10004', name: 'Problem/Incident', inward: 'is caused by', outward: 'causes' },
} as const satisfies Record<string, SeedIssueLinkType>;

export function buildLinkTypes(): SeedIssueLinkType[] {
  return Object.values(LINK_TYPES).map((t) => ({ ...t }));
}

const CATEGORIES: Record<'new' | 'indeterminate' | 'done', StatusCategory> = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
};

const STATUS_DEFS = {
  'To Do': ['10000', 'new'],
  'In Progress': ['3', 'indeterminate'],
  'In Review': ['10001', 'indeterminate'],
  Done: ['10002', 'done'],
  'Waiting for support': ['10010', 'new'],
  'Waiting for customer': ['10011', 'indeterminate'],
  Resolved: ['10012', 'done'],
  Closed: ['6', 'done'],
} as const;

export type StatusName = keyof typeof STATUS_DEFS;

/** A fresh status object (never shared between issues: the simulator may edit issues in place). */
export function status(name: StatusName): IssueStatus {
  const [id, cat] = STATUS_DEFS[name];
  return { id, name, statusCategory: { ...CATEGORIES[cat] } };
}

export function statusCategoryOf(name: StatusName): 'new' | 'indeterminate' | 'done' {
  return STATUS_DEFS[name][1];
}

const TYPE_DEFS = {
  Epic: ['10000', false, 1, 'A big user story that needs to be broken down.'],
  Story: ['10001', false, 0, 'Functionality or a feature expressed as a user goal.'],
  Task: ['10002', false, 0, 'A small, distinct piece of work.'],
  'Sub-task': ['10003', true, -1, 'A small piece of work that is part of a larger task.'],
  Bug: ['10004', false, 0, 'A problem or error.'],
  'Support request': ['10010', false, 0, 'Get help from the Payments support team.'],
  'Feature request': ['10011', false, 0, 'Suggest an improvement to the Payments platform.'],
} as const;

export type TypeName = keyof typeof TYPE_DEFS;

export function issueType(name: TypeName): IssueType {
  const [id, subtask, hierarchyLevel, description] = TYPE_DEFS[name];
  return { id, name, subtask, hierarchyLevel, description };
}

const PRIORITY_IDS = { Highest: '1', High: '2', Medium: '3', Low: '4', Lowest: '5' } as const;
export type PriorityName = keyof typeof PRIORITY_IDS;

export function priority(name: PriorityName): Priority {
  return { id: PRIORITY_IDS[name], name };
}

export const BUSINESS_VALUE_OPTIONS = ['Low', 'Medium', 'High', 'Critical'] as const;
export type BusinessValueName = (typeof BUSINESS_VALUE_OPTIONS)[number];

export function businessValue(name: BusinessValueName): SelectOption {
  return { id: String(10100 + BUSINESS_VALUE_OPTIONS.indexOf(name)), value: name };
}

export const TIERS = ['Enterprise', 'Business', 'Free'] as const;
export type TierName = (typeof TIERS)[number];

export function tierOption(name: TierName): SelectOption {
  return { id: String(10200 + TIERS.indexOf(name)), value: name };
}
