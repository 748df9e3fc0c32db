import SectionMessage from '@atlaskit/section-message';
import type { ValueRankConfig } from '../../../src/contract/config';
import type { OperationFailure } from '../../shared/invoke-core';
import type { FieldChoices } from './data-sources';
import { FieldPicker, ListField, NumberField, Section } from './form-fields';

/** The settings a project may override beside the weights: its fields, what counts as debt, feedback, capacity. */

/** The project's own fields; the fields read for customers are data sources (see DataSources). */
type FieldKey = 'storyPoints' | 'businessValue';

const FIELD_LABELS: Record<FieldKey, string> = {
  storyPoints: 'Story points / estimate',
  businessValue: 'Business value',
};

export interface SectionProps {
  config: ValueRankConfig;
  update: (fn: (c: ValueRankConfig) => void) => void;
  /** The first validation message at a config path or under it. */
  errorAt: (path: string) => string | undefined;
}

export function FieldMapping({ config, update, errorAt, fields, listError }: SectionProps & { fields: FieldChoices; listError: OperationFailure | null }) {
  return (
    <Section title="Field mapping">
      {listError && (
        <SectionMessage appearance="warning" title="Could not list Jira fields">
          {listError.message} (code {listError.code}). Type a field id such as customfield_10016 instead.
        </SectionMessage>
      )}
      {(Object.keys(FIELD_LABELS) as FieldKey[]).map((key) => (
        <FieldPicker
          key={key}
          id={`field-${key}`}
          label={FIELD_LABELS[key]}
          value={config.fields[key]}
          onChange={(v) => update((c) => void (c.fields[key] = v))}
          error={errorAt(`fields.${key}`)}
          {...fields}
        />
      ))}
    </Section>
  );
}

export function TechDebt({ config, update, errorAt }: SectionProps) {
  return (
    <Section title="Technical debt">
      <ListField
        id="debt-labels"
        label="Debt labels"
        hint="Comma separated, case-insensitive."
        value={config.techDebt.labels}
        onChange={(v) => update((c) => void (c.techDebt.labels = v))}
        error={errorAt('techDebt.labels')}
      />
      <ListField
        id="debt-types"
        label="Debt issue types"
        value={config.techDebt.issueTypes}
        onChange={(v) => update((c) => void (c.techDebt.issueTypes = v))}
        error={errorAt('techDebt.issueTypes')}
      />
      <ListField
        id="debt-components"
        label="Debt components"
        value={config.techDebt.components}
        onChange={(v) => update((c) => void (c.techDebt.components = v))}
        error={errorAt('techDebt.components')}
      />
      <ListField
        id="debt-interest-links"
        label="Link types meaning “causes” (debt → bug)"
        hint='Links whose outward text is "causes" always count.'
        value={config.techDebt.interestLinkTypes}
        onChange={(v) => update((c) => void (c.techDebt.interestLinkTypes = v))}
        error={errorAt('techDebt.interestLinkTypes')}
      />
    </Section>
  );
}

export function CustomerFeedback({ config, update, errorAt }: SectionProps) {
  return (
    <Section title="Customer feedback">
      <ListField
        id="feedback-links"
        label="Feedback link types"
        hint="Empty = any link type between an issue and a feedback ticket."
        value={config.customerVoice.linkTypes}
        onChange={(v) => update((c) => void (c.customerVoice.linkTypes = v))}
        error={errorAt('customerVoice.linkTypes')}
      />
      <NumberField
        id="half-life"
        label="Recency half-life (days)"
        hint="After this many days a customer's signal counts half."
        value={config.customerVoice.halfLifeDays}
        onChange={(v) => v !== null && update((c) => void (c.customerVoice.halfLifeDays = v))}
        error={errorAt('customerVoice.halfLifeDays')}
      />
    </Section>
  );
}

export function RoadmapCapacity({ config, update, errorAt }: SectionProps) {
  return (
    <Section title="Roadmap capacity">
      <NumberField
        id="capacity"
        nullable
        label="Capacity per quarter (points)"
        hint="Empty = from the project's sprint history."
        value={config.roadmap.capacityPerQuarter}
        onChange={(v) => update((c) => void (c.roadmap.capacityPerQuarter = v))}
        error={errorAt('roadmap.capacityPerQuarter')}
      />
      <NumberField
        id="debt-share"
        label="Share reserved for tech debt (%)"
        step={1}
        value={Math.round(config.roadmap.debtShare * 1000) / 10}
        onChange={(v) => v !== null && update((c) => void (c.roadmap.debtShare = v / 100))}
        error={errorAt('roadmap.debtShare')}
      />
    </Section>
  );
}
