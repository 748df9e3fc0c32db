import { useEffect, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { ValueRankConfig } from '../../../src/contract/config';
import type { ResultMap } from '../../../src/contract/operations';
import { flag } from '../../shared/bridge';
import { diffConfig, expectedVersionFor, invalidPatterns, rebaseEdits, type ConfigChange } from '../../shared/config-edit';
import { validateConfig } from '../../shared/config-validate';
import { invoke } from '../../shared/invoke';
import { OperationFailure, toOperationFailure } from '../../shared/invoke-core';
import { useOperation } from '../../shared/use-operation';
import { ErrorView, Loading, text } from '../../shared/ui';
import { WeightsEditor } from '../../shared/weights-editor';
import { DataSources } from './data-sources';
import { FieldError, Section } from './form-fields';
import { ConfigPreview } from './config-preview';
import { CustomerTiers } from './customer-tiers';
import { PresetPicker } from './preset-picker';
import { ConflictNotice, RebasedNotice, SaveError, ValidationSummary, type Conflict, type Loaded } from './save-notices';
import { StakeholderSettings } from './stakeholder-settings';
import { CustomerFeedback, FieldMapping, RoadmapCapacity, TechDebt } from './scoring-sections';

function fullConfig(r: ResultMap['getConfig']): Loaded {
  if (r.access === 'full') return r;
  throw new OperationFailure(
    'getConfig',
    'FORBIDDEN',
    'Only a Jira admin (global settings) or a project admin (project settings) can see and change these settings.',
  );
}
/** The tier field as the admin knows it: its name from the site's fields, or how it is found by default. */
function tierFieldName(id: string | null, options: readonly { label: string; value: string }[]): string {
  if (id === null) return 'by default the field named “Customer tier”';
  return options.find((o) => o.value === id)?.label ?? id;
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
  const [previewOn, setPreviewOn] = useState('');

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

  const reloadDiscardingEdits = () => {
    if (conflict?.latest) {
      setBase(conflict.latest);
      setDraft(structuredClone(conflict.latest.config));
      setFormKey((k) => k + 1);
    }
    setConflict(null);
  };

  const discard = () => {
    setDraft(structuredClone(base.config));
    setOverlaps([]);
    setFormKey((k) => k + 1);
  };

  const sectionProps = { config: draft, update, errorAt };

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

      <PresetPicker {...sectionProps} />

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

      <FieldMapping {...sectionProps} fields={fieldChoices} listError={fields.error} />
      <TechDebt {...sectionProps} />
      <CustomerFeedback {...sectionProps} />
      <CustomerTiers {...sectionProps} tierField={tierFieldName(draft.fields.customerTier, fieldOptions)} />
      <StakeholderSettings {...sectionProps} />
      <RoadmapCapacity {...sectionProps} />

      <ValidationSummary errors={errors} />
      <RebasedNotice overlaps={overlaps} />
      {conflict && <ConflictNotice conflict={conflict} onKeepEdits={reloadKeepingEdits} onDiscardEdits={reloadDiscardingEdits} />}
      {saveError && <SaveError error={saveError} projectKey={projectKey} />}

      <ConfigPreview
        projectKey={projectKey}
        config={validation?.ok ? validation.config : null}
        changed={changes.length > 0 && badPatterns.length === 0}
        typed={previewOn}
        setTyped={setPreviewOn}
      />

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
