/**
 * Who the app is on this site: its app id and the environment it was deployed to (production, staging,
 * development…). Forge gives both to every invocation (`getAppContext()`: `appAri.appId`,
 * `environmentAri.environmentId`); they name the app's own custom fields.
 */
export interface AppIdentity {
  appId: string;
  environmentId: string;
}

/** The manifest's `jira:customField` module key of "Value score". */
export const SCORE_FIELD_MODULE_KEY = 'value-score';

/**
 * The type of a Forge custom field, as `schema.custom` in GET /rest/api/3/field shows it:
 * `ari:cloud:ecosystem::extension/{app-id}/{environment-id}/static/{module-key}`
 * (developer.atlassian.com/platform/forge/manifest-reference/modules/jira-custom-field, "Field lifecycle").
 */
export function customFieldType(app: AppIdentity, moduleKey: string): string {
  return `ari:cloud:ecosystem::extension/${app.appId}/${app.environmentId}/static/${moduleKey}`;
}
