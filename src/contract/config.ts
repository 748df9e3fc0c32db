import { z } from 'zod';
import { FACTOR_IDS } from './model';

/**
 * The app configuration (global, or a per-project override), validated at every boundary it crosses:
 * the bridge (`saveConfig`), storage (with `schemaVersion` and migrations) and seed files.
 * Unknown extra fields are dropped; every number has a documented range.
 */
/** 2: the `stakeholders` weight and section (a version-1 config reads with their defaults, see migrateConfig). */
export const CONFIG_SCHEMA_VERSION = 2;

const weight = z.number().finite().min(0).max(100);
const positive = z.number().finite().positive();
const share = z.number().finite().min(0).max(1);
const fieldId = z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'must be a Jira field id such as customfield_10016');
const name = z.string().trim().min(1).max(255);
const projectKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,49}$/, 'must be a Jira project key such as PRJ');

export const weightsSchema = z
  .object(Object.fromEntries(FACTOR_IDS.map((id) => [id, weight])) as Record<(typeof FACTOR_IDS)[number], typeof weight>)
  .refine((w) => Object.values(w).some((v) => v > 0), { message: 'at least one weight must be above 0' });

export const configSchema = z.object({
  schemaVersion: z.literal(CONFIG_SCHEMA_VERSION),
  /** JQL that selects candidate issues; null = the project's issues not Done, without sub-tasks and epics. */
  candidateJql: z.string().max(2000).nullable(),
  weights: weightsSchema,
  fields: z.object({
    /** Story points / estimate field; null = discovered from the site's fields. */
    storyPoints: fieldId.nullable(),
    /** Business value field (number or single select); null = discovered by name. */
    businessValue: fieldId.nullable(),
    /** Optional number field counting customers or votes. */
    customerCount: fieldId.nullable(),
    /** Organisation field on feedback tickets; null = JSM `sd-customer-organizations` or a field named "Organizations". */
    organizations: fieldId.nullable(),
    /** Optional field on feedback tickets holding a customer tier (select or text). */
    customerTier: fieldId.nullable(),
  }),
  businessValue: z.object({
    /** Value treated as 1.0; null = the largest value observed among the candidates. */
    max: positive.nullable(),
    /** Select option value (case-insensitive) → number. */
    optionValues: z.record(z.string().max(255), z.number().finite().min(0)),
  }),
  customerVoice: z.object({
    /** Project keys holding feedback tickets; null = every `service_desk` project. */
    feedbackProjects: z.array(projectKey).max(100).nullable(),
    /** Link type names that count as feedback links; empty = any link type. */
    linkTypes: z.array(name).max(50),
    /** Regular expressions for remote-link URLs of support tools; a named group `customer` identifies the customer. */
    remoteLinkPatterns: z.array(z.string().min(1).max(500)).max(50),
    /** Days after which a customer's signal counts half. */
    halfLifeDays: positive.max(3650),
    /** Weighted customers at which the factor reaches 0.5 (saturation: m / (m + k)). */
    saturation: positive.max(10000),
    /** How many customers one unit of the customer-count field is worth. */
    votesPerCustomer: z.number().finite().min(0).max(100),
    /** Tier name (case-insensitive) → multiplier; customers of unknown tier count 1. */
    tierWeights: z.record(z.string().max(255), z.number().finite().min(0).max(100)),
    /** Recency weight of evidence with no date (remote links carry none in Jira's API), 0–1. */
    undatedWeight: share,
  }),
  timeCriticality: z.object({
    /** Days before the due date at which criticality is 0.5; due today or overdue = 1. */
    halfLifeDays: positive.max(3650),
    /** Use the earliest unreleased fix version's release date when the issue has no due date. */
    useFixVersions: z.boolean(),
  }),
  techDebt: z.object({
    labels: z.array(name).max(100),
    issueTypes: z.array(name).max(50),
    components: z.array(name).max(100),
    /** Link type names whose outward side (the debt item) causes the inward bug; "causes" outward text always counts. */
    interestLinkTypes: z.array(name).max(50),
    /** Issue type names counted as debt interest when linked. */
    interestIssueTypes: z.array(name).max(50),
    /** Factor value of a debt item with no interest yet (0–1). */
    baseValue: share,
    /** How many linked bugs one year of age is worth as interest. */
    agePerYear: z.number().finite().min(0).max(100),
    /** Interest (bugs + age) at which the interest part reaches half of its range. */
    saturation: positive.max(10000),
  }),
  enablement: z.object({
    /** Link type names that mean "blocks"; empty = types named Blocks/Blocker or with outward text "blocks". */
    linkTypes: z.array(name).max(50),
    /** Value passed on per hop along blocks links (0–1). */
    hopDecay: share,
    /** Hops followed from each issue (1–10); bounds the work on long chains. */
    maxDepth: z.number().int().min(1).max(10),
    /** Enabled value at which the factor reaches 0.5. */
    saturation: positive.max(10000),
  }),
  stakeholders: z.object({
    /** Weighted importance (Σ importance × group multiplier) at which the factor reaches 0.5. */
    saturation: positive.max(10000),
    /** Jira group name (case-insensitive) → multiplier of its members' votes; a voter in none counts 1 (the largest applies). */
    groupWeights: z.record(z.string().min(1).max(255), z.number().finite().min(0).max(100)),
  }),
  effort: z.object({
    /** score = base / max(points, minPoints) ^ exponent; 0 disables the effort divisor. */
    exponent: z.number().finite().min(0).max(2),
    /** Points below this are treated as this (keeps the divisor ≥ 1). */
    minPoints: z.number().finite().min(1).max(100),
    /** Points used when no candidate has an estimate at all. */
    defaultPoints: positive.max(1000),
  }),
  roadmap: z.object({
    /** Share of each quarter's points reserved for technical debt. */
    debtShare: share,
    /** Points per quarter; null = from sprint history. */
    capacityPerQuarter: positive.max(1_000_000).nullable(),
    /** Capacity used when there is no sprint history and no override. */
    fallbackCapacityPerQuarter: positive.max(1_000_000),
  }),
});

export type ValueRankConfig = z.infer<typeof configSchema>;
export type Weights = ValueRankConfig['weights'];
