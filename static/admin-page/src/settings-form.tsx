import { useEffect, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ValueRankConfig } from '../../../src/contract/config';
import type { ResultMap } from '../../../src/contract/operations';
import { flag } from '../../shared/bridge';
import { describeValue, diffConfig, expectedVersionFor, invalidPatterns, rebaseEdits, type ConfigChange } from '../../shared/config-edit';
import { validateConfig } from '../../shared/config-validate';
import { invoke } from '../../shared/invoke';
import { OperationFailure, toOperationFailure } from '../../shared/invoke-core';
import { useOperation } from '../../shared/use-operation';
import { ErrorView, Loading, text } from '../../shared/ui';
import { WeightsEditor } from '../../shared/weights-editor';
import { DataSources } from './data-sources';
import { FieldError, FieldPicker, ListField, NumberField, Section } from './form-fields';
import { PreviewPanel } from './preview-panel';

/** The settings screens are for those who may change them, who get the whole config (`access: 'full'`). */
type Loaded = Extract<ResultMap['getConfig'], { access: 'full' }>;

function fullConfig(r: ResultMap['getConfig']): Loaded {
  if (r.access === 'full') return r;
  throw new OperationFailure(
    'getConfig',
    'FORBIDDEN',
    'Only a Jira admin (global settings) or a project admin (project settings) can see and change these settings.',
  );
}
/** The project's own fields; the fields read for customers are data sources (see DataSources). */
type FieldKey = 'storyPoints' | 'businessValue';

const FIELD_LABELS: Record<FieldKey, string> = {
  storyPoints: 'Story points / estimate',
  businessValue: 'Business value',
};

interface Conflict {
  error: OperationFailure;
  latest: Loaded | null;
  lastChange: ResultMap['getConfigHistory']['entries'][number] | null;
}

export function SettingsForm({ projectKey, onSaved }: { projectKey: string | null; onSaved: () => void }) {
  const scope = projectKey ? { projectKey } : {};
  const loaded = useOperation('getConfig', scope);
  const fields = useOperation('listFields', {});
  const [base, setBase] = useState<Loaded | null>(null);
  const [draft, setDraft] = useState<ValueRankConfig | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<OperationFailure | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [overlaps, setOverlaps] = useState<ConfigChange[]>([]);

  useEffect(() => {
    if (loaded.data && base === null && loaded.data.access === 'full') {
      setBase(loaded.data);
      setDraft(structuredClone(loaded.data.config));
    }
  }, [loaded.data, base]);

  const validation = useMemo(() => (draft ? validateConfig(draft) : null), [draft]);
  const errors: Record<string, string> = validation && !validation.ok ? validation.errors : {};
  const badPatterns = draft ? invalidPatterns(draft.customerVoice.remoteLinkPatterns) : [];
  const changes = base && draft ? diffConfig(base.config, draft) : [];
  const errorAt = (prefix: string) => Object.entries(errors).find(([p]) => p === prefix || p.startsWith(`${prefix}.`))?.[1];
  const canSave = changes.length > 0 && validation?.ok === true && badPatterns.length === 0 && !saving;

  const fieldOptions = useMemo(() => {
    const list = fields.data?.fields ?? [];
    return [{ label: 'Default (found automatically)', value: '' }, ...list.map((f) => ({ label: `${f.name} (${f.type}, ${f.id})`, value: f.id }))];
  }, [fields.data]);

  const fieldChoices = { options: fieldOptions, loading: fields.loading, typed: Boolean(fields.error) };

  if (loaded.error && !base) return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
  if (loaded.data && loaded.data.access !== 'full' && !base) {
    return (
      <ErrorView
        error={
          new OperationFailure(
            'getConfig',
            'FORBIDDEN',
            'Only a Jira admin (global settings) or a project admin (project settings) can see and change these settings.',
          )
        }
      />
    );
  }
  if (!base || !draft) return <Loading label="Loading settings…" />;

  const update = (fn: (c: ValueRankConfig) => void) => {
    const next = structuredClone(draft);
    fn(next);
    setDraft(next);
  };

  const save = async () => {
    if (!validation?.ok) return;
    setSaving(true);
    setSaveError(null);
    setConflict(null);
    try {
      const r = await invoke('saveConfig', { ...scope, expectedVersion: expectedVersionFor(projectKey, base), config: validation.config });
      void flag('Settings saved', `Version ${r.version}. Scores update in the background.`, 'success');
      const fresh = fullConfig(await invoke('getConfig', scope));
      setBase(fresh);
      setDraft(structuredClone(fresh.config));
      setOverlaps([]);
      setFormKey((k) => k + 1);
      onSaved();
    } catch (e) {
      const failure = toOperationFailure('saveConfig', e);
      if (failure.code === 'CONFIG_CONFLICT') {
        const [latest, history] = await Promise.all([
          invoke('getConfig', scope)
            .then(fullConfig)
            .catch(() => null),
          invoke('getConfigHistory', scope).catch(() => null),
        ]);
        setConflict({ error: failure, latest, lastChange: history?.entries[0] ?? null });
      } else setSaveError(failure);
    } finally {
      setSaving(false);
    }
  };

  const reloadKeepingEdits = () => {
    if (!conflict?.latest) return;
    const { merged, overlaps: o } = rebaseEdits(base.config, draft, conflict.latest.config);
    setBase(conflict.latest);
    setDraft(merged);
    setOverlaps(o);
    setConflict(null);
    setFormKey((k) => k + 1);
  };

  const discard = () => {
    setDraft(structuredClone(base.config));
    setOverlaps([]);
    setFormKey((k) => k + 1);
  };

  return (
    <form
      key={formKey}
      aria-label="ValueRank settings"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p style={{ color: text.subtle, fontSize: 12, marginTop: 0 }}>
        Editing the {base.scope === 'project' ? `${projectKey} override` : projectKey ? `global settings as a new ${projectKey} override` : 'global settings'} ·
        version {base.version}
        {base.updatedBy ? ` · last saved by ${base.updatedBy}` : ''}
        {base.updatedAt ? ` on ${new Date(base.updatedAt).toLocaleString()}` : ''}
      </p>

      <Section title="Weights">
        <WeightsEditor idPrefix="cfg-weight" weights={draft.weights} onChange={(w) => update((c) => void (c.weights = w))} />
        <FieldError id="weights-error" message={errorAt('weights')} />
      </Section>

      <DataSources
        readOnly={projectKey !== null}
        config={draft}
        update={update}
        errorAt={errorAt}
        patternError={badPatterns.length ? badPatterns.map((b) => `${b.pattern}: ${b.reason}`).join('; ') : undefined}
        fields={fieldChoices}
      />

      <Section title="Field mapping">
        {fields.error && (
          <SectionMessage appearance="warning" title="Could not list Jira fields">
            {fields.error.message} (code {fields.error.code}). Type a field id such as customfield_10016 instead.
          </SectionMessage>
        )}
        {(Object.keys(FIELD_LABELS) as FieldKey[]).map((key) => (
          <FieldPicker
            key={key}
            id={`field-${key}`}
            label={FIELD_LABELS[key]}
            value={draft.fields[key]}
            onChange={(v) => update((c) => void (c.fields[key] = v))}
            error={errorAt(`fields.${key}`)}
            {...fieldChoices}
          />
        ))}
      </Section>

      <Section title="Technical debt">
        <ListField
          id="debt-labels"
          label="Debt labels"
          hint="Comma separated, case-insensitive."
          value={draft.techDebt.labels}
          onChange={(v) => update((c) => void (c.techDebt.labels = v))}
          error={errorAt('techDebt.labels')}
        />
        <ListField
          id="debt-types"
          label="Debt issue types"
          value={draft.techDebt.issueTypes}
          onChange={(v) => update((c) => void (c.techDebt.issueTypes = v))}
          error={errorAt('techDebt.issueTypes')}
        />
        <ListField
          id="debt-components"
          label="Debt components"
          value={draft.techDebt.components}
          onChange={(v) => update((c) => void (c.techDebt.components = v))}
          error={errorAt('techDebt.components')}
        />
        <ListField
          id="debt-interest-links"
          label="Link types meaning “causes” (debt → bug)"
          hint='Links whose outward text is "causes" always count.'
          value={draft.techDebt.interestLinkTypes}
          onChange={(v) => update((c) => void (c.techDebt.interestLinkTypes = v))}
          error={errorAt('techDebt.interestLinkTypes')}
        />
      </Section>

      <Section title="Customer feedback">
        <ListField
          id="feedback-links"
          label="Feedback link types"
          hint="Empty = any link type between an issue and a feedback ticket."
          value={draft.customerVoice.linkTypes}
          onChange={(v) => update((c) => void (c.customerVoice.linkTypes = v))}
          error={errorAt('customerVoice.linkTypes')}
        />
        <NumberField
          id="half-life"
          label="Recency half-life (days)"
          hint="After this many days a customer's signal counts half."
          value={draft.customerVoice.halfLifeDays}
          onChange={(v) => v !== null && update((c) => void (c.customerVoice.halfLifeDays = v))}
          error={errorAt('customerVoice.halfLifeDays')}
        />
      </Section>

      <Section title="Roadmap capacity">
        <NumberField
          id="capacity"
          nullable
          label="Capacity per quarter (points)"
          hint="Empty = from the project's sprint history."
          value={draft.roadmap.capacityPerQuarter}
          onChange={(v) => update((c) => void (c.roadmap.capacityPerQuarter = v))}
          error={errorAt('roadmap.capacityPerQuarter')}
        />
        <NumberField
          id="debt-share"
          label="Share reserved for tech debt (%)"
          step={1}
          value={Math.round(draft.roadmap.debtShare * 1000) / 10}
          onChange={(v) => v !== null && update((c) => void (c.roadmap.debtShare = v / 100))}
          error={errorAt('roadmap.debtShare')}
        />
      </Section>

      {Object.keys(errors).length > 0 && (
        <SectionMessage appearance="error" title="Fix these before saving">
          <ul>
            {Object.entries(errors).map(([p, m]) => (
              <li key={p}>
                <code>{p || 'settings'}</code>: {m}
              </li>
            ))}
          </ul>
        </SectionMessage>
      )}

      {overlaps.length > 0 && (
        <SectionMessage appearance="information" title="Your edits were re-applied on top of the newest settings">
          <p>Both you and the other person changed these; your values are kept — check them before saving:</p>
          <ul>
            {overlaps.map((o) => (
              <li key={o.path}>
                <code>{o.path}</code>: theirs {describeValue(o.from)}, yours {describeValue(o.to)}
              </li>
            ))}
          </ul>
        </SectionMessage>
      )}

      {conflict && (
        <div role="alert">
          <SectionMessage
            appearance="warning"
            title="Someone else saved the settings meanwhile"
            actions={[
              <Button key="rebase" appearance="primary" onClick={reloadKeepingEdits} isDisabled={!conflict.latest}>
                Reload, keep my edits
              </Button>,
              <Button
                key="discard"
                onClick={() => {
                  if (conflict.latest) {
                    setBase(conflict.latest);
                    setDraft(structuredClone(conflict.latest.config));
                    setFormKey((k) => k + 1);
                  }
                  setConflict(null);
                }}
              >
                Reload, discard my edits
              </Button>,
            ]}
          >
            <p>{conflict.error.message}</p>
            {conflict.lastChange && (
              <>
                <p>
                  Version {conflict.lastChange.version} was saved by <code>{conflict.lastChange.by}</code> on{' '}
                  {new Date(conflict.lastChange.at).toLocaleString()}:
                </p>
                <ul>
                  {conflict.lastChange.changes.map((c) => (
                    <li key={c.path}>
                      <code>{c.path}</code>: {describeValue(c.from)} → {describeValue(c.to)}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p style={{ fontSize: 12 }}>
              Code: <code>{conflict.error.code}</code>
            </p>
          </SectionMessage>
        </div>
      )}
      {saveError && (
        <ErrorView
          error={saveError}
          title={
            saveError.code === 'FORBIDDEN'
              ? projectKey
                ? 'Only a project admin can change these settings'
                : 'Only a Jira admin can change these settings'
              : saveError.code === 'DATA_SOURCE_GLOBAL_ONLY'
                ? 'Data sources are set by a Jira admin'
                : 'Not saved'
          }
        />
      )}

      <PreviewPanel projectKey={projectKey} weights={draft.weights} />

      <div
        style={{
          display: 'flex',
          gap: 8,
          alignItems: 'center',
          position: 'sticky',
          bottom: 0,
          padding: `${token('space.100', '8px')} 0`,
          background: token('elevation.surface', '#FFFFFF'),
        }}
      >
        <Button appearance="primary" type="submit" isDisabled={!canSave} isLoading={saving}>
          Save
        </Button>
        <Button onClick={discard} isDisabled={changes.length === 0 || saving}>
          Discard changes
        </Button>
        <span aria-live="polite" style={{ color: text.subtle, fontSize: 12 }}>
          {changes.length === 0 ? 'No unsaved changes.' : `${changes.length} unsaved change${changes.length === 1 ? '' : 's'}.`}
        </span>
      </div>
    </form>
  );
}
