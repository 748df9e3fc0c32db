import { useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { text } from '../../shared/ui';

export interface CapacityInput {
  text: string;
  setText: (text: string) => void;
  /** Empty, or a positive number up to the maximum. */
  valid: boolean;
  /** What the text asks for: null when empty (the capacity then comes from sprint history). */
  value: number | null;
}

/** The typed capacity of the roadmap or the sprint plan, kept by the tab so that it outlives a first build. */
export function useCapacityInput(max: number): CapacityInput {
  const [typed, setText] = useState('');
  const n = Number(typed);
  const empty = typed.trim() === '';
  return { text: typed, setText, valid: empty || (Number.isFinite(n) && n > 0 && n <= max), value: empty ? null : n };
}

/**
 * The form above the roadmap and the sprint plan: a capacity in points (empty: from sprint history), a submit
 * button that plans again with it, and the tab's own buttons after a spacer.
 */
export function CapacityForm(props: {
  input: CapacityInput;
  id: string;
  label: string;
  width: number;
  submit: string;
  invalid: string;
  onSubmit: (capacity: number | null) => void;
  children: ReactNode;
}) {
  const { input } = props;
  return (
    <form
      style={{ display: 'flex', gap: 8, alignItems: 'flex-end', marginBottom: 12, flexWrap: 'wrap' }}
      onSubmit={(e) => {
        e.preventDefault();
        if (input.valid) props.onSubmit(input.value);
      }}
    >
      <div style={{ width: props.width }}>
        <label htmlFor={props.id} style={{ fontSize: 12, color: text.subtle }}>
          {props.label}
        </label>
        <Textfield
          id={props.id}
          type="number"
          min={1}
          value={input.text}
          isInvalid={!input.valid}
          isCompact
          onChange={(e) => input.setText((e.target as HTMLInputElement).value)}
        />
      </div>
      <Button type="submit" isDisabled={!input.valid}>
        {props.submit}
      </Button>
      {!input.valid && (
        <span role="alert" style={{ color: token('color.text.danger', '#AE2E24'), fontSize: 12 }}>
          {props.invalid}
        </span>
      )}
      <span style={{ flex: 1 }} />
      {props.children}
    </form>
  );
}
