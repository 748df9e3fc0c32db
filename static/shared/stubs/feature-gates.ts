/**
 * Build-time stand-in for `@atlaskit/feature-gate-js-client` (Statsig, ~50 KB gzip). Atlaskit components ask it
 * for gates and experiments; inside a Forge iframe the real client is never initialised, so it answers the
 * defaults anyway. This answers them without shipping the client: every gate off, every experiment its default.
 */
const FeatureGates = {
  initializeCompleted: (): boolean => false,
  checkGate: (_name: string): boolean => false,
  getExperimentValue: <T>(_experiment: string, _param: string, defaultValue: T): T => defaultValue,
  getExperiment: (): null => null,
  hasCheckGateErrorOccurred: (): boolean => false,
  hasGetExperimentValueErrorOccurred: (): boolean => false,
  getDefaultPerimeter: (): string => 'commercial',
  isGateExists: (): boolean => false,
  isExperimentExists: (): boolean => false,
};

export const FeatureGateEnvironment = { Development: 'development', Staging: 'staging', Production: 'production' } as const;
export const PerimeterType = { COMMERCIAL: 'commercial', FEDRAMP_MODERATE: 'fedramp-moderate' } as const;
export default FeatureGates;
