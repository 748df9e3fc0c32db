import { z } from 'zod';

/**
 * Loose schemas for the Jira responses the app reads: only the fields it uses are required, everything else
 * passes through untouched (Jira adds fields over time; odd values inside `fields` are the domain's business).
 */
export const searchPage = z.looseObject({
  issues: z.array(z.looseObject({ id: z.string() })).default([]),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().nullish(),
});

export const searchKeysPage = z.looseObject({
  issues: z.array(z.looseObject({ id: z.string(), key: z.string() })).default([]),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().nullish(),
});

/** `ParsedJqlQueries` of `POST /rest/api/3/jql/parse`: only what the app reads. */
export const parsedJqlQueries = z.looseObject({
  queries: z.array(z.looseObject({ errors: z.array(z.string()).nullish(), structure: z.looseObject({ where: z.unknown() }).nullish() })),
});

/** `IssueMatches` of `POST /rest/api/3/jql/match`: per query, the matched issue ids (int64) and its errors. */
/** BulkPermissionGrants (platform spec, Get bulk permissions): only the project permissions' issues are read. */
export const bulkPermissions = z.looseObject({
  projectPermissions: z.array(z.looseObject({ permission: z.string(), issues: z.array(z.number()).nullish() })).nullish(),
});

export const bulkFetch = z.looseObject({
  issues: z.array(z.looseObject({ id: z.string(), key: z.string(), fields: z.record(z.string(), z.unknown()).default({}) })).default([]),
  issueErrors: z.array(z.unknown()).nullish(),
});

export const fieldList = z.array(
  z.looseObject({
    id: z.string(),
    name: z.string(),
    custom: z.boolean().default(false),
    key: z.string().optional(),
    schema: z.looseObject({ type: z.string().optional(), custom: z.string().optional(), items: z.string().optional() }).optional(),
  }),
);

const project = z.looseObject({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  projectTypeKey: z.string().default('software'),
  simplified: z.boolean().optional(),
});
export const projectRef = project;
export const projectPage = z.looseObject({ values: z.array(project).default([]), isLast: z.boolean().nullish() });

export const myPermissions = z.looseObject({
  permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean() })),
});

export const remoteLinks = z.array(z.looseObject({ globalId: z.unknown().optional(), object: z.unknown().optional() }));

export const boardPage = z.looseObject({ values: z.array(z.looseObject({ id: z.number() })).default([]), isLast: z.boolean().nullish() });
export const sprintPage = z.looseObject({
  values: z.array(z.looseObject({ id: z.number(), state: z.string() })).default([]),
  isLast: z.boolean().nullish(),
});

export const rank207 = z.looseObject({
  entries: z
    .array(z.looseObject({ issueKey: z.string().optional(), issueId: z.number().optional(), status: z.number(), errors: z.array(z.string()).optional() }))
    .default([]),
});

/** `GET /rest/api/3/myself?expand=groups`: User.groups is a SimpleListWrapperGroupName (platform spec). */
export const myselfGroups = z.looseObject({
  groups: z.looseObject({ items: z.array(z.looseObject({ name: z.string() })).default([]) }).nullish(),
});
/** `GET /rest/api/3/user/bulk`: PageBeanUser (platform spec, "Bulk get users"). */
export const userPage = z.looseObject({
  values: z.array(z.looseObject({ accountId: z.string(), displayName: z.string().nullish() })).default([]),
  isLast: z.boolean().nullish(),
});
