/** The demo site's initial ValueRank config: its support tool's ticket URLs name the customer organisation. */
export const DEMO_CONFIG = {
  customerVoice: { remoteLinkPatterns: ['^https://support\\.example\\.com/orgs/(?<customer>[a-z0-9-]+)/tickets/\\d+'] },
};
