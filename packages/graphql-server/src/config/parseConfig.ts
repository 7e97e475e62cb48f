import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { ConfigIssue, ServerConfig, WebConfig } from './config.js';

export type ParseConfigResult = { ok: true; config: ServerConfig } | { ok: false; issues: ConfigIssue[] };

const TOP_KEYS = new Set(['port', 'host', 'dataDir', 'repositories', 'techAdapters', 'polling', 'git', 'web']);

/**
 * Reads and validates a YAML configuration text. Relative `dataDir` and repository paths are
 * resolved against `baseDir` (the config file's folder). Never throws on bad input: every problem
 * is returned with its key path and line/column.
 */
export function parseConfig(text: string, baseDir: string): ParseConfigResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const issues: ConfigIssue[] = [];
  for (const e of doc.errors) {
    const pos = lineCounter.linePos(e.pos[0]);
    issues.push({ path: '', message: e.message.split('\n')[0] ?? e.message, line: pos.line, col: pos.col });
  }
  if (issues.length > 0) return { ok: false, issues };
  const raw: unknown = doc.toJS();
  const at = (keys: (string | number)[]): Pick<ConfigIssue, 'line' | 'col'> => {
    const node = doc.getIn(keys, true) as { range?: [number, number, number] } | undefined;
    if (!node?.range) return {};
    const pos = lineCounter.linePos(node.range[0]);
    return { line: pos.line, col: pos.col };
  };
  const issue = (keys: (string | number)[], message: string): void => {
    const p = keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
    issues.push({ path: p, message, ...at(keys) });
  };
  if (!isObject(raw)) return { ok: false, issues: [{ path: '', message: 'the configuration must be a YAML mapping' }] };

  for (const k of Object.keys(raw)) if (!TOP_KEYS.has(k)) issue([k], `unknown key "${k}" (expected one of ${[...TOP_KEYS].join(', ')})`);

  const port = optionalInt(raw, ['port'], 4000, 0, 65535, issue);
  const host = optionalString(raw, ['host'], '127.0.0.1', issue);
  let dataDir = '';
  if (typeof raw.dataDir !== 'string' || raw.dataDir === '') issue(['dataDir'], 'required: a folder for the database and working clones');
  else dataDir = path.resolve(baseDir, raw.dataDir);

  const repositories: ServerConfig['repositories'] = [];
  if (!Array.isArray(raw.repositories) || raw.repositories.length === 0) {
    issue(['repositories'], 'required: a non-empty list of { url, branch }');
  } else {
    raw.repositories.forEach((r: unknown, i: number) => {
      if (!isObject(r)) return issue(['repositories', i], 'must be a mapping { url, branch }');
      const url = requiredString(r, ['repositories', i, 'url'], issue);
      const branch = requiredString(r, ['repositories', i, 'branch'], issue);
      if (branch && !/^[A-Za-z0-9._/-]+$/.test(branch)) issue(['repositories', i, 'branch'], `not a valid branch name: "${branch}"`);
      if (url && branch) repositories.push({ url: resolveLocal(url, baseDir), branch });
    });
  }

  const techAdapters: ServerConfig['techAdapters'] = [];
  if (raw.techAdapters !== undefined && !Array.isArray(raw.techAdapters)) {
    issue(['techAdapters'], 'must be a list of { infrastructureTemplateId, url }');
  } else {
    ((raw.techAdapters as unknown[] | undefined) ?? []).forEach((a, i) => {
      if (!isObject(a)) return issue(['techAdapters', i], 'must be a mapping { infrastructureTemplateId, url }');
      const id = requiredString(a, ['techAdapters', i, 'infrastructureTemplateId'], issue);
      const url = requiredString(a, ['techAdapters', i, 'url'], issue);
      if (url && !/^https?:\/\/[^/]/.test(url)) issue(['techAdapters', i, 'url'], `must be an http(s) URL, got "${url}"`);
      else if (id && url) techAdapters.push({ infrastructureTemplateId: id, url: url.replace(/\/+$/, '') });
    });
  }

  const pollingRaw = raw.polling ?? {};
  let intervalMs = 1000;
  let timeoutMs = 600_000;
  if (!isObject(pollingRaw)) issue(['polling'], 'must be a mapping { intervalMs, timeoutMs }');
  else {
    intervalMs = optionalInt(pollingRaw, ['polling', 'intervalMs'], intervalMs, 1, 3_600_000, issue);
    timeoutMs = optionalInt(pollingRaw, ['polling', 'timeoutMs'], timeoutMs, 1, 86_400_000, issue);
  }
  const gitRaw = raw.git ?? {};
  let authorName = 'revprov';
  let authorEmail = 'revprov@localhost';
  if (!isObject(gitRaw)) issue(['git'], 'must be a mapping { authorName, authorEmail }');
  else {
    authorName = optionalString(gitRaw, ['git', 'authorName'], authorName, issue);
    authorEmail = optionalString(gitRaw, ['git', 'authorEmail'], authorEmail, issue);
  }

  const webRaw = raw.web ?? {};
  const web: WebConfig = { enabled: true, dir: null };
  if (!isObject(webRaw)) issue(['web'], 'must be a mapping { enabled, dir }');
  else {
    for (const k of Object.keys(webRaw)) if (k !== 'enabled' && k !== 'dir') issue(['web', k], `unknown key "${k}" (expected enabled, dir)`);
    if (webRaw.enabled !== undefined && typeof webRaw.enabled !== 'boolean') issue(['web', 'enabled'], `must be true or false, got ${JSON.stringify(webRaw.enabled)}`);
    else if (webRaw.enabled === false) web.enabled = false;
    if (webRaw.dir !== undefined && webRaw.dir !== null) {
      if (typeof webRaw.dir !== 'string' || webRaw.dir === '') issue(['web', 'dir'], `must be a folder path, got ${JSON.stringify(webRaw.dir)}`);
      else web.dir = path.resolve(baseDir, webRaw.dir);
    }
  }

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    config: { port, host, dataDir, repositories, techAdapters, polling: { intervalMs, timeoutMs }, git: { authorName, authorEmail }, web },
  };
}

/** Formats issues for a terminal, one per line: `file:line:col: path: message`. */
export function formatConfigIssues(file: string, issues: ConfigIssue[]): string {
  return issues
    .map((i) => `${file}${i.line ? `:${i.line}:${i.col}` : ''}: ${i.path ? `${i.path}: ` : ''}${i.message}`)
    .join('\n');
}

type Report = (keys: (string | number)[], message: string) => void;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function requiredString(o: Record<string, unknown>, keys: (string | number)[], issue: Report): string {
  const v = o[String(keys[keys.length - 1])];
  if (typeof v !== 'string' || v.trim() === '') {
    issue(keys, v === undefined ? 'required' : `must be a non-empty string, got ${JSON.stringify(v)}`);
    return '';
  }
  return v;
}

function optionalString(o: Record<string, unknown>, keys: (string | number)[], dflt: string, issue: Report): string {
  const v = o[String(keys[keys.length - 1])];
  if (v === undefined || v === null) return dflt;
  if (typeof v !== 'string' || v === '') {
    issue(keys, `must be a non-empty string, got ${JSON.stringify(v)}`);
    return dflt;
  }
  return v;
}

function optionalInt(o: Record<string, unknown>, keys: (string | number)[], dflt: number, min: number, max: number, issue: Report): number {
  const v = o[String(keys[keys.length - 1])];
  if (v === undefined || v === null) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    issue(keys, `must be an integer from ${min} to ${max}, got ${JSON.stringify(v)}`);
    return dflt;
  }
  return v;
}

/** A relative local path (not a URL, not scp-style `host:path`) is resolved against the config folder. */
function resolveLocal(url: string, baseDir: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || /^[^/]+@[^:]+:/.test(url) || path.isAbsolute(url)) return url;
  return path.resolve(baseDir, url);
}
