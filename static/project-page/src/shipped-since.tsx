import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { Since } from './shipped-text';

const OPTIONS = [
  { label: 'Last 7 days', value: '7' },
  { label: 'Last 30 days', value: '30' },
  { label: 'Last 90 days', value: '90' },
  { label: 'Since a date…', value: 'date' },
];

export function SincePicker({ since, onChange }: { since: Since; onChange: (s: Since) => void }) {
  const value = 'days' in since ? String(since.days) : 'date';
  return (
    <div style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'center', flexWrap: 'wrap' }}>
      <label htmlFor="shipped-since" style={{ fontWeight: 600 }}>
        Done in
      </label>
      <div style={{ minWidth: 180 }}>
        <Select
          inputId="shipped-since"
          options={OPTIONS}
          value={OPTIONS.find((o) => o.value === value)}
          onChange={(o) => {
            if (!o) return;
            if (o.value === 'date') onChange({ date: 'date' in since ? since.date : '' });
            else onChange({ days: Number(o.value) as 7 | 30 | 90 });
          }}
        />
      </div>
      {'date' in since && (
        <div style={{ width: 180 }}>
          <Textfield type="date" aria-label="Done since" value={since.date} onChange={(e) => onChange({ date: e.currentTarget.value })} />
        </div>
      )}
    </div>
  );
}
