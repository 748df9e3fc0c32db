/**
 * A small Jira site (seed format of DESIGN.md) full of the odd data real sites hold: strings in number fields,
 * nulls, ADF where text was expected, an issue with 10,000 labels, one with 5,000 links, link types the app does
 * not know, a blocking cycle, odd date formats, links to deleted issues and unreadable feedback tickets.
 * Project MAL (software) is the backlog; FB (service_desk) holds feedback tickets; BIG holds enormous numbers.
 */
import { buildFields, buildLinkTypes, issueType, status } from '../../dev/demo/jira-catalog';

export const MAL_ADMIN = 'mal-admin-0001';
export const MAL_PO = 'mal-po-0002';

export const FIELD_IDS = {
  storyPoints: 'customfield_10016',
  businessValue: 'customfield_10050',
  organizations: 'customfield_10002',
  customerTier: 'customfield_10070',
  customerCount: 'customfield_10060',
} as const;

const adf = (text: string): unknown => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

type Fields = Record<string, unknown>;
interface Issue {
  id: string;
  key: string;
  fields: Fields;
}

let nextId = 20001;
function issue(key: string, fields: Fields): Issue {
  return {
    id: String(nextId++),
    key,
    fields: {
      summary: `Summary of ${key}`,
      issuetype: issueType('Story'),
      status: status('To Do'),
      labels: [],
      created: '2026-06-01T09:00:00.000+0000',
      updated: '2026-11-01T09:00:00.000+0000',
      issuelinks: [],
      [FIELD_IDS.storyPoints]: 3,
      ...fields,
    },
  };
}

const link = (id: string, type: Record<string, string>, side: 'outwardIssue' | 'inwardIssue', key: string): Record<string, unknown> => ({
  id,
  type,
  [side]: { key },
});

/** Keys of the MAL issues that are backlog candidates (not Done, not an epic or sub-task). */
export const MAL_CANDIDATES = [
  'MAL-1',
  'MAL-2',
  'MAL-3',
  'MAL-4',
  'MAL-5',
  'MAL-6',
  'MAL-7',
  'MAL-8',
  'MAL-9',
  'MAL-10',
  'MAL-11',
  'MAL-12',
  'MAL-13',
  'MAL-14',
  'MAL-15',
  'MAL-19',
  'MAL-20',
] as const;

export function malformedSite(): Record<string, unknown> {
  nextId = 20001;
  const blocks = { name: 'Blocks' };
  const relates = { name: 'Relates' };
  const frob = { name: 'Frobnicates' };
  const causes = { name: 'Problem/Incident' };

  const manyLabels: unknown[] = Array.from({ length: 10_000 }, (_, i) => (i % 997 === 0 ? 'Tech-Debt' : `label-${i % 5000}`));
  manyLabels[17] = 42;
  manyLabels[18] = { name: 'object-label' };
  manyLabels[19] = null;

  const manyLinks: unknown[] = [];
  const kinds = [blocks, relates, frob, causes, { id: '10003' }];
  for (let i = 0; i < 5000; i++) {
    const kind = kinds[i % kinds.length]!;
    // Mostly issues that were deleted (never in the site); every 100th an existing one.
    const other = i % 100 === 0 ? `MAL-${1 + ((i / 100) % 15)}` : `MAL-${10_000 + i}`;
    manyLinks.push(link(`m4-${i}`, kind as Record<string, string>, i % 2 === 0 ? 'outwardIssue' : 'inwardIssue', other === 'MAL-4' ? 'MAL-5' : other));
  }

  const mal: Issue[] = [
    issue('MAL-1', {
      summary: adf('Checkout fails for ADF summaries'),
      description: adf('desc'),
      [FIELD_IDS.storyPoints]: 'abc',
      [FIELD_IDS.businessValue]: 'High',
      [FIELD_IDS.customerCount]: 'many',
      issuelinks: [
        link('f1', relates, 'inwardIssue', 'FB-1'),
        link('f2', relates, 'inwardIssue', 'FB-2'),
        link('f3', relates, 'outwardIssue', 'FB-3'),
        link('f4', relates, 'inwardIssue', 'FB-404'),
      ],
    }),
    issue('MAL-2', {
      summary: null,
      [FIELD_IDS.storyPoints]: null,
      [FIELD_IDS.businessValue]: null,
      [FIELD_IDS.customerCount]: null,
      labels: null,
      components: null,
      fixVersions: null,
      priority: null,
      duedate: null,
      created: null,
      updated: null,
    }),
    issue('MAL-3', { labels: manyLabels, components: [{ name: 'debt' }, 'payments', null, 7] }),
    issue('MAL-4', { issuelinks: manyLinks }),
    issue('MAL-5', { issuelinks: [link('c1', blocks, 'outwardIssue', 'MAL-6')] }),
    issue('MAL-6', { issuelinks: [link('c2', blocks, 'outwardIssue', 'MAL-7')] }),
    issue('MAL-7', { issuelinks: [link('c3', blocks, 'outwardIssue', 'MAL-5'), link('c4', blocks, 'outwardIssue', 'MAL-7')] }),
    issue('MAL-8', { issuelinks: [link('u1', frob, 'outwardIssue', 'MAL-1'), link('u2', { id: '10099' }, 'inwardIssue', 'MAL-2')] }),
    issue('MAL-9', { duedate: '31/12/2026', created: '2026-02-30T10:00:00.000+0000', updated: 'tomorrow', labels: ['tech-debt'] }),
    issue('MAL-10', {
      duedate: 20261231,
      created: 0,
      fixVersions: [{ name: 'x', releaseDate: 'soon', released: 'no' }, 'string', null, { releaseDate: '2026-12-01', released: false }],
    }),
    issue('MAL-11', { duedate: '+275760-09-13', created: '-000001-01-01T00:00:00Z', labels: ['refactoring'] }),
    issue('MAL-12', { [FIELD_IDS.storyPoints]: -5, [FIELD_IDS.businessValue]: { value: 'Must have' }, duedate: '2026-13-45' }),
    issue('MAL-13', { [FIELD_IDS.storyPoints]: [1, 2], [FIELD_IDS.businessValue]: { id: '1' }, issuetype: null, [FIELD_IDS.customerCount]: -3 }),
    issue('MAL-14', {
      [FIELD_IDS.storyPoints]: { value: 3 },
      summary: 12345,
      status: { name: 'Ready?!', statusCategory: { key: 'new', name: 'To Do' } },
      [FIELD_IDS.businessValue]: adf('high'),
    }),
    issue('MAL-15', {
      issuelinks: [link('d1', blocks, 'outwardIssue', 'MAL-404'), link('d2', blocks, 'inwardIssue', 'MAL-405'), link('d3', causes, 'outwardIssue', 'MAL-406')],
    }),
    issue('MAL-16', { issuetype: issueType('Epic') }),
    issue('MAL-17', { issuetype: issueType('Sub-task'), parent: { key: 'MAL-1' } }),
    issue('MAL-18', { status: status('Done') }),
    issue('MAL-19', { [FIELD_IDS.businessValue]: { id: '10102', value: 'High' }, duedate: '2026-12-15' }),
    issue('MAL-20', { [FIELD_IDS.storyPoints]: 0, [FIELD_IDS.businessValue]: 0, duedate: '2026-11-24' }),
  ];

  nextId = 30001;
  const fb: Issue[] = [
    issue('FB-1', {
      issuetype: issueType('Support request'),
      created: 'garbage',
      reporter: null,
      [FIELD_IDS.organizations]: 'acme',
      [FIELD_IDS.customerTier]: 17,
    }),
    issue('FB-2', {
      issuetype: issueType('Support request'),
      reporter: { accountId: 'cust-1' },
      [FIELD_IDS.organizations]: [{ id: '1', name: 'Globex' }],
      [FIELD_IDS.customerTier]: { value: 'Enterprise' },
    }),
    issue('FB-3', {
      issuetype: issueType('Support request'),
      reporter: { accountId: 7 },
      [FIELD_IDS.organizations]: [{ name: adf('x') }, null],
      created: '2026-11-24',
    }),
  ];

  nextId = 40001;
  // Enormous numbers (Jira number fields are doubles): four estimates near the double maximum and a customer count.
  const big: Issue[] = [
    issue('BIG-1', { [FIELD_IDS.storyPoints]: 1e308, [FIELD_IDS.businessValue]: 1.7e308 }),
    issue('BIG-2', { [FIELD_IDS.storyPoints]: 1.2e308, [FIELD_IDS.customerCount]: 1.7e308 }),
    issue('BIG-3', { [FIELD_IDS.storyPoints]: 1.5e308, [FIELD_IDS.businessValue]: 1e-320 }),
    issue('BIG-4', { [FIELD_IDS.storyPoints]: 1.7e308 }),
    issue('BIG-5', { [FIELD_IDS.storyPoints]: null }),
  ];

  const fields = [
    ...buildFields(),
    {
      id: FIELD_IDS.customerCount,
      key: FIELD_IDS.customerCount,
      name: 'Customer count',
      custom: true,
      orderable: true,
      navigable: true,
      searchable: true,
      clauseNames: ['cf[10060]', 'Customer count'],
      schema: { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float', customId: 10060 },
    },
  ];
  const all = {
    [MAL_ADMIN]: ['BROWSE_PROJECTS', 'SCHEDULE_ISSUES', 'ADMINISTER_PROJECTS'],
    [MAL_PO]: ['BROWSE_PROJECTS', 'SCHEDULE_ISSUES', 'ADMINISTER_PROJECTS'],
  };
  return {
    now: '2026-11-25T00:00:00Z',
    users: [
      { accountId: MAL_ADMIN, displayName: 'Site Admin', groups: ['jira-admins'] },
      { accountId: MAL_PO, displayName: 'Product Owner', groups: ['jira-software-users'] },
    ],
    projects: [
      { key: 'MAL', id: '10100', name: 'Malformed', projectTypeKey: 'software', permissions: all },
      { key: 'FB', id: '10101', name: 'Feedback', projectTypeKey: 'service_desk', permissions: all },
      { key: 'BIG', id: '10102', name: 'Big numbers', projectTypeKey: 'software', permissions: all },
    ],
    fields,
    issueLinkTypes: [...buildLinkTypes(), { id: '10099', name: 'Frobnicates', inward: '', outward: 'zaps' }],
    issues: [...mal, ...fb, ...big],
    remoteLinks: {
      'MAL-1': [
        { id: 1, object: { url: 42 } },
        { id: 2, object: null },
        { id: 3, object: { url: 'https://support.example.com/orgs/acme/tickets/1', title: adf('t') } },
        { id: 4 },
      ],
      'MAL-2': [{ id: 5, globalId: 7, object: { url: 'https://support.example.com/orgs/initech/tickets/9' } }],
    },
    boards: [],
    sprints: [],
    config: {
      fields: { customerCount: FIELD_IDS.customerCount },
      customerVoice: { remoteLinkPatterns: ['^https://support\\.example\\.com/orgs/(?<customer>[a-z0-9-]+)/'], votesPerCustomer: 2 },
    },
  };
}

export const HUGE_PO = 'huge-po-0001';

/**
 * A site built to make answers huge: project HUGE has `n` candidates, each with 50 remote links of 2,000
 * characters, the most Jira allows: 10 customers × 5 URLs each, URLs that name their customer (`/orgs/<customer>/`).
 * Every twentieth issue links URLs that a pattern without a customer group matches instead, so each URL is a
 * customer's id, its label and its source at once.
 */
export function hugeEvidenceSite(n = 400): Record<string, unknown> {
  nextId = 50001;
  const pad = (prefix: string): string => prefix + 'x'.repeat(2000 - prefix.length);
  const issues: Issue[] = [];
  const remoteLinks: Record<string, unknown[]> = {};
  for (let i = 1; i <= n; i++) {
    const key = `HUGE-${i}`;
    issues.push(issue(key, {}));
    const links: unknown[] = [];
    for (let c = 0; c < 10; c++) {
      for (let s = 0; s < 5; s++) {
        const url =
          i % 20 !== 1 ? pad(`https://support.example.com/orgs/customer-${c}/tickets/${i}-${s}/`) : pad(`https://support.example.com/raw/${i}/${c}/${s}/`);
        links.push({ id: links.length + 1, globalId: `g-${key}-${c}-${s}`, object: { url, title: 'ticket' } });
      }
    }
    remoteLinks[key] = links;
  }
  const all = { [HUGE_PO]: ['BROWSE_PROJECTS', 'SCHEDULE_ISSUES', 'ADMINISTER_PROJECTS'], 'huge-admin-0002': ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS'] };
  return {
    now: '2026-11-25T00:00:00Z',
    // The seed's config is saved by its Jira admin.
    users: [
      { accountId: 'huge-admin-0002', displayName: 'Site Admin', groups: ['jira-admins'] },
      { accountId: HUGE_PO, displayName: 'Product Owner', groups: ['jira-software-users'] },
    ],
    projects: [{ key: 'HUGE', id: '10200', name: 'Huge evidence', projectTypeKey: 'software', permissions: all }],
    fields: buildFields(),
    issueLinkTypes: buildLinkTypes(),
    issues,
    remoteLinks,
    boards: [],
    sprints: [],
    config: {
      customerVoice: {
        feedbackProjects: [],
        remoteLinkPatterns: ['^https://support\\.example\\.com/orgs/(?<customer>[a-z0-9-]+)/', '^https://support\\.example\\.com/raw/'],
      },
    },
  };
}
