import fc from 'fast-check';
import { configSchema } from '../../../src/contract/config';
import { FACTOR_IDS } from '../../../src/contract/model';
import { applyPreset, presetOf, PRESET_IDS, PRESETS } from '../../../src/domain/config/presets';
import { configArb } from '../../builders/config-arb';

describe('scoring presets', () => {
  it('applying a preset to any config gives exactly its weights and exponent and changes nothing else', () => {
    fc.assert(
      fc.property(configArb, fc.constantFrom(...PRESET_IDS), (config, id) => {
        const before = structuredClone(config);
        const preset = presetOf(id);
        const after = applyPreset(config, preset);
        expect(after.weights).toEqual(preset.weights);
        expect(after.effort.exponent).toBe(preset.effortExponent);
        // Everything but the two preset settings is what it was, and the input is not touched.
        const { weights: _w, effort: e1, ...restAfter } = after;
        const { weights: _v, effort: e0, ...restBefore } = before;
        expect(restAfter).toEqual(restBefore);
        expect({ ...e1, exponent: 0 }).toEqual({ ...e0, exponent: 0 });
        expect(config).toEqual(before);
        expect(configSchema.safeParse(after).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('gives every factor a weight, 0 for the factors a preset does not name', () => {
    for (const p of PRESETS) {
      expect(Object.keys(p.weights).sort()).toEqual([...FACTOR_IDS].sort());
      expect(Object.values(p.weights).some((w) => w > 0)).toBe(true);
    }
    const wsjf = presetOf('wsjf');
    expect(wsjf.weights.customerVoice).toBe(0);
    expect(wsjf.weights.techDebt).toBe(0);
    expect(wsjf.weights.businessValue).toBe(wsjf.weights.timeCriticality);
    expect(wsjf.weights.timeCriticality).toBe(wsjf.weights.enablement);
    expect(wsjf.effortExponent).toBe(1);
  });

  it('a preset applied twice equals applied once, and the config stays valid for every preset', () => {
    fc.assert(
      fc.property(configArb, fc.constantFrom(...PRESET_IDS), (config, id) => {
        const once = applyPreset(config, presetOf(id));
        expect(applyPreset(once, presetOf(id))).toEqual(once);
      }),
      { numRuns: 500 },
    );
  });
});
