import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Content types of the files a Vite build emits. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * What the page may do: only this origin's scripts, styles (inline style attributes too: CodeMirror
 * sets them), images, workers and GraphQL; never framed, no plugins, no form posts elsewhere. No
 * inline script runs. `'unsafe-eval'` is there for one reason: the form library's validator (ajv,
 * used by @rjsf/validator-ajv8) compiles the template's JSON Schema into a function at runtime.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

interface Loaded {
  body: Buffer;
  gzip: Buffer | null;
  mtimeMs: number;
}

/** Serves a request for a path of the web app; false when the request is not one (the caller answers it). */
export type WebAppHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * Serves the built single-page application in `root`: files as they are (hashed `assets/` cached
 * for a year, everything else revalidated), any other GET of an extension-less path (a client-side
 * route such as `/catalog/default/component/x`) gets `index.html`. Only GET and HEAD; paths are
 * decoded once and must stay inside `root` (no `..`, no NUL, no dot-files). Text is gzipped when
 * the client accepts it. Never throws: unreadable files answer 404, a bad path 400.
 */
export function serveWebApp(root: string): WebAppHandler {
  const base = path.resolve(root);
  const cache = new Map<string, Loaded>();

  async function load(file: string): Promise<Loaded | null> {
    let info;
    try {
      info = await stat(file);
    } catch {
      return null;
    }
    if (!info.isFile()) return null;
    const cached = cache.get(file);
    if (cached && cached.mtimeMs === info.mtimeMs) return cached;
    const body = await readFile(file);
    const compressible = /\.(html|m?js|css|json|map|svg|txt)$/.test(file) && body.length > 1024;
    const loaded = { body, gzip: compressible ? gzipSync(body) : null, mtimeMs: info.mtimeMs };
    cache.set(file, loaded);
    return loaded;
  }

  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    let decoded: string;
    try {
      decoded = decodeURIComponent(rawPath);
    } catch {
      return send(res, req, 400, 'text/plain; charset=utf-8', Buffer.from('bad path encoding\n'), null);
    }
    const segments = decoded.split('/').filter((s) => s !== '');
    if (decoded.includes('\0') || decoded.includes('\\') || segments.some((s) => s === '..' || s.startsWith('.'))) {
      return send(res, req, 400, 'text/plain; charset=utf-8', Buffer.from('bad path\n'), null);
    }
    const file = path.join(base, ...segments);
    if (file !== base && !file.startsWith(base + path.sep)) return send(res, req, 400, 'text/plain; charset=utf-8', Buffer.from('bad path\n'), null);
    const asset = segments.length > 0 ? await load(file) : null;
    if (asset) {
      const ext = path.extname(file);
      const immutable = segments[0] === 'assets';
      return send(res, req, 200, TYPES[ext] ?? 'application/octet-stream', asset.body, asset.gzip, {
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        ...(ext === '.html' ? { 'content-security-policy': CONTENT_SECURITY_POLICY } : {}),
      });
    }
    const last = segments[segments.length - 1] ?? '';
    if (last.includes('.')) return send(res, req, 404, 'text/plain; charset=utf-8', Buffer.from('not found\n'), null);
    const index = await load(path.join(base, 'index.html'));
    if (!index) return send(res, req, 404, 'text/plain; charset=utf-8', Buffer.from('the web workbench is not built\n'), null);
    return send(res, req, 200, TYPES['.html'] ?? 'text/html', index.body, index.gzip, {
      'cache-control': 'no-cache',
      'content-security-policy': CONTENT_SECURITY_POLICY,
    });
  };
}

function send(
  res: ServerResponse,
  req: IncomingMessage,
  status: number,
  type: string,
  body: Buffer,
  gzip: Buffer | null,
  headers: Record<string, string> = {},
): true {
  const acceptsGzip = gzip !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const payload = acceptsGzip && gzip ? gzip : body;
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'content-type': type,
    'content-length': String(payload.length),
    vary: 'accept-encoding',
    ...(acceptsGzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : payload);
  return true;
}
