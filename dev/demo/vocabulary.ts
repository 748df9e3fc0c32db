/**
 * Words the generators compose summaries from. Each template reads naturally with every one of its
 * fillers: `s` is the issue summary, `t` the topic a customer would write about in a feedback
 * ticket ("{x}" is replaced in both; for bugs, tickets quote the summary itself). All names are invented; any likeness to a real company is
 * accidental.
 */
export interface Template {
  s: string;
  t: string;
  xs: readonly string[];
}

export interface Theme {
  /** Epic summary. */
  epic: string;
  component: string;
  /** Extra labels items of this theme sometimes carry. */
  labels: readonly string[];
  /** Who the stories are for ("As a …"). */
  persona: string;
  benefits: readonly string[];
  stories: readonly Template[];
  tasks: readonly Template[];
  bugs: readonly Template[];
  debt: readonly Template[];
}

export const THEMES: readonly Theme[] = [
  {
    epic: 'Checkout v2',
    component: 'Checkout',
    labels: ['ux', 'conversion', 'frontend'],
    persona: 'shopper',
    benefits: ['I can pay the way I am used to', 'I finish my purchase faster', 'I trust the payment page', 'I know what I will be charged'],
    stories: [
      {
        s: 'Support {x} in hosted checkout',
        t: '{x} in checkout',
        xs: ['Apple Pay', 'Google Pay', 'Klarna', 'iDEAL', 'SEPA Direct Debit', 'BLIK', 'Bancontact', 'PayPal', 'TWINT', 'MB WAY'],
      },
      {
        s: 'Add {x} to the checkout page',
        t: '{x} on the checkout page',
        xs: ['address autocomplete', 'saved cards', 'promo codes', 'an order summary', 'guest checkout', 'a trust badge row'],
      },
      {
        s: 'Localise hosted checkout for {x}',
        t: 'checkout in {x}',
        xs: ['German', 'French', 'Polish', 'Dutch', 'Japanese', 'Brazilian Portuguese', 'Swedish', 'Czech'],
      },
      {
        s: 'Show {x} before the customer pays',
        t: '{x} at checkout',
        xs: ['card surcharges', 'currency conversion rates', 'instalment options', 'the tax breakdown', 'delivery costs'],
      },
      {
        s: 'Let merchants customise {x} in checkout',
        t: 'customisable {x} in checkout',
        xs: ['brand colours', 'logos', 'button labels', 'confirmation pages', 'fonts'],
      },
    ],
    tasks: [
      { s: 'Run an A/B test on {x}', t: '{x}', xs: ['one-page checkout', 'express pay buttons', 'the card form layout', 'the order summary position'] },
      { s: 'Audit checkout against {x}', t: 'checkout {x} compliance', xs: ['WCAG 2.2 AA', 'PCI DSS 4.0 script controls', 'the EU Accessibility Act'] },
      {
        s: 'Add {x} to checkout',
        t: '{x} for checkout',
        xs: ['Lighthouse budgets in CI', 'real-user monitoring', 'funnel analytics events', 'a kill switch per payment method'],
      },
    ],
    bugs: [
      {
        s: '{x} fails on iOS Safari 17',
        t: '{x} failing on iOS Safari',
        xs: ['Apple Pay sheet', 'Card form autofill', '3-D Secure redirect back to checkout', 'Promo code validation'],
      },
      {
        s: 'Checkout shows the wrong total after {x}',
        t: 'wrong checkout totals after {x}',
        xs: ['switching currency', 'removing a promo code', 'changing the delivery country', 'going back from the payment step'],
      },
      {
        s: 'Pay button stays disabled {x}',
        t: 'pay button disabled {x}',
        xs: ['after a card validation error', 'when the browser autofills the card', 'for 19-digit card numbers', 'on slow connections'],
      },
    ],
    debt: [
      {
        s: 'Remove the legacy {x} from checkout',
        t: 'legacy {x}',
        xs: ['jQuery card form', 'iframe polling code', 'v1 session API client', 'inline style overrides'],
      },
      {
        s: 'Migrate checkout {x}',
        t: 'checkout {x}',
        xs: ['state to a single store', 'tests from Enzyme to Testing Library', 'build from webpack 4 to Vite', 'translations to ICU messages'],
      },
      { s: 'Clean up {x} in checkout', t: '{x} in checkout', xs: ['duplicated card validation', 'dead A/B test branches', 'CSS specificity hacks'] },
    ],
  },
  {
    epic: 'SCA / 3-D Secure',
    component: 'Authentication',
    labels: ['psd2', 'compliance', 'security'],
    persona: 'merchant',
    benefits: ['fewer customers abandon at the challenge', 'we stay compliant with PSD2', 'our approval rate goes up', 'we see where authentication fails'],
    stories: [
      {
        s: 'Support {x}',
        t: '{x}',
        xs: [
          'the 3DS 2.3 frictionless flow',
          'delegated authentication for wallets',
          'SCA exemptions for low-value payments',
          'merchant-initiated transaction exemptions',
          'trusted beneficiary exemptions',
          'Secure Payment Confirmation',
        ],
      },
      {
        s: 'Show {x} in the 3DS challenge window',
        t: '{x} in the 3DS challenge',
        xs: ['the merchant logo', 'a countdown timer', 'localised instructions', 'a clear cancel option'],
      },
      { s: 'Report {x} per merchant', t: 'reporting on {x}', xs: ['challenge rates', 'authentication drop-off', 'exemption usage', 'frictionless rates'] },
      { s: 'Route authentication through {x}', t: 'authentication via {x}', xs: ['the new 3DS server', 'our EU data centre', 'a second ACS connector'] },
      { s: 'Request an exemption {x}', t: 'exemptions {x}', xs: ['when the issuer supports TRA', 'for recurring amounts below 30 EUR', 'for corporate cards'] },
      { s: 'Let merchants choose {x}', t: 'a choice of {x}', xs: ['the 3DS challenge preference', 'when to request SCA', 'the challenge window size'] },
    ],
    tasks: [
      { s: 'Certify {x} with EMVCo', t: 'EMVCo certification of {x}', xs: ['3DS server 2.3.1', 'the Android SDK', 'the iOS SDK'] },
      { s: 'Renew {x}', t: '{x}', xs: ['the Visa Secure directory server certificate', 'the Mastercard Identity Check certificate', 'ACS test credentials'] },
      { s: 'Document {x} for merchants', t: '{x} guide', xs: ['SCA exemption rules', 'the 3DS test cards', 'soft decline handling'] },
    ],
    bugs: [
      {
        s: '3DS challenge {x}',
        t: '3DS challenge {x}',
        xs: ['is cut off on small screens', 'never resolves for Amex cards', 'loses focus in Android WebView', 'ignores the browser language'],
      },
      {
        s: 'Authentication result not stored for {x}',
        t: 'missing authentication results for {x}',
        xs: ['recurring payments', 'tokenised cards', 'payments retried after a timeout'],
      },
      {
        s: 'Frictionless flow {x}',
        t: 'frictionless flow that {x}',
        xs: ['falls back to a challenge for every Visa card', 'sends an empty device channel', 'fails for cardholders without an email'],
      },
    ],
    debt: [
      { s: 'Replace the hand-rolled {x}', t: '{x}', xs: ['3DS message parser', 'ACS timeout handling', 'challenge window sizing logic'] },
      { s: 'Remove 3DS1 {x}', t: '3DS1 {x}', xs: ['code paths', 'feature flags', 'database columns', 'test fixtures'] },
      { s: 'Move {x} into the authentication service', t: '{x}', xs: ['exemption logic', 'device data collection', 'directory server routing'] },
    ],
  },
  {
    epic: 'Payout reconciliation',
    component: 'Payouts',
    labels: ['finance', 'reporting'],
    persona: 'finance manager',
    benefits: ['month-end closing takes hours, not days', 'I can explain every payout to our accountant', 'I notice missing money early'],
    stories: [
      {
        s: 'Reconcile payouts against {x}',
        t: 'reconciliation with {x}',
        xs: ['bank statements (camt.053)', 'MT940 files', 'acquirer settlement reports', 'card scheme fees', 'refund batches'],
      },
      {
        s: 'Retry failed payouts with {x}',
        t: 'payout retries with {x}',
        xs: ['exponential backoff', 'a fallback bank route', 'manual approval above a threshold'],
      },
      { s: 'Export payout reports as {x}', t: 'payout exports as {x}', xs: ['CSV', 'XLSX', 'DATEV files', 'QuickBooks journals', 'Xero bank feeds'] },
      {
        s: 'Notify merchants when {x}',
        t: 'notifications when {x}',
        xs: ['a payout fails', 'a payout is delayed', 'the payout schedule changes', 'a reserve is released'],
      },
      { s: 'Support {x} payouts', t: '{x} payouts', xs: ['same-day', 'weekly', 'multi-currency', 'instant SEPA'] },
      {
        s: 'Show {x} in the payout report',
        t: '{x} in payout reports',
        xs: ['the fee per transaction', 'chargeback deductions', 'the FX rate used', 'the bank reference'],
      },
    ],
    tasks: [
      {
        s: 'Backfill {x}',
        t: '{x}',
        xs: ['missing settlement records for March', 'fee breakdowns for 2025 payouts', 'payout references for migrated merchants'],
      },
      { s: 'Onboard {x} for payouts', t: 'payouts via {x}', xs: ['a second UK bank partner', 'a Nordic bank partner', 'the SEPA Instant scheme'] },
      { s: 'Agree {x} with finance', t: '{x}', xs: ['the reconciliation tolerance', 'the month-end cut-off', 'the reserve release policy'] },
    ],
    bugs: [
      {
        s: 'Payout report {x}',
        t: 'payout report that {x}',
        xs: [
          'double-counts partial refunds',
          'misses fees from the last hour of the month',
          'shows UTC instead of the merchant time zone',
          'rounds JPY amounts',
        ],
      },
      {
        s: 'Payout stuck in pending when {x}',
        t: 'payouts stuck in pending when {x}',
        xs: ['the IBAN contains spaces', 'the bank returns R01', 'the merchant changes bank details'],
      },
      {
        s: 'Reconciliation {x}',
        t: 'reconciliation that {x}',
        xs: ['flags matched payouts as missing', 'fails on bank files with a BOM', 'ignores reversed settlements'],
      },
    ],
    debt: [
      { s: 'Split {x} out of the ledger monolith', t: '{x}', xs: ['payout scheduling', 'fee calculation', 'FX conversion'] },
      { s: 'Replace the nightly cron with event-driven {x}', t: 'event-driven {x}', xs: ['settlement import', 'payout batching', 'balance snapshots'] },
      { s: 'Store {x} as integer minor units', t: '{x} in minor units', xs: ['payout amounts', 'fee amounts', 'FX adjustments'] },
    ],
  },
  {
    epic: 'Merchant dashboard',
    component: 'Dashboard',
    labels: ['ux', 'frontend'],
    persona: 'store owner',
    benefits: ['I understand my business at a glance', 'I answer customer questions without calling support', 'my team can work without sharing one login'],
    stories: [
      {
        s: 'Add {x} to the merchant dashboard',
        t: '{x} in the dashboard',
        xs: ['a conversion funnel chart', 'a disputes overview', 'saved filters', 'a payment methods breakdown', 'a transactions CSV export'],
      },
      {
        s: 'Let merchants {x}',
        t: 'a way to {x}',
        xs: [
          'refund part of an order',
          'search transactions by card last four',
          'invite teammates with read-only access',
          'download monthly invoices',
          'set up two-factor login',
        ],
      },
      {
        s: 'Show {x} on the dashboard home',
        t: '{x} on the dashboard home',
        xs: ["today's volume", 'pending payouts', 'open disputes', 'authorisation rate trends'],
      },
      {
        s: 'Filter transactions by {x}',
        t: 'filtering transactions by {x}',
        xs: ['payment method', 'customer email', 'order reference', 'risk score', 'country'],
      },
      { s: 'Email merchants {x}', t: '{x} emails', xs: ['a weekly summary', 'a monthly statement', 'an alert on unusual refunds'] },
    ],
    tasks: [
      { s: 'Interview merchants about {x}', t: '{x}', xs: ['dispute handling', 'the reporting workflow', 'team permissions'] },
      { s: 'Design {x} for the dashboard', t: '{x} in the dashboard', xs: ['an empty state', 'a mobile layout', 'a dark theme', 'an onboarding checklist'] },
    ],
    bugs: [
      {
        s: 'Transactions list {x}',
        t: 'transactions list that {x}',
        xs: ['times out for merchants with over 1M payments', 'sorts amounts as text', 'loses filters after a refresh', 'shows refunded payments as captured'],
      },
      {
        s: 'Dashboard {x}',
        t: 'dashboard {x}',
        xs: ['charts are empty for new merchants', 'date picker ignores the merchant time zone', 'logs users out every 15 minutes'],
      },
      {
        s: 'CSV export {x}',
        t: 'CSV export that {x}',
        xs: ['breaks on commas in product names', 'stops at 10,000 rows', 'uses the wrong decimal separator in Germany'],
      },
    ],
    debt: [
      { s: 'Migrate dashboard {x}', t: 'dashboard {x}', xs: ['from AngularJS to React', 'charts to the design system', 'API calls to the v2 BFF'] },
      { s: 'Remove unused {x}', t: 'unused {x}', xs: ['dashboard feature flags', 'Redux sagas', 'legacy report endpoints'] },
      {
        s: 'Replace {x} in the dashboard',
        t: '{x} in the dashboard',
        xs: ['Moment.js with date-fns', 'the hand-written table component', 'polling with server-sent events'],
      },
    ],
  },
  {
    epic: 'Fraud rules engine',
    component: 'Risk',
    labels: ['risk', 'security'],
    persona: 'risk analyst',
    benefits: ['we stop fraud before it becomes a chargeback', 'good customers are not declined', 'I can react to an attack within minutes'],
    stories: [
      { s: 'Block payments by {x}', t: 'fraud rules by {x}', xs: ['BIN range', 'IP country mismatch', 'email domain', 'device fingerprint', 'card velocity'] },
      {
        s: 'Let risk analysts {x}',
        t: 'a way to {x}',
        xs: ["test rules against last month's traffic", 'review flagged payments in a queue', 'allow-list trusted customers', 'set rule priorities'],
      },
      { s: 'Score payments with {x}', t: 'risk scoring with {x}', xs: ['the new ML model', 'merchant-specific thresholds', 'the 3DS outcome as a signal'] },
      {
        s: 'Show {x} to risk analysts',
        t: '{x} for risk analysts',
        xs: ['why a rule fired', 'the customer payment history', 'linked accounts', 'a rule hit-rate chart'],
      },
      { s: 'Alert merchants about {x}', t: 'alerts about {x}', xs: ['card testing attacks', 'unusual refund volumes', 'a spike in chargebacks'] },
    ],
    tasks: [
      { s: 'Tune {x}', t: '{x}', xs: ['velocity thresholds for gift cards', 'the chargeback alert rules', 'rules for the holiday peak'] },
      { s: 'Analyse {x}', t: '{x}', xs: ['chargebacks from the last quarter', 'declines flagged by merchants as wrong', 'card testing attacks in October'] },
    ],
    bugs: [
      {
        s: 'Rule {x}',
        t: 'rule {x}',
        xs: ['editor rejects decimal thresholds', 'changes take 10 minutes to apply', 'evaluation times out above 200 rules', 'audit log misses the author'],
      },
      {
        s: 'False positives for {x}',
        t: 'false fraud declines for {x}',
        xs: ['customers using iCloud Private Relay', 'corporate cards', 'payments from Canada', 'returning customers with a new device'],
      },
      { s: 'Review queue {x}', t: 'review queue that {x}', xs: ['shows payments twice', 'does not refresh after a decision', 'loses the analyst note'] },
    ],
    debt: [
      { s: 'Rewrite {x}', t: '{x}', xs: ['the rule DSL parser', "the rule evaluator's cache", 'the risk score aggregator'] },
      { s: 'Remove the hard-coded {x}', t: 'hard-coded {x}', xs: ['country block list', 'risk thresholds', 'merchant exceptions'] },
      { s: 'Add tests for {x}', t: 'tests for {x}', xs: ['rule evaluation order', 'the velocity counters', 'the allow-list expiry'] },
    ],
  },
  {
    epic: 'Platform reliability',
    component: 'Platform',
    labels: ['performance', 'sre', 'observability'],
    persona: 'on-call engineer',
    benefits: ['incidents are shorter', 'we meet our 99.95 % SLO', 'deploys are boring'],
    stories: [
      {
        s: 'Add {x}',
        t: '{x}',
        xs: [
          'circuit breakers to acquirer calls',
          'SLO dashboards for the payment API',
          'synthetic checks for checkout',
          'idempotency keys to the refunds API',
          'request tracing across services',
        ],
      },
      { s: 'Move {x} to multi-region', t: '{x} in a second region', xs: ['the payment API', 'the token vault', 'webhook delivery', 'the session store'] },
      {
        s: 'Reduce {x}',
        t: 'lower {x}',
        xs: ['p99 latency of authorisations', 'webhook delivery latency', 'database connection churn', 'alert noise for on-call'],
      },
      { s: 'Publish {x}', t: '{x}', xs: ['a public status page', 'incident post-mortems to merchants', 'uptime reports per region'] },
    ],
    tasks: [
      { s: 'Run a game day for {x}', t: '{x} failover', xs: ['an acquirer outage', 'a database failover', 'a region loss'] },
      { s: 'Write a runbook for {x}', t: 'runbook for {x}', xs: ['webhook backlogs', 'acquirer timeouts', 'certificate expiry', 'Kafka consumer lag'] },
    ],
    bugs: [
      {
        s: '{x} during deploys',
        t: '{x} during deploys',
        xs: ['502 errors', 'Duplicate webhooks', 'Dropped Kafka messages', 'Elevated authorisation latency'],
      },
      { s: 'Memory leak in {x}', t: 'memory leak in {x}', xs: ['the webhook dispatcher', 'the settlement importer', 'the API gateway plugin'] },
      { s: 'Health check {x}', t: 'health check that {x}', xs: ['passes while the database is down', 'times out under load', 'restarts healthy pods'] },
    ],
    debt: [
      { s: 'Upgrade {x}', t: '{x} upgrade', xs: ['PostgreSQL 12 to 16', 'Kafka clients to 3.x', 'Node.js 18 services to 22', 'Spring Boot 2 services to 3'] },
      { s: 'Decommission {x}', t: '{x}', xs: ['the legacy job scheduler', 'the self-hosted Redis cluster', 'the old VPN gateway'] },
      {
        s: 'Replace {x}',
        t: '{x} replacement',
        xs: ['custom retry loops with a shared client', 'Jenkins pipelines with GitHub Actions', 'log-based alerts with metrics'],
      },
    ],
  },
  {
    epic: 'Subscriptions & recurring billing',
    component: 'Billing',
    labels: ['subscriptions'],
    persona: 'SaaS merchant',
    benefits: ['fewer subscriptions churn involuntarily', 'I can price the way my market expects', 'my customers are never surprised by a charge'],
    stories: [
      {
        s: 'Support {x}',
        t: '{x} for subscriptions',
        xs: ['annual plans billed monthly', 'usage-based pricing', 'free trial periods', 'proration on plan changes', 'pausing subscriptions'],
      },
      {
        s: 'Retry failed renewals {x}',
        t: 'renewal retries {x}',
        xs: ['with smart dunning', "on the customer's payday", 'with an updated card from the network'],
      },
      { s: 'Send {x}', t: '{x}', xs: ['renewal reminders', 'card expiry emails', "receipts in the customer's language"] },
      {
        s: 'Let subscribers {x}',
        t: 'a way for subscribers to {x}',
        xs: ['update their card in a self-service portal', 'switch plans without support', 'download past invoices', 'cancel online'],
      },
      { s: 'Add {x} to subscriptions', t: '{x} for subscriptions', xs: ['coupons', 'add-ons', 'tax-inclusive pricing', 'a minimum term'] },
    ],
    tasks: [
      { s: 'Migrate {x} to the new billing engine', t: '{x} migration', xs: ['legacy monthly plans', 'grandfathered prices', 'trial subscriptions'] },
      { s: 'Review {x} with legal', t: '{x}', xs: ['auto-renewal consent texts', 'cancellation flows for Germany', 'price change notices'] },
    ],
    bugs: [
      {
        s: 'Renewal {x}',
        t: 'renewal that {x}',
        xs: ['charges twice when the plan changes mid-cycle', 'skips customers in UTC+13', 'ignores the trial end date'],
      },
      {
        s: 'Invoice {x}',
        t: 'invoices where the {x}',
        xs: ['PDF shows the wrong VAT number', 'email goes to the old billing contact', 'total ignores credit notes'],
      },
    ],
    debt: [
      { s: 'Consolidate {x}', t: '{x}', xs: ['the two invoice generators', 'duplicate plan tables', 'billing cron jobs'] },
      { s: 'Remove {x} from billing', t: '{x} in billing', xs: ['floating-point amounts', 'the coupon hack for annual plans', 'synchronous email sending'] },
    ],
  },
  {
    epic: 'Developer API & webhooks',
    component: 'API',
    labels: ['api', 'dx'],
    persona: 'developer integrating our API',
    benefits: ['I can go live in a day', 'I do not have to guess how the API behaves', 'my integration keeps working when you ship changes'],
    stories: [
      { s: 'Publish {x}', t: '{x}', xs: ['an OpenAPI 3.1 spec', 'a Python SDK', 'a Java SDK', 'a Postman collection', 'webhook event schemas'] },
      {
        s: 'Add {x} to the payments API',
        t: '{x} in the API',
        xs: ['cursor-based pagination', 'expandable objects', 'a metadata field', 'idempotency key reuse warnings'],
      },
      {
        s: 'Let developers {x}',
        t: 'a way to {x}',
        xs: ['replay webhooks from the dashboard', 'roll API keys without downtime', 'filter webhook events by type'],
      },
      { s: 'Send webhooks for {x}', t: 'webhooks for {x}', xs: ['dispute updates', 'payout status changes', 'refund failures', 'subscription renewals'] },
      { s: 'Offer {x} for the API', t: '{x} for the API', xs: ['a sandbox with test clocks', 'restricted API keys', 'IP allow-listing'] },
    ],
    tasks: [
      { s: 'Write a migration guide for {x}', t: '{x} migration guide', xs: ['API v1 to v2', 'the new webhook signatures', 'the Java SDK 3.0'] },
      { s: 'Add contract tests for {x}', t: 'contract tests for {x}', xs: ['the refunds API', 'webhook payloads', 'the payouts API'] },
    ],
    bugs: [
      {
        s: 'Webhook {x}',
        t: 'webhook {x}',
        xs: ['signatures fail for payloads with emoji', 'retries stop after the first 500', 'timestamps lack milliseconds'],
      },
      { s: 'API {x}', t: 'API {x}', xs: ['returns 500 for unknown currency codes', 'omits rate limit headers on 429', 'ignores the Accept-Language header'] },
      { s: 'Python SDK {x}', t: 'Python SDK {x}', xs: ['drops the idempotency key on retries', 'fails on Python 3.13', 'leaks connections'] },
    ],
    debt: [
      { s: 'Deprecate {x}', t: '{x} deprecation', xs: ['API v1 endpoints', 'XML responses', 'basic-auth API keys'] },
      { s: 'Generate {x} from the OpenAPI spec', t: '{x}', xs: ['request validators', 'SDK models', 'API reference pages'] },
    ],
  },
];

/** Appended when every summary of a kind is taken (large sites): keeps summaries distinct and readable. */
export const QUALIFIERS: Readonly<Record<'story' | 'task' | 'bug' | 'debt', readonly string[]>> = {
  story: ['– phase 2', '– MVP', '– follow-up', 'for marketplaces', '– phase 3', 'for platform merchants'],
  task: ['– follow-up', '(second round)', 'for the US region', 'before the peak season'],
  bug: ['(regression)', 'on Android', 'in the sandbox', 'after the last release', 'for marketplace merchants'],
  debt: ['– part 2', '– remaining services', '– follow-up', 'in the US region'],
};

/** Sub-task summaries (within one parent they are distinct). */
export const SUBTASKS: readonly string[] = [
  'Implement the backend endpoint',
  'Build the UI',
  'Write integration tests',
  'Update the API documentation',
  'Add a feature flag',
  'Add analytics events',
  'QA on staging',
  'Update the runbook',
  'Security review',
  'Copy review with the UX writer',
];

/** Feedback ticket summaries about a feature ("{t}" = topic). */
export const FEATURE_REQUESTS: readonly string[] = [
  'Request: {t}',
  'Any ETA for {t}?',
  'We need {t} before our peak season',
  'Feature request – {t}',
  'Roadmap question: {t}',
  'Our customers keep asking for {t}',
  '{T} would unblock our rollout',
];

/** Feedback ticket summaries about a defect ("{t}" = the bug's summary). */
export const SUPPORT_REQUESTS: readonly string[] = [
  '{T} – several customers affected',
  'Urgent: {t}',
  'Since the last release: {t}',
  '{T} again',
  'Escalation: {t}',
  'Our shoppers report: {t}',
  'Problem: {t}',
];

/** Tickets that concern no backlog item. */
export const UNLINKED_TICKETS: readonly string[] = [
  'Password reset for a dashboard user',
  'Copy of the October invoice',
  'Change of company address',
  'Question about the fee schedule',
  'How do I add a second bank account?',
  'API key leaked – please revoke',
  'Request for the PCI attestation of compliance',
  'Add a new user to our account',
  'Close our test account',
];

export const SPRINT_GOALS: readonly string[] = [
  'Apple Pay live for 10 % of merchants',
  'Payout retries in production',
  'Fraud rules editor beta',
  'Checkout v2 accessibility fixes',
  '3DS 2.3 certification ready',
  'Dashboard disputes overview',
  'Stabilise webhook delivery',
  'Reconciliation exports for finance',
  'Holiday peak readiness',
  'Subscriptions dunning MVP',
  'SDK release 3.0',
  'Multi-region failover test',
  'Tech debt sprint: upgrade Kafka clients',
  'Klarna pilot with two merchants',
];

/** Curated organisations for the demo site: name and tier. */
export const ORGANISATIONS: readonly (readonly [string, 'Enterprise' | 'Business' | 'Free'])[] = [
  ['Northwind Outfitters', 'Enterprise'],
  ['Brightline Grocers', 'Enterprise'],
  ['Kestrel Travel', 'Enterprise'],
  ['Alpenrose Sport GmbH', 'Enterprise'],
  ['Riverbend Hotels', 'Enterprise'],
  ['Silverline Telecom', 'Enterprise'],
  ['Quayside Electronics', 'Enterprise'],
  ['Summit Ticketing', 'Enterprise'],
  ['Harbor & Pine Furniture', 'Business'],
  ['Lumen Cosmetics', 'Business'],
  ['Fernhill Books', 'Business'],
  ['Coastal Coffee Roasters', 'Business'],
  ['Urban Cycle Co.', 'Business'],
  ['Maple & Stone Interiors', 'Business'],
  ['Nordlicht Reisen', 'Business'],
  ['Bellweather Apparel', 'Business'],
  ['Tidewater Pharmacy', 'Business'],
  ['Cobalt Games', 'Business'],
  ['Blue Heron Pet Supply', 'Business'],
  ['Verde Market', 'Business'],
  ['Paloma Shoes', 'Business'],
  ['Ridgeway Outdoor', 'Business'],
  ['Copperleaf Home', 'Business'],
  ['Evergreen Learning', 'Business'],
  ['Granite Peak Fitness', 'Business'],
  ['Larkspur Wines', 'Business'],
  ['Orchard Lane Florists', 'Free'],
  ['Glasshouse Gallery', 'Free'],
  ['Saffron Kitchen Supplies', 'Free'],
  ['Driftwood Surf Shop', 'Free'],
  ['Foxglove Beauty', 'Free'],
  ['Hollow Oak Toys', 'Free'],
  ['Ironbridge Tools', 'Free'],
  ['Juniper Health', 'Free'],
  ['Kite & Key Stationery', 'Free'],
  ['Moonrise Events', 'Free'],
  ['Nimbus Cloud Kitchens', 'Free'],
  ['Oakmont Auto Parts', 'Free'],
  ['Pebble & Pine Kids', 'Free'],
  ['Quill Publishing', 'Free'],
];

/** For scale sites that need more organisations than the curated list: "<first> <second>". */
export const ORG_FIRST: readonly string[] = [
  'Amber',
  'Birch',
  'Cedar',
  'Delta',
  'Ember',
  'Falcon',
  'Garnet',
  'Hazel',
  'Indigo',
  'Jasper',
  'Kingfisher',
  'Linden',
  'Meadow',
  'Nova',
  'Onyx',
  'Prairie',
  'Quartz',
  'Raven',
  'Sable',
  'Thistle',
  'Umber',
  'Vale',
  'Willow',
  'Yarrow',
  'Zephyr',
];
export const ORG_SECOND: readonly string[] = [
  'Apparel',
  'Bakery',
  'Bikes',
  'Books',
  'Coffee',
  'Cosmetics',
  'Electronics',
  'Florists',
  'Furniture',
  'Games',
  'Grocers',
  'Hotels',
  'Jewellery',
  'Kitchens',
  'Logistics',
  'Market',
  'Optics',
  'Outdoor',
  'Pharmacy',
  'Shoes',
  'Sports',
  'Toys',
  'Travel',
  'Wines',
];

export const FIRST_NAMES: readonly string[] = [
  'Hannah',
  'Lukas',
  'Amélie',
  'Mateo',
  'Chloe',
  'Noah',
  'Freya',
  'Arjun',
  'Isabel',
  'Kenji',
  'Zoe',
  'Omar',
  'Elif',
  'Jakub',
  'Maya',
  'Thomas',
  'Ingrid',
  'Diego',
  'Leila',
  'Samuel',
  'Aoife',
  'Mohammed',
  'Clara',
  'Viktor',
  'Nora',
  'Felix',
  'Yuki',
  'Grace',
  'Pieter',
  'Alice',
];
export const LAST_NAMES: readonly string[] = [
  'Becker',
  'Dubois',
  'Rossi',
  'Jansen',
  'Nowak',
  'Silva',
  'Schmidt',
  "O'Brien",
  'Tanaka',
  'Haddad',
  'Lindgren',
  'García',
  'Moreau',
  'Novak',
  'Patel',
  'Walsh',
  'Kovács',
  'Andersen',
  'Costa',
  'Yilmaz',
  'Fischer',
  'Murphy',
  'Sato',
  'Fernandes',
  'Horvat',
  'Keller',
  'Larsen',
  'Müller',
  'Brennan',
  'Ito',
];
