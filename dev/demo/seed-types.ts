/**
 * The seed file a generator in this folder writes (DESIGN.md, "Seed file format"): a Jira site as
 * Jira Cloud REST v3 / Agile 1.0 shapes. These are the *generator's* types — what it promises to
 * produce. The simulator's loader (dev/sim/seed.ts) validates seeds loosely with zod and keeps
 * unknown properties, so everything here is a strict subset of what it accepts.
 *
 * Custom field values are `unknown` where real sites hold odd values (a string "3" in a number
 * field, an option that no longer exists): the app must cope, so the types must allow it.
 */

/** `statusCategory.key` as Jira reports it. */
export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface SeedUser {
  accountId: string;
  displayName: string;
  /** Group names; `jira-admins` makes a Jira administrator. */
  groups: string[];
  accountType: 'atlassian' | 'customer' | 'app';
  active: boolean;
  emailAddress?: string;
  timeZone?: string;
}

/** Project permission keys as `GET /rest/api/3/mypermissions` names them. */
export type ProjectPermissionKey = 'BROWSE_PROJECTS' | 'SCHEDULE_ISSUES' | 'ADMINISTER_PROJECTS' | (string & {});

export interface SeedProject {
  key: string;
  id: string;
  name: string;
  projectTypeKey: 'software' | 'service_desk' | 'business';
  /** `<accountId>` or `*` → permission keys; a holder not listed has no permission at all. */
  permissions: Record<string, ProjectPermissionKey[]>;
  lead?: SeedUserRef;
  simplified?: boolean;
  style?: 'classic' | 'next-gen';
  description?: string;
}

/** An item of `GET /rest/api/3/field`. */
export interface SeedField {
  id: string;
  key: string;
  name: string;
  custom: boolean;
  orderable: boolean;
  navigable: boolean;
  searchable: boolean;
  clauseNames: string[];
  schema: { type: string; items?: string; system?: string; custom?: string; customId?: number };
}

/** An item of `GET /rest/api/3/issueLinkType`. */
export interface SeedIssueLinkType {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

export interface StatusCategory {
  id: number;
  key: StatusCategoryKey;
  colorName: string;
  name: string;
}

export interface IssueStatus {
  id: string;
  name: string;
  statusCategory: StatusCategory;
}

export interface IssueType {
  id: string;
  name: string;
  subtask: boolean;
  hierarchyLevel: number;
  description?: string;
}

export interface Priority {
  id: string;
  name: string;
}

/** A user as it appears inside issue fields (reporter, assignee). */
export interface SeedUserRef {
  accountId: string;
  displayName: string;
  accountType: 'atlassian' | 'customer' | 'app';
  active: boolean;
}

export interface Component {
  id: string;
  name: string;
}

export interface FixVersion {
  id: string;
  name: string;
  description: string;
  archived: boolean;
  released: boolean;
  /** `yyyy-MM-dd`. */
  releaseDate: string;
}

/** `{ id, value }` of a single-select custom field. */
export interface SelectOption {
  id: string;
  value: string;
}

/** A JSM organisation as the `sd-customer-organizations` field holds it. */
export interface Organization {
  id: string;
  name: string;
}

/** A value of the Sprint field (`gh-sprint`). */
export interface SprintFieldValue {
  id: number;
  name: string;
  state: 'closed' | 'active' | 'future';
  boardId: number;
  goal: string;
  startDate: string;
  endDate: string;
  completeDate?: string;
}

/** The other issue of a link, as `issuelinks` shows it. */
export interface LinkedIssue {
  id: string;
  key: string;
  fields: {
    summary: string;
    status: { name: string; statusCategory: { key: StatusCategoryKey } };
    priority: { name: string };
    issuetype: { name: string };
  };
}

export type SeedIssueLink =
  { id: string; type: SeedIssueLinkType; outwardIssue: LinkedIssue } | { id: string; type: SeedIssueLinkType; inwardIssue: LinkedIssue };

/** `parent` and `subtasks[]` items as Jira Cloud shows them. */
export interface IssueRef {
  id: string;
  key: string;
  fields: { summary: string; status: IssueStatus; priority: Priority; issuetype: IssueType };
}

/** Atlassian Document Format (only what the generator writes). */
export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: { type: 'paragraph'; content: { type: 'text'; text: string }[] }[];
}

export type CustomFieldId = `customfield_${number}`;

export interface SeedIssueFields {
  summary: string;
  issuetype: IssueType;
  status: IssueStatus;
  priority: Priority;
  labels: string[];
  /** Jira date-time, e.g. `2026-05-12T09:31:22.123+0000`. */
  created: string;
  updated: string;
  /** `yyyy-MM-dd` or null. */
  duedate: string | null;
  issuelinks: SeedIssueLink[];
  components: Component[];
  fixVersions: FixVersion[];
  reporter: SeedUserRef | null;
  assignee: SeedUserRef | null;
  project: { id: string; key: string; name: string; projectTypeKey: SeedProject['projectTypeKey'] };
  resolution: { id: string; name: string } | null;
  resolutiondate: string | null;
  description: AdfDoc | null;
  parent?: IssueRef;
  subtasks: IssueRef[];
  /** Story Points (float): a number, null, or — on a few deliberately odd issues — something else. */
  customfield_10016?: unknown;
  /** Story point estimate (jsw-story-points): mirrors Story Points. */
  customfield_10026?: unknown;
  /** Business Value (single select): `{ id, value }` or null. */
  customfield_10050?: unknown;
  /** Organizations (JSM), on SUP tickets. */
  customfield_10002?: Organization[];
  /** Customer tier (single select), on SUP tickets. */
  customfield_10070?: SelectOption | null;
  /** Rank (LexoRank string). */
  customfield_10019: string;
  /** Sprint: every sprint the issue was in. */
  customfield_10020?: SprintFieldValue[] | null;
  [custom: CustomFieldId]: unknown;
}

export interface SeedIssue {
  id: string;
  key: string;
  fields: SeedIssueFields;
}

/** An item of `GET /rest/api/3/issue/{key}/remotelink` (the simulator adds `self`). */
export interface SeedRemoteLink {
  id: number;
  globalId: string;
  application: { type: string; name: string };
  relationship: string;
  object: {
    url: string;
    title: string;
    summary: string;
    icon: { url16x16: string; title: string };
    status: { resolved: boolean; icon: { url16x16?: string; title?: string; link?: string } };
  };
}

/** A board of `GET /rest/agile/1.0/board`. */
export interface SeedBoard {
  id: number;
  name: string;
  type: 'scrum' | 'kanban';
  location: { projectId: number; projectKey: string; projectName: string; projectTypeKey: string; displayName: string };
}

/**
 * A sprint of `GET /rest/agile/1.0/board/{id}/sprint` (agile spec: SprintBean). Closed sprints carry
 * `completeDate`; what a sprint delivered is not on it (Jira keeps no such total) but in its issues.
 */
export interface SeedSprint {
  id: number;
  name: string;
  state: 'closed' | 'active' | 'future';
  originBoardId: number;
  goal: string;
  createdDate: string;
  startDate: string;
  endDate: string;
  completeDate?: string;
}

export interface Seed {
  now: string;
  users: SeedUser[];
  projects: SeedProject[];
  fields: SeedField[];
  issueLinkTypes: SeedIssueLinkType[];
  /** In Jira rank order (first = top). */
  issues: SeedIssue[];
  /** Issue key → its remote links. */
  remoteLinks: Record<string, SeedRemoteLink[]>;
  boards: SeedBoard[];
  sprints: SeedSprint[];
  config?: unknown;
}
