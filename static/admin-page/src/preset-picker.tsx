import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { ValueRankConfig } from '../../../src/contract/config';
import type { ScoringPreset } from '../../../src/contract/operations';
import { useOperation } from '../../shared/use-operation';
import { text } from '../../shared/ui';
import { NumberField, Section } from './form-fields';
import type { SectionProps } from './scoring-sections';

/** True when the config's weights and effort exponent are exactly the preset's. */
function matches(config: ValueRankConfig, preset: ScoringPreset): boolean {
  const names = new Set([...Object.keys(config.weights), ...Object.keys(preset.weights)]);
  return (
    config.effort.exponent === preset.effortExponent &&
    [...names].every((k) => (config.weights as Record<string, number>)[k] === (preset.weights as Record<string, number>)[k])
  );
}

/**
 * "Presets": named sets of weights and an effort exponent. Choosing one fills the sliders and the exponent (the
 * preview below then shows what it would move); nothing is saved until Save.
 */
export function PresetPicker({ config, update, errorAt }: SectionProps) {
  const presets = useOperation('listPresets', {});
  // The exponent field keeps what is typed; a preset replaces it, so the field starts afresh then.
  const [applied, setApplied] = useState(0);
  const apply = (p: ScoringPreset) => {
    update((c) => {
      c.weights = { ...p.weights };
      c.effort.exponent = p.effortExponent;
    });
    setApplied((n) => n + 1);
  };
  return (
    <Section title="Presets and effort">
      <p style={{ margin: 0, color: text.subtle, fontSize: 13 }}>
        Start from a preset: it sets the weights and the effort exponent below. Review the preview, then Save.
      </p>
      {presets.error && <p style={{ color: token('color.text.danger', '#AE2E24'), fontSize: 13 }}>Presets could not be loaded: {presets.error.message}</p>}
      <div
        role="group"
        aria-label="Scoring presets"
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: token('space.100', '8px') }}
      >
        {(presets.data?.presets ?? []).map((p) => {
          const active = matches(config, p);
          return (
            <div
              key={p.id}
              style={{
                border: `${active ? 2 : 1}px solid ${active ? token('color.border.selected', '#0C66E4') : token('color.border', '#091E4224')}`,
                borderRadius: 6,
                padding: token('space.100', '8px'),
                display: 'grid',
                gap: 4,
                alignContent: 'start',
              }}
            >
              <Button
                appearance={active ? 'primary' : 'default'}
                aria-pressed={active}
                aria-describedby={`preset-${p.id}-when`}
                testId={`preset-${p.id}`}
                onClick={() => apply(p)}
              >
                {p.name}
              </Button>
              <div style={{ fontSize: 12, color: text.subtle }} id={`preset-${p.id}-when`}>
                {p.when}
              </div>
            </div>
          );
        })}
      </div>
      <NumberField
        key={applied}
        id="effort-exponent"
        label="Effort exponent"
        hint="score ÷ points^exponent: 0 ignores effort, 0.5 dampens it, 1 divides by job size as WSJF does (0–2)."
        step={0.1}
        value={config.effort.exponent}
        onChange={(v) => v !== null && update((c) => void (c.effort.exponent = v))}
        error={errorAt('effort.exponent')}
      />
    </Section>
  );
}
