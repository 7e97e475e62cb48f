import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ServerConfig } from './config.js';
import { formatConfigIssues, parseConfig } from './parseConfig.js';

/** Thrown by `loadConfig` (startup misuse): the message lists every problem with file:line:col. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads the configuration file named by `file` (or by `REVPROV_CONFIG` when `file` is undefined)
 * with the environment overrides of `env`. Throws `ConfigError` with every problem listed: a
 * server must not start on a bad config.
 */
export function loadConfig(file: string | undefined = process.env.REVPROV_CONFIG, env: Record<string, string | undefined> = process.env): ServerConfig {
  if (!file) throw new ConfigError('no configuration: pass --config <file> or set REVPROV_CONFIG');
  const abs = path.resolve(file);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read configuration ${abs}: ${(e as Error).message}`);
  }
  const result = parseConfig(text, path.dirname(abs), env);
  if (!result.ok) throw new ConfigError(`invalid configuration:\n${formatConfigIssues(abs, result.issues)}`);
  return result.config;
}
