import fc from 'fast-check';
import { configSchema, type ValueRankConfig } from '../../src/contract/config';
import { FACTOR_IDS } from '../../src/contract/model';
import { defaultConfig } from '../../src/domain';

const weight = fc.integer({ min: 0, max: 100 });
const names = fc.array(fc.stringMatching(/^[A-Za-z][A-Za-z -]{0,11}$/), { maxLength: 4 });
const positive = (max: number) => fc.double({ min: 0.01, max, noNaN: true });
const share = fc.double({ min: 0, max: 1, noNaN: true });

/** Valid configs that differ from the defaults almost everywhere (every weight set, lists, numbers, nulls). */
export const configArb: fc.Arbitrary<ValueRankConfig> = fc
  .record({
    weights: fc.record(Object.fromEntries(FACTOR_IDS.map((id) => [id, weight])) as Record<(typeof FACTOR_IDS)[number], fc.Arbitrary<number>>),
    candidateJql: fc.option(fc.constantFrom('type = Story', 'labels = x'), { nil: null }),
    storyPoints: fc.option(fc.constantFrom('customfield_10016', 'customfield_10028'), { nil: null }),
    tierWeights: fc.dictionary(fc.constantFrom('gold', 'silver', 'bronze'), fc.double({ min: 0, max: 100, noNaN: true })),
    halfLifeDays: positive(3650),
    labels: names,
    components: names,
    exponent: fc.double({ min: 0, max: 2, noNaN: true }),
    minPoints: fc.double({ min: 1, max: 100, noNaN: true }),
    debtShare: share,
    capacity: fc.option(positive(1_000_000), { nil: null }),
    hopDecay: share,
  })
  .filter((r) => Object.values(r.weights).some((w) => w > 0))
  .map((r) => {
    const c = defaultConfig();
    c.weights = r.weights;
    c.candidateJql = r.candidateJql;
    c.fields.storyPoints = r.storyPoints;
    c.customerVoice.tierWeights = r.tierWeights;
    c.customerVoice.halfLifeDays = r.halfLifeDays;
    c.techDebt.labels = r.labels;
    c.techDebt.components = r.components;
    c.effort.exponent = r.exponent;
    c.effort.minPoints = r.minPoints;
    c.roadmap.debtShare = r.debtShare;
    c.roadmap.capacityPerQuarter = r.capacity;
    c.enablement.hopDecay = r.hopDecay;
    return configSchema.parse(c);
  });
