/**
 * Change notifications shaped like the Forge Jira triggers, fired when an issue or a link
 * changes through the simulator's REST API. The preview posts them to `/__forge/events`.
 *
 * A write to an app custom field fires `avi:jira:updated:issue` too (real Jira does); its
 * changelog item carries the field's `fieldId`, so the app can recognise and ignore its own writes.
 */
import type { SeedField, SeedLinkType } from './seed';
import type { SimIssue } from './state';

export interface ChangelogItem {
  field: string;
  fieldtype: 'jira' | 'custom';
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface IssueUpdatedPayload {
  eventType: 'avi:jira:updated:issue';
  issue: { id: string; key: string; fields: Record<string, unknown> };
  changelog: { id: string; items: ChangelogItem[] };
  atlassianId: string;
}

export interface IssueLinkPayload {
  eventType: 'avi:jira:created:issuelink' | 'avi:jira:deleted:issuelink';
  id: string;
  sourceIssueId: string;
  destinationIssueId: string;
  issueLinkType: { id: string; name: string; inwardName: string; outwardName: string; isSubTaskLinkType: boolean; isSystemLinkType: boolean };
  atlassianId: string;
}

export type SimEvent =
  | { event: 'avi:jira:updated:issue'; payload: IssueUpdatedPayload }
  | { event: 'avi:jira:created:issuelink' | 'avi:jira:deleted:issuelink'; payload: IssueLinkPayload };

export type EventListener = (event: SimEvent) => void;

let changelogSeq = 10000;

function display(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v))
    return v
      .map(display)
      .filter((x) => x !== null)
      .join(' ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const label = o['name'] ?? o['value'] ?? o['displayName'] ?? o['key'] ?? o['id'];
    return label === undefined ? JSON.stringify(v) : String(label);
  }
  return String(v);
}

function idOf(v: unknown): string | null {
  if (Array.isArray(v)) {
    const ids = v.map(idOf).filter((x) => x !== null);
    return ids.length > 0 ? ids.join(', ') : null;
  }
  if (v !== null && typeof v === 'object') {
    const id = (v as Record<string, unknown>)['id'] ?? (v as Record<string, unknown>)['accountId'];
    return id === undefined ? null : String(id);
  }
  return null;
}

/** A Jira changelog item: `from`/`to` hold ids for object values, the `…String` forms what a user reads. */
export function changeItem(fieldId: string, field: SeedField | undefined, from: unknown, to: unknown): ChangelogItem {
  const custom = field?.['custom'] === true || fieldId.startsWith('customfield_');
  return {
    field: field?.name ?? fieldId,
    fieldtype: custom ? 'custom' : 'jira',
    fieldId,
    from: idOf(from),
    fromString: display(from),
    to: idOf(to),
    toString: display(to),
  };
}

export function issueUpdated(issue: SimIssue, items: ChangelogItem[], atlassianId: string): SimEvent {
  return {
    event: 'avi:jira:updated:issue',
    payload: {
      eventType: 'avi:jira:updated:issue',
      issue: { id: issue.id, key: issue.key, fields: structuredClone(issue.fields) },
      changelog: { id: String(changelogSeq++), items },
      atlassianId,
    },
  };
}

export function issueLinkEvent(
  kind: 'created' | 'deleted',
  linkId: string,
  sourceIssueId: string,
  destinationIssueId: string,
  type: SeedLinkType,
  atlassianId: string,
): SimEvent {
  const eventType = kind === 'created' ? 'avi:jira:created:issuelink' : 'avi:jira:deleted:issuelink';
  return {
    event: eventType,
    payload: {
      eventType,
      id: linkId,
      sourceIssueId,
      destinationIssueId,
      issueLinkType: { id: type.id, name: type.name, inwardName: type.inward, outwardName: type.outward, isSubTaskLinkType: false, isSystemLinkType: false },
      atlassianId,
    },
  };
}
