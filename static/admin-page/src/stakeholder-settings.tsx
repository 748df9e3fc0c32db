import type { ValueRankConfig } from '../../../src/contract/config';
import { ListField, NumberField, Section } from './form-fields';
import type { SectionProps } from './scoring-sections';

/** `{ sales: 2 }` as the lines `sales = 2`. */
function linesOf(weights: ValueRankConfig['stakeholders']['groupWeights']): string[] {
  return Object.entries(weights).map(([group, w]) => `${group} = ${w}`);
}

/**
 * `group = weight` lines back to a map. A line without a number keeps NaN, so the contract's validation names the
 * line's group instead of the line silently disappearing.
 */
function weightsOf(lines: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of lines) {
    const at = line.lastIndexOf('=');
    const group = (at < 0 ? line : line.slice(0, at)).trim();
    if (group === '' || group === '__proto__') continue;
    out[group] = at < 0 ? Number.NaN : Number(line.slice(at + 1).trim());
  }
  return out;
}

/** How stakeholder votes count: the saturation and the Jira groups whose members' votes weigh more (or less). */
export function StakeholderSettings({ config, update, errorAt }: SectionProps) {
  return (
    <Section title="Stakeholder votes">
      <NumberField
        id="stakeholders-saturation"
        label="Saturation"
        hint="Summed importance (1–5 per vote, times the group weight) at which the factor reaches 50%."
        value={config.stakeholders.saturation}
        onChange={(v) => update((c) => void (c.stakeholders.saturation = v ?? Number.NaN))}
        error={errorAt('stakeholders.saturation')}
      />
      <ListField
        id="stakeholders-groups"
        label="Group weights"
        hint="One Jira group per line as name = weight (0–100); a voter in none of them counts 1, in several the largest."
        multiline
        value={linesOf(config.stakeholders.groupWeights)}
        onChange={(v) => update((c) => void (c.stakeholders.groupWeights = weightsOf(v)))}
        error={errorAt('stakeholders.groupWeights')}
      />
    </Section>
  );
}
