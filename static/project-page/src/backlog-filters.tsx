import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { Payload } from '../../../src/contract/operations';
import { parseList } from '../../shared/config-edit';

/** The backlog's filters as the user edits them, and the getBacklog filter they ask for. */
export interface Filters {
  types: string[];
  labels: string;
  debtOnly: boolean;
  feedbackOnly: boolean;
  gapsOnly: boolean;
  text: string;
}

export type BacklogFilter = NonNullable<Payload<'getBacklog'>['filter']>;

export const NO_FILTERS: Filters = { types: [], labels: '', debtOnly: false, feedbackOnly: false, gapsOnly: false, text: '' };

/** The filter of the payload; undefined when nothing filters (the payload then leaves it out). */
export function toFilter(f: Filters): BacklogFilter | undefined {
  const labels = parseList(f.labels);
  const out: BacklogFilter = {
    ...(f.types.length ? { types: f.types } : {}),
    ...(labels.length ? { labels } : {}),
    ...(f.debtOnly ? { debtOnly: true } : {}),
    ...(f.feedbackOnly ? { feedbackOnly: true } : {}),
    ...(f.gapsOnly ? { gapsOnly: true } : {}),
    ...(f.text.trim() ? { text: f.text.trim().slice(0, 200) } : {}),
  };
  return Object.keys(out).length ? out : undefined;
}

function TextFilter(props: { width: number; label: string; placeholder: string; value: string; onText: (text: string) => void }) {
  return (
    <div style={{ width: props.width }}>
      <Textfield
        aria-label={props.label}
        placeholder={props.placeholder}
        value={props.value}
        isCompact
        onChange={(e) => props.onText((e.target as HTMLInputElement).value)}
      />
    </div>
  );
}

/** Search, types (those seen so far), labels and the three "only" switches; Clear shows once something filters. */
export function FilterBar({ filters, onChange, seenTypes }: { filters: Filters; onChange: (f: Filters) => void; seenTypes: readonly string[] }) {
  return (
    <div
      role="search"
      style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100', '8px'), alignItems: 'center', marginBottom: token('space.150', '12px') }}
    >
      <TextFilter width={200} label="Search summary or key" placeholder="Search" value={filters.text} onText={(text) => onChange({ ...filters, text })} />
      <div style={{ minWidth: 180 }}>
        <Select
          inputId="filter-types"
          aria-label="Issue types"
          placeholder="All types"
          isMulti
          spacing="compact"
          options={seenTypes.map((t) => ({ label: t, value: t }))}
          value={filters.types.map((t) => ({ label: t, value: t }))}
          onChange={(v) => onChange({ ...filters, types: (v ?? []).map((o) => o.value) })}
        />
      </div>
      <TextFilter
        width={160}
        label="Labels (comma separated)"
        placeholder="Labels, comma separated"
        value={filters.labels}
        onText={(labels) => onChange({ ...filters, labels })}
      />
      <Checkbox label="Debt only" isChecked={filters.debtOnly} onChange={(e) => onChange({ ...filters, debtOnly: e.target.checked })} />
      <Checkbox label="Customer feedback only" isChecked={filters.feedbackOnly} onChange={(e) => onChange({ ...filters, feedbackOnly: e.target.checked })} />
      <Checkbox label="Data gaps only" isChecked={filters.gapsOnly} onChange={(e) => onChange({ ...filters, gapsOnly: e.target.checked })} />
      {toFilter(filters) !== undefined && (
        <Button appearance="subtle" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
