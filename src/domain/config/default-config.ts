import { CONFIG_SCHEMA_VERSION, type ValueRankConfig } from '../../contract/config';

/**
 * Defaults for a typical Scrum project (DESIGN.md, "Scoring model"). Every weight is above 0; the five data
 * factors add up to 100 and stakeholder votes come on top with 10, the weight a config saved before votes
 * existed reads with. One vote of importance 5 makes the stakeholders factor 0.5.
 */
export function defaultConfig(): ValueRankConfig {
  return {
    schemaVersion: CONFIG_SCHEMA_VERSION,
    candidateJql: null,
    weights: { customerVoice: 30, businessValue: 25, timeCriticality: 15, techDebt: 15, enablement: 15, stakeholders: 10 },
    fields: { storyPoints: null, businessValue: null, customerCount: null, organizations: null, customerTier: null },
    businessValue: { max: null, optionValues: { low: 1, medium: 3, high: 5, critical: 8 } },
    customerVoice: {
      feedbackProjects: null,
      linkTypes: [],
      remoteLinkPatterns: [],
      halfLifeDays: 90,
      saturation: 3,
      votesPerCustomer: 0.25,
      tierWeights: {},
      undatedWeight: 0.5,
    },
    timeCriticality: { halfLifeDays: 30, useFixVersions: true },
    techDebt: {
      labels: ['tech-debt', 'techdebt', 'technical-debt', 'debt', 'refactoring'],
      issueTypes: ['Tech Debt', 'Technical Debt'],
      components: [],
      interestLinkTypes: [],
      interestIssueTypes: ['Bug', 'Incident'],
      baseValue: 0.3,
      agePerYear: 1,
      saturation: 3,
    },
    enablement: { linkTypes: [], hopDecay: 0.5, maxDepth: 3, saturation: 2 },
    stakeholders: { saturation: 5, groupWeights: {} },
    effort: { exponent: 0.5, minPoints: 1, defaultPoints: 3 },
    roadmap: { debtShare: 0.2, capacityPerQuarter: null, fallbackCapacityPerQuarter: 60 },
  };
}
