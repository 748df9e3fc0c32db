import type { ReactNode } from 'react';
import Checkbox from '@atlaskit/checkbox';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { ValueRankConfig } from '../../../src/contract/config';
import { text } from '../../shared/ui';
import { FieldError, FieldPicker, ListField, Section, type FieldOption } from './form-fields';

type FeedbackField = 'organizations' | 'customerTier' | 'customerCount';

const FEEDBACK_FIELDS: Record<FeedbackField, string> = {
  organizations: 'Organisations (on feedback tickets)',
  customerTier: 'Customer tier (on feedback tickets)',
  customerCount: 'Customer count or votes',
};

const DEFAULT_CANDIDATES = "the project's issues that are not Done, without sub-tasks and epics";

export interface FieldChoices {
  options: FieldOption[];
  loading: boolean;
  /** The site's fields could not be listed: field ids are typed by hand. */
  typed: boolean;
}

/**
 * Where scores come from: candidate JQL, feedback projects, support-tool URL patterns and the fields read for
 * customers. Only the global config sets them (the server refuses a project override that changes them), so the
 * project settings page shows the global values read-only and the global page says they apply everywhere.
 */
export function DataSources({
  readOnly,
  config,
  update,
  errorAt,
  patternError,
  fields,
}: {
  readOnly: boolean;
  config: ValueRankConfig;
  update: (fn: (c: ValueRankConfig) => void) => void;
  errorAt: (path: string) => string | undefined;
  patternError: string | undefined;
  fields: FieldChoices;
}) {
  if (readOnly) return <GlobalValues config={config} fields={fields} />;
  const cv = config.customerVoice;
  return (
    <Section title="Data sources">
      <p style={{ color: text.subtle, fontSize: 13, margin: 0 }}>
        These apply to every project, including projects with their own settings: data sources decide the score everyone sees, so project admins see them
        read-only.
      </p>
      <div>
        <label htmlFor="candidate-jql" style={{ display: 'block', fontSize: 13, marginBottom: 2 }}>
          Candidate issues (JQL filter)
        </label>
        <Textfield
          id="candidate-jql"
          value={config.candidateJql ?? ''}
          placeholder={`Empty = ${DEFAULT_CANDIDATES}`}
          isInvalid={Boolean(errorAt('candidateJql'))}
          aria-describedby="candidate-jql-hint"
          onChange={(e) => {
            const v = (e.target as HTMLInputElement).value;
            update((c) => void (c.candidateJql = v.trim() === '' ? null : v));
          }}
        />
        <div id="candidate-jql-hint" style={{ color: text.subtlest, fontSize: 12 }}>
          ValueRank reads it inside <code>project = KEY AND (…)</code>; Jira checks it when you save.
        </div>
        <FieldError id="candidate-jql-error" message={errorAt('candidateJql')} />
      </div>
      <Checkbox
        label="Every service-desk project holds feedback"
        isChecked={cv.feedbackProjects === null}
        onChange={(e) => update((c) => void (c.customerVoice.feedbackProjects = e.target.checked ? null : []))}
      />
      {cv.feedbackProjects !== null && (
        <ListField
          id="feedback-projects"
          label="Feedback projects (keys)"
          hint="e.g. SUP, CS"
          value={cv.feedbackProjects}
          onChange={(v) => update((c) => void (c.customerVoice.feedbackProjects = v.map((k) => k.toUpperCase())))}
          error={errorAt('customerVoice.feedbackProjects')}
        />
      )}
      <ListField
        id="remote-patterns"
        label="Support-tool URL patterns (one regular expression per line)"
        hint="A named group (?<customer>…) identifies the customer, e.g. ^https://support\.example\.com/org/(?<customer>[^/]+)/"
        multiline
        value={cv.remoteLinkPatterns}
        onChange={(v) => update((c) => void (c.customerVoice.remoteLinkPatterns = v))}
        error={patternError ?? errorAt('customerVoice.remoteLinkPatterns')}
      />
      {(Object.keys(FEEDBACK_FIELDS) as FeedbackField[]).map((key) => (
        <FieldPicker
          key={key}
          id={`field-${key}`}
          label={FEEDBACK_FIELDS[key]}
          value={config.fields[key]}
          onChange={(v) => update((c) => void (c.fields[key] = v))}
          error={errorAt(`fields.${key}`)}
          options={fields.options}
          loading={fields.loading}
          typed={fields.typed}
        />
      ))}
    </Section>
  );
}

/** The global data sources as text, for a project admin. */
function GlobalValues({ config, fields }: { config: ValueRankConfig; fields: FieldChoices }) {
  const cv = config.customerVoice;
  const field = (id: string | null): ReactNode =>
    id === null ? 'Default (found automatically)' : (fields.options.find((o) => o.value === id)?.label ?? <code>{id}</code>);
  const rows: [string, ReactNode][] = [
    ['Candidate issues (JQL filter)', config.candidateJql === null ? `Default: ${DEFAULT_CANDIDATES}` : <code>{config.candidateJql}</code>],
    [
      'Feedback projects',
      cv.feedbackProjects === null ? 'Every service-desk project' : cv.feedbackProjects.length === 0 ? 'None' : cv.feedbackProjects.join(', '),
    ],
    [
      'Support-tool URL patterns',
      cv.remoteLinkPatterns.length === 0 ? (
        'None'
      ) : (
        <ul style={{ margin: 0, paddingLeft: 16 }}>
          {cv.remoteLinkPatterns.map((p) => (
            <li key={p}>
              <code>{p}</code>
            </li>
          ))}
        </ul>
      ),
    ],
    ...(Object.keys(FEEDBACK_FIELDS) as FeedbackField[]).map((key): [string, ReactNode] => [FEEDBACK_FIELDS[key], field(config.fields[key])]),
  ];
  return (
    <Section title="Data sources">
      <p id="data-sources-note" style={{ color: text.subtle, fontSize: 13, margin: 0 }}>
        Set by a Jira admin in ValueRank settings (global): data sources decide the score everyone sees.
      </p>
      <dl
        aria-describedby="data-sources-note"
        style={{
          display: 'grid',
          gridTemplateColumns: 'minmax(180px, max-content) 1fr',
          gap: `${token('space.075', '6px')} ${token('space.200', '16px')}`,
          margin: 0,
          padding: 0,
        }}
      >
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt style={{ margin: 0, padding: 0, fontSize: 13, color: text.subtle }}>{label}</dt>
            <dd style={{ margin: 0, fontSize: 13, wordBreak: 'break-word' }}>{value}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}
