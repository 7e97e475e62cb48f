import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { ConfigIssue, ServerConfig } from './config.js';
import { validateConfigSchema } from './configSchema.js';
import { applyEnvOverrides } from './envOverrides.js';
import type { RawSecurity } from './parseSecurityConfig.js';
import { SECURITY_KEYS, parseSecurityConfig } from './parseSecurityConfig.js';

export type ParseConfigResult = { ok: true; config: ServerConfig } | { ok: false; issues: ConfigIssue[] };

/**
 * Reads a YAML configuration text, applies the environment overrides of `env`, validates the
 * result against `config.schema.json` (filling in its defaults) and resolves relative paths
 * (`dataDir`, local repository paths) against `baseDir`, the config file's folder. Never throws
 * on bad input: every problem comes back with its key path and its line/column in the file, or
 * the environment variable it came from.
 */
export function parseConfig(text: string, baseDir: string, env: Record<string, string | undefined> = {}): ParseConfigResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({ path: '', message: e.message.split('\n')[0] ?? e.message, ...lineCounter.linePos(e.pos[0]) })),
    };
  }
  return buildConfig(doc.toJS() ?? {}, baseDir, env, (keys) => {
    // a missing key is located at the nearest mapping that should hold it
    for (let n = keys.length; n > 0; n--) {
      const node = doc.getIn(keys.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]);
    }
    return {};
  });
}

/**
 * The same pipeline for a configuration given as a value (tests, embedding): environment
 * overrides, schema validation with defaults, the security sections, absolute paths. `locate`
 * maps a key path to its position in the source, when there is one. `raw` is not modified.
 */
export function buildConfig(
  raw: unknown,
  baseDir: string,
  env: Record<string, string | undefined> = {},
  locate: (keys: (string | number)[]) => { line?: number; col?: number } = () => ({}),
): ParseConfigResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, issues: [{ path: '', message: 'the configuration must be a YAML mapping' }] };
  const config = structuredClone(raw) as Record<string, unknown>;
  const fromEnv = applyEnvOverrides(config, env);
  const toIssue = ({ keys, message }: { keys: (string | number)[]; message: string }): ConfigIssue => {
    const dotted = keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
    const variable = fromEnv.get(keys.filter((k) => typeof k === 'string').join('.'));
    return variable ? { path: dotted, message, env: variable } : { path: dotted, message, ...locate(keys) };
  };
  const issues = validateConfigSchema(config).map(toIssue);
  if (issues.length > 0) return { ok: false, issues: issues.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)) };
  // the security sections live at the top of the file; they are resolved into `security`
  const securityRaw: Record<string, unknown> = {};
  for (const k of SECURITY_KEYS) {
    securityRaw[k] = config[k];
    delete config[k];
  }
  const security = parseSecurityConfig(securityRaw as RawSecurity, String(config.host));
  if (!security.ok) return { ok: false, issues: security.issues.map(toIssue) };
  return { ok: true, config: { ...resolvePaths(config as unknown as ServerConfig, baseDir), security: security.config } };
}

/** Absolute `dataDir` and local repository paths; adapter URLs without a trailing slash. */
function resolvePaths(c: ServerConfig, baseDir: string): ServerConfig {
  return {
    ...c,
    dataDir: path.resolve(baseDir, c.dataDir),
    repositories: c.repositories.map((r) => ({ ...r, url: resolveLocal(r.url, baseDir) })),
    techAdapters: c.techAdapters.map((a) => ({ ...a, url: a.url.replace(/\/+$/, '') })),
    database: { ...c.database, url: c.database.url ?? null },
    web: c.web && { ...c.web, dir: c.web.dir === null ? null : path.resolve(baseDir, c.web.dir) },
  };
}

/** Formats issues for a terminal, one per line: `file:line:col: path: message` or `$VARIABLE: path: message`. */
export function formatConfigIssues(file: string, issues: ConfigIssue[]): string {
  return issues
    .map((i) => `${i.env ? `$${i.env}` : `${file}${i.line ? `:${i.line}:${i.col}` : ''}`}: ${i.path ? `${i.path}: ` : ''}${i.message}`)
    .join('\n');
}

/** A relative local path (not a URL, not scp-style `host:path`) is resolved against the config folder. */
function resolveLocal(url: string, baseDir: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || /^[^/]+@[^:]+:/.test(url) || path.isAbsolute(url)) return url;
  return path.resolve(baseDir, url);
}
