import { configSchema, type ValueRankConfig } from '../../src/contract/config';

/**
 * Client-side validation with the contract's own schema (so the form says what the server would refuse).
 * Kept apart from the other config helpers because it brings zod into the bundle: only the admin page imports it.
 */
/** Validation messages by dotted path (`weights`, `customerVoice.halfLifeDays`), from the contract's schema. */
export function validateConfig(config: unknown): { ok: true; config: ValueRankConfig } | { ok: false; errors: Record<string, string> } {
  const parsed = configSchema.safeParse(config);
  if (parsed.success) return { ok: true, config: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in errors)) errors[path] = issue.message;
  }
  return { ok: false, errors };
}
