/** UTF-8 bytes of a value's JSON: what a KVS value or a resolver answer of it weighs (`undefined` counts as `null`). */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? 'null', 'utf8');
}
