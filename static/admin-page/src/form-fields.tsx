import { useState, type ReactNode } from 'react';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { formatList, parseList } from '../../shared/config-edit';
import { text } from '../../shared/ui';

/** The settings form's building blocks: a labelled section, inline errors, list, number and field inputs. */

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset
      style={{
        border: `1px solid ${token('color.border', '#091E4224')}`,
        borderRadius: 6,
        padding: token('space.200', '16px'),
        margin: `0 0 ${token('space.200', '16px')}`,
      }}
    >
      <legend style={{ fontWeight: 600, padding: '0 4px' }}>{title}</legend>
      <div style={{ display: 'grid', gap: token('space.150', '12px') }}>{children}</div>
    </fieldset>
  );
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <div id={id} role="alert" style={{ color: token('color.text.danger', '#AE2E24'), fontSize: 12, marginTop: 2 }}>
      {message}
    </div>
  );
}

/** A comma-separated list edited as text (kept as typed, parsed into the config on every change). */
export function ListField({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  multiline,
}: {
  id: string;
  label: string;
  hint?: string;
  value: readonly string[];
  onChange: (v: string[]) => void;
  error?: string | undefined;
  multiline?: boolean;
}) {
  const [textValue, setText] = useState(multiline ? value.join('\n') : formatList(value));
  const errId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} style={{ display: 'block', fontSize: 13, marginBottom: 2 }}>
        {label}
      </label>
      {multiline ? (
        <textarea
          id={id}
          rows={3}
          value={textValue}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? errId : undefined}
          onChange={(e) => {
            setText(e.target.value);
            onChange(
              e.target.value
                .split('\n')
                .map((s) => s.trim())
                .filter((s) => s !== ''),
            );
          }}
          style={{
            width: '100%',
            fontFamily: 'monospace',
            fontSize: 12,
            color: text.color,
            background: token('color.background.input', '#FFFFFF'),
            border: `2px solid ${error ? token('color.border.danger', '#E2483D') : token('color.border.input', '#8590A2')}`,
            borderRadius: 3,
            padding: 6,
          }}
        />
      ) : (
        <Textfield
          id={id}
          value={textValue}
          isInvalid={Boolean(error)}
          aria-describedby={error ? errId : undefined}
          onChange={(e) => {
            const v = (e.target as HTMLInputElement).value;
            setText(v);
            onChange(parseList(v));
          }}
        />
      )}
      {hint && <div style={{ color: text.subtlest, fontSize: 12 }}>{hint}</div>}
      <FieldError id={errId} message={error} />
    </div>
  );
}

/** A number input; empty means `null` when `nullable`. Keeps what is typed; reports non-numbers inline. */
export function NumberField({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  nullable,
  step,
}: {
  id: string;
  label: string;
  hint?: string;
  value: number | null;
  onChange: (v: number | null) => void;
  error?: string | undefined;
  nullable?: boolean;
  step?: number;
}) {
  const [textValue, setText] = useState(value === null ? '' : String(value));
  const parsed = textValue.trim() === '' ? null : Number(textValue);
  const local = parsed !== null && !Number.isFinite(parsed) ? 'Enter a number.' : parsed === null && !nullable ? 'Required.' : undefined;
  const errId = `${id}-error`;
  return (
    <div style={{ maxWidth: 260 }}>
      <label htmlFor={id} style={{ display: 'block', fontSize: 13, marginBottom: 2 }}>
        {label}
      </label>
      <Textfield
        id={id}
        type="number"
        step={step ?? 'any'}
        value={textValue}
        isInvalid={Boolean(local ?? error)}
        aria-describedby={local || error ? errId : undefined}
        onChange={(e) => {
          const v = (e.target as HTMLInputElement).value;
          setText(v);
          const n = v.trim() === '' ? null : Number(v);
          if (n === null ? nullable : Number.isFinite(n)) onChange(n);
        }}
      />
      {hint && <div style={{ color: text.subtlest, fontSize: 12 }}>{hint}</div>}
      <FieldError id={errId} message={local ?? error} />
    </div>
  );
}

export interface FieldOption {
  label: string;
  value: string;
}

/**
 * A Jira field for a mapping: a searchable list of the site's fields, or a field id typed by hand when the list
 * could not be read (`typed`). Empty means null: the default, found automatically.
 */
export function FieldPicker({
  id,
  label,
  value,
  onChange,
  error,
  options,
  loading,
  typed,
}: {
  id: string;
  label: string;
  value: string | null;
  onChange: (v: string | null) => void;
  error: string | undefined;
  options: FieldOption[];
  loading: boolean;
  typed: boolean;
}) {
  return (
    <div style={{ maxWidth: typed ? 360 : 420 }}>
      <label htmlFor={id} style={{ display: 'block', fontSize: 13 }}>
        {label}
      </label>
      {typed ? (
        <Textfield
          id={id}
          value={value ?? ''}
          placeholder="Default (found automatically)"
          isInvalid={Boolean(error)}
          onChange={(e) => {
            const v = (e.target as HTMLInputElement).value.trim();
            onChange(v === '' ? null : v);
          }}
        />
      ) : (
        <Select
          inputId={id}
          isLoading={loading}
          options={options}
          value={options.find((o) => o.value === (value ?? '')) ?? { label: value ?? '', value: value ?? '' }}
          onChange={(o) => onChange(o && o.value !== '' ? o.value : null)}
        />
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
