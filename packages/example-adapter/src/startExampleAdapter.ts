import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveOptions, type ExampleAdapterOptions, type ResolvedOptions } from './adapterOptions.js';
import { DOCS_ROUTE, sendDocsPage } from './http/docsPage.js';
import { readJsonBody, sendJson } from './http/json.js';
import { OperationStore } from './operation/operationStore.js';
import { reverseProvision } from './operation/reverseProvision.js';
import { validateRequest } from './operation/validateRequest.js';
import type { ReverseProvisioningRequest, RequestValidationError, StatusBody } from './protocol.js';

/** A running adapter. */
export interface ExampleAdapter {
  /** Base URL including the base path, e.g. `http://127.0.0.1:40123/datamesh.specificprovisioner`. */
  url: string;
  /** Every request body that passed validation, in arrival order (for tests of callers). Includes secrets: test use only. */
  requests: readonly ReverseProvisioningRequest[];
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

const ROUTE = '/v1/reverse-provisioning';
const STATUS_ROUTE = /^\/v1\/reverse-provisioning\/([^/]+)\/status$/;

/**
 * Starts the example tech adapter: an HTTP server speaking the reverse-provisioning protocol
 * (docs/reverse-provisioning.md §2) over one SQLite file, with its documentation page at
 * `<basePath>/docs` (what a template's documentation link points to). It only reads the database. Bad input
 * never crashes it: every failure is a JSON answer (400 RequestValidationError, 404/405/413/500
 * SystemError-shaped). Rejects only when the port cannot be bound; throws a TypeError on bad options.
 */
export async function startExampleAdapter(options: ExampleAdapterOptions): Promise<ExampleAdapter> {
  const resolved = resolveOptions(options);
  const store = new OperationStore(resolved.pollsBeforeDone);
  const requests: ReverseProvisioningRequest[] = [];
  const server = createServer((req, res) => {
    handle(req, res, resolved, store, requests).catch((cause: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: `Internal error: ${(cause as Error)?.message ?? String(cause)}` });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;
  return {
    url: `http://${host}:${port}${resolved.basePath}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: ResolvedOptions, store: OperationStore, requests: ReverseProvisioningRequest[]): Promise<void> {
  const pathname = new URL(req.url ?? '/', 'http://adapter').pathname;
  const route = pathname.startsWith(options.basePath) ? pathname.slice(options.basePath.length) : undefined;
  if (route === ROUTE) {
    if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
    return startOperation(req, res, options, store, requests);
  }
  if (route === DOCS_ROUTE) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, 'GET');
    return sendDocsPage(res, req.method === 'HEAD');
  }
  const status = route === undefined ? null : STATUS_ROUTE.exec(route);
  if (status) {
    if (req.method !== 'GET') return methodNotAllowed(res, 'GET');
    return answerStatus(res, store, status[1] ?? '');
  }
  sendJson(res, 404, { error: `No route for ${req.method ?? 'GET'} ${pathname}.`, userMessage: 'The adapter does not serve this URL; check the configured base URL.' });
}

async function startOperation(req: IncomingMessage, res: ServerResponse, options: ResolvedOptions, store: OperationStore, requests: ReverseProvisioningRequest[]): Promise<void> {
  const body = await readJsonBody(req);
  if (!body.ok) {
    const error: RequestValidationError = { errors: [body.message], userMessage: 'The request could not be read.', moreInfo: { problems: [body.message], solutions: ['Send a JSON object body.'] } };
    return sendJson(res, body.reason === 'too-large' ? 413 : 400, error);
  }
  const validation = validateRequest(body.value);
  if (!validation.ok) return sendJson(res, 400, validation.error);
  requests.push(validation.value.request);

  const outcome = reverseProvision(options.dbPath, validation.value);
  if (outcome.kind === 'invalid') return sendJson(res, 400, outcome.error);
  if (options.mode === 'async') return sendJson(res, 202, store.add(outcome));
  if (outcome.kind === 'failed') return sendJson(res, 500, outcome.error);
  const status: StatusBody = { status: 'COMPLETED', updates: outcome.updates, logs: outcome.logs };
  sendJson(res, 200, status);
}

function answerStatus(res: ServerResponse, store: OperationStore, rawToken: string): void {
  let token: string;
  try {
    token = decodeURIComponent(rawToken);
  } catch {
    return sendJson(res, 400, { errors: ['The token is not a valid URL component.'], userMessage: 'Invalid operation token.', inputErrorField: 'token' });
  }
  const status = store.poll(token);
  if (status === undefined) {
    return sendJson(res, 404, { error: `Unknown token "${token}".`, userMessage: 'The operation is unknown to the adapter (it may have restarted).' });
  }
  sendJson(res, 200, status);
}

function methodNotAllowed(res: ServerResponse, allowed: string): void {
  res.setHeader('allow', allowed);
  sendJson(res, 405, { error: `Method not allowed; use ${allowed}.` });
}
