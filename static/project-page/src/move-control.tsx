import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Popup from '@atlaskit/popup';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';

/** The keyboard alternative to dragging a row: "Move to position…" pins the issue at a typed position. */
export function MoveControl({
  issueKey,
  current,
  max,
  busy,
  onMove,
}: {
  issueKey: string;
  current: number;
  max: number;
  busy: boolean;
  onMove: (position: number) => void;
}) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(String(current));
  const n = Number(value);
  const valid = Number.isInteger(n) && n >= 1 && n <= max;
  const inputId = `move-${issueKey}`;
  const submit = () => {
    if (!valid) return;
    setOpen(false);
    onMove(n);
  };
  return (
    <Popup
      isOpen={open}
      onClose={() => setOpen(false)}
      // The position field takes focus itself (keyboard users type at once), not the popup's container.
      autoFocus={false}
      placement="bottom-end"
      content={() => (
        <form
          style={{ padding: token('space.150', '12px'), width: 200 }}
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label htmlFor={inputId} style={{ display: 'block', marginBottom: 4 }}>
            Pin {issueKey} at position (1–{max})
          </label>
          <Textfield
            id={inputId}
            type="number"
            min={1}
            max={max}
            value={value}
            autoFocus
            isInvalid={!valid}
            onChange={(e) => setValue((e.target as HTMLInputElement).value)}
          />
          {!valid && (
            <div role="alert" style={{ color: token('color.text.danger', '#AE2E24'), fontSize: 12 }}>
              Enter a whole number from 1 to {max}.
            </div>
          )}
          <div style={{ display: 'flex', gap: 8, marginTop: 8, justifyContent: 'flex-end' }}>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button appearance="primary" type="submit" isDisabled={!valid || busy}>
              Pin here
            </Button>
          </div>
        </form>
      )}
      trigger={(props) => (
        <Button
          {...props}
          spacing="compact"
          appearance="subtle"
          isSelected={open}
          isDisabled={busy}
          aria-label={`Move ${issueKey} to a position`}
          onClick={() => {
            setValue(String(current));
            setOpen((o) => !o);
          }}
        >
          Move…
        </Button>
      )}
    />
  );
}
