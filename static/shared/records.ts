/** A plain object (not null, not an array): what JSON objects from the bridge or a config look like. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
