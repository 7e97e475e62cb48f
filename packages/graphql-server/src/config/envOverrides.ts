/**
 * Environment variables that override the configuration file (12-factor style: the same file in
 * every environment, the differences in the environment). Later entries win over earlier ones
 * for the same key. docs/configuration.md lists them (a test keeps the two in step).
 *
 * To add one: append `{ env, keys, type }` here and a row to docs/configuration.md.
 */
export interface EnvOverride {
  /** The variable's name. */
  env: string;
  /** The configuration key path it sets. */
  keys: readonly string[];
  /** How the text is read: `integer` must be a whole decimal number. */
  type: 'string' | 'integer';
}

export const envOverrides: readonly EnvOverride[] = [
  { env: 'REVPROV_PORT', keys: ['port'], type: 'integer' },
  { env: 'REVPROV_HOST', keys: ['host'], type: 'string' },
  { env: 'REVPROV_DATA_DIR', keys: ['dataDir'], type: 'string' },
  { env: 'DATABASE_URL', keys: ['database', 'url'], type: 'string' },
  { env: 'REVPROV_DATABASE_URL', keys: ['database', 'url'], type: 'string' },
  { env: 'REVPROV_INSTANCE_ID', keys: ['cluster', 'instanceId'], type: 'string' },
  { env: 'REVPROV_LOG_LEVEL', keys: ['log', 'level'], type: 'string' },
];

/**
 * Writes the values of the set variables into `raw` (creating intermediate mappings). Returns,
 * per dotted key path, the variable that set it, so problems point at the variable, not the file.
 * An `integer` variable that is not a number is written as the text, for the schema to reject.
 */
export function applyEnvOverrides(raw: Record<string, unknown>, env: Record<string, string | undefined>): Map<string, string> {
  const origin = new Map<string, string>();
  for (const o of envOverrides) {
    const text = env[o.env];
    if (text === undefined || text === '') continue;
    let target = raw;
    for (const k of o.keys.slice(0, -1)) {
      const next = target[k];
      if (typeof next !== 'object' || next === null || Array.isArray(next)) target[k] = {};
      target = target[k] as Record<string, unknown>;
    }
    const last = o.keys[o.keys.length - 1] as string;
    target[last] = o.type === 'integer' && /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : text;
    origin.set(o.keys.join('.'), o.env);
  }
  return origin;
}
