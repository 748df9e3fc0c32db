import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { text } from '../../shared/ui';
import { FieldError, Section } from './form-fields';
import type { SectionProps } from './scoring-sections';

interface TierRow {
  id: number;
  name: string;
  weight: string;
}

/**
 * "Customer importance": what one customer's voice counts, by the tier a feedback ticket's tier field holds
 * (a select field such as "Customer tier"; a tier not listed counts 1). Stored as `customerVoice.tierWeights`.
 */
export function CustomerTiers({ config, update, errorAt, tierField }: SectionProps & { tierField: string }) {
  const [rows, setRows] = useState<TierRow[]>(() => Object.entries(config.customerVoice.tierWeights).map(([name, w], id) => ({ id, name, weight: String(w) })));
  const [nextId, setNextId] = useState(rows.length);
  const names = rows.map((r) => r.name.trim().toLowerCase()).filter((n) => n !== '');
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);

  const commit = (next: TierRow[]) => {
    setRows(next);
    const entries = next
      .filter((r) => r.name.trim() !== '' && r.weight.trim() !== '' && Number.isFinite(Number(r.weight)))
      .map((r) => [r.name.trim(), Number(r.weight)] as const);
    update((c) => void (c.customerVoice.tierWeights = Object.fromEntries(entries)));
  };
  const change = (id: number, patch: Partial<TierRow>) => commit(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));

  return (
    <Section title="Customer importance">
      <p style={{ margin: 0, color: text.subtle, fontSize: 13 }}>
        A customer counts as much as the multiplier of the tier on their feedback ticket ({tierField}); customers with another or no tier count 1.
      </p>
      {rows.length === 0 && <p style={{ margin: 0, fontSize: 13 }}>No tiers: every customer counts 1.</p>}
      {rows.map((r) => {
        const bad = r.weight.trim() === '' || !Number.isFinite(Number(r.weight)) || Number(r.weight) < 0 || Number(r.weight) > 100;
        return (
          <div key={r.id} style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'flex-end' }}>
            <div style={{ width: 220 }}>
              <label htmlFor={`tier-name-${r.id}`} style={{ fontSize: 13 }}>
                Tier (option value)
              </label>
              <Textfield id={`tier-name-${r.id}`} value={r.name} onChange={(e) => change(r.id, { name: (e.target as HTMLInputElement).value })} />
            </div>
            <div style={{ width: 140 }}>
              <label htmlFor={`tier-weight-${r.id}`} style={{ fontSize: 13 }}>
                Multiplier (0–100)
              </label>
              <Textfield
                id={`tier-weight-${r.id}`}
                type="number"
                step="any"
                value={r.weight}
                isInvalid={bad}
                onChange={(e) => change(r.id, { weight: (e.target as HTMLInputElement).value })}
              />
            </div>
            <Button onClick={() => commit(rows.filter((x) => x.id !== r.id))}>Remove {r.name.trim() || 'tier'}</Button>
          </div>
        );
      })}
      <div>
        <Button
          onClick={() => {
            setRows([...rows, { id: nextId, name: '', weight: '1' }]);
            setNextId(nextId + 1);
          }}
        >
          Add a tier
        </Button>
      </div>
      <FieldError
        id="tier-weights-error"
        message={duplicate ? `The tier “${duplicate}” is listed twice (tiers are case-insensitive).` : errorAt('customerVoice.tierWeights')}
      />
    </Section>
  );
}
