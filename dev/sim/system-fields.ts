/**
 * The system fields every Jira Cloud site has (GET /rest/api/3/field items). A seed may list its own
 * fields; these fill in the ones it leaves out, so JQL and field filtering work on small seeds.
 */
import { DEFAULT_SPRINT_FIELD_ID, SPRINT_FIELD_TYPE, type SeedField } from './seed';

const system = (id: string, name: string, type: string, extra: Record<string, unknown> = {}): SeedField => ({
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
});

export const SYSTEM_FIELDS: readonly SeedField[] = [
  system('summary', 'Summary', 'string'),
  system('description', 'Description', 'string'),
  system('issuetype', 'Issue Type', 'issuetype', { clauseNames: ['issuetype', 'type'] }),
  system('status', 'Status', 'status'),
  system('statusCategory', 'Status Category', 'statusCategory', { orderable: false, navigable: false }),
  system('priority', 'Priority', 'priority'),
  system('labels', 'Labels', 'array', { schema: { type: 'array', items: 'string', system: 'labels' } }),
  system('components', 'Components', 'array', { clauseNames: ['component'], schema: { type: 'array', items: 'component', system: 'components' } }),
  system('fixVersions', 'Fix versions', 'array', { clauseNames: ['fixVersion'], schema: { type: 'array', items: 'version', system: 'fixVersions' } }),
  system('project', 'Project', 'project'),
  system('parent', 'Parent', 'issuelink'),
  system('issuelinks', 'Linked Issues', 'array', { orderable: false, searchable: false, schema: { type: 'array', items: 'issuelinks', system: 'issuelinks' } }),
  system('created', 'Created', 'datetime'),
  system('updated', 'Updated', 'datetime'),
  system('duedate', 'Due date', 'date', { clauseNames: ['duedate', 'due'] }),
  system('reporter', 'Reporter', 'user'),
  system('assignee', 'Assignee', 'user'),
  system('security', 'Security Level', 'securitylevel', { clauseNames: ['level'] }),
  system('resolution', 'Resolution', 'resolution'),
  system('resolutiondate', 'Resolved', 'datetime', { orderable: false, clauseNames: ['resolutiondate', 'resolved'] }),
  system('subtasks', 'Sub-tasks', 'array', { orderable: false, searchable: false, schema: { type: 'array', items: 'issuelinks', system: 'subtasks' } }),
  // Jira Software's Sprint field: a custom field on every Jira Software site (Jira Cloud usually gives it this id).
  {
    id: DEFAULT_SPRINT_FIELD_ID,
    key: DEFAULT_SPRINT_FIELD_ID,
    name: 'Sprint',
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: ['cf[10020]', 'Sprint', 'sprint'],
    schema: { type: 'array', items: 'json', custom: SPRINT_FIELD_TYPE, customId: 10020 },
  },
];
