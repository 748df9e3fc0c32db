import type { ValueRankConfig, Weights } from '../../contract/config';
import { FACTOR_IDS, type FactorId } from '../../contract/model';

/** A named set of weights and an effort exponent, with one line on when to use it. */
export interface Preset {
  id: PresetId;
  name: string;
  /** When this preset fits, in one line. */
  when: string;
  weights: Weights;
  /** The effort exponent (0–2): 1 divides by job size as WSJF does, 0 ignores effort. */
  effortExponent: number;
}

export const PRESET_IDS = ['wsjf', 'customerFirst', 'debtPaydown', 'valueOverEffort'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/**
 * Weights from the factors a preset names; every other factor gets 0, including factors added after the preset
 * was written (built over FACTOR_IDS, never listed by hand).
 */
function weightsOf(named: Partial<Record<FactorId, number>>): Weights {
  return Object.fromEntries(FACTOR_IDS.map((id) => [id, named[id] ?? 0])) as Weights;
}

/**
 * The presets. WSJF follows SAFe's weighted shortest job first: cost of delay (user-business value, time
 * criticality, risk reduction–opportunity enablement) over job size, so effort divides with exponent 1.
 */
export const PRESETS: readonly Preset[] = [
  {
    id: 'wsjf',
    name: 'WSJF',
    when: 'Flow-based planning (SAFe): business value, time criticality and enablement over job size.',
    weights: weightsOf({ businessValue: 30, timeCriticality: 30, enablement: 30 }),
    effortExponent: 1,
  },
  {
    id: 'customerFirst',
    name: 'Customer first',
    when: 'When customer requests and support escalations should lead the backlog.',
    weights: weightsOf({ customerVoice: 60, businessValue: 20, timeCriticality: 10, enablement: 10 }),
    effortExponent: 0.5,
  },
  {
    id: 'debtPaydown',
    name: 'Debt paydown',
    when: 'For a stabilisation period: debt that causes bugs and unblocks other work first.',
    weights: weightsOf({ techDebt: 50, enablement: 25, timeCriticality: 15, customerVoice: 10 }),
    effortExponent: 0.5,
  },
  {
    id: 'valueOverEffort',
    name: 'Value over effort',
    when: 'Quick wins: business value per point of effort, nothing else.',
    weights: weightsOf({ businessValue: 100 }),
    effortExponent: 1,
  },
];

export function presetOf(id: PresetId): Preset {
  return PRESETS.find((p) => p.id === id)!;
}

/** `config` with the preset's weights and effort exponent; every other setting is kept as it is. */
export function applyPreset(config: ValueRankConfig, preset: Preset): ValueRankConfig {
  return { ...config, weights: { ...preset.weights }, effort: { ...config.effort, exponent: preset.effortExponent } };
}
