import type { JsonObject } from '@revprov/merge-core';
import type { LogEntry, LogLevel, OperationFailure } from './operationModel.js';
import { makeFailure } from './operationModel.js';
import { checkJsonShape } from '../security/jsonShape.js';
import type { SecretValues } from '../security/secretValues.js';

/** The body of `POST {base}/v1/reverse-provisioning` (reverse-provisioning.md §2). */
export interface AdapterRequest {
  useCaseTemplateId: string;
  environment: string;
  params: JsonObject;
  catalogInfo: JsonObject;
}

/** The final answer of an adapter call: never an exception for anything the adapter does. */
export type AdapterOutcome =
  | { status: 'COMPLETED'; updates: JsonObject; logs: LogEntry[] }
  | { status: 'FAILED'; failure: OperationFailure; logs: LogEntry[] };

export interface AdapterCallOptions {
  /** Delay between polls of a 202 operation. */
  intervalMs: number;
  /** The operation's time budget (request and every poll), as configured; named in the timeout failure. */
  timeoutMs: number;
  /** When the budget ends, in epoch ms (an operation resumed elsewhere has less left). Default: now + `timeoutMs`. */
  deadline?: number;
  /** Called with the adapter's whole log list whenever a poll returns one (replace, don't append). */
  onLogs?: (logs: LogEntry[]) => void;
  /** Aborts the call (server shutting down); the outcome is then a failure. */
  signal?: AbortSignal;
  /** Largest answer body accepted, in bytes; a larger one fails the operation. Default 8 MiB. */
  maxAnswerBytes?: number;
  /** Deepest JSON answer accepted; a deeper one fails the operation. Default 64. */
  maxJsonDepth?: number;
  /** A 202 token received earlier (by this or another instance): polls it instead of calling again. */
  token?: string;
  /**
   * Called with the token of a 202 answer before the first poll, and awaited: the caller stores it
   * so another instance can resume polling. Resolving false stops the call (as an abort would).
   */
  onToken?: (token: string) => Promise<boolean>;
  /** Called after every HTTP exchange with the adapter (metrics, logs). */
  onRequest?: (exchange: AdapterExchange) => void;
  /**
   * The run's secret values: every answer is scrubbed of them as soon as it is read, before any
   * field is interpreted, stringified or cut short (every string holding one is withheld whole),
   * except a status body's `updates`, returned as sent for the caller to refuse.
   */
  secrets?: SecretValues;
}

/** One HTTP exchange with an adapter, as observed. */
export interface AdapterExchange {
  kind: 'start' | 'poll';
  /** The HTTP status, null when no answer came (connection error, timeout, abort). */
  httpStatus: number | null;
  durationMs: number;
}

/** The answer limits of one call, resolved, and the secrets to scrub from answers. */
interface AnswerLimits {
  maxBytes: number;
  maxDepth: number;
  secrets: SecretValues | null;
}

/** Calls tech adapters per the protocol, with every tolerance rule of reverse-provisioning.md §2. */
export interface AdapterClient {
  run(baseUrl: string, request: AdapterRequest, options: AdapterCallOptions): Promise<AdapterOutcome>;
}

const INTERRUPTED = 'the operation was interrupted: this instance stopped working on it';

const LEVELS = new Set<LogLevel>(['DEBUG', 'INFO', 'WARNING', 'ERROR']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return v === '' ? [] : [v];
  if (!Array.isArray(v)) return [];
  return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).filter((s) => s !== '');
}

/** Tolerant log list: absent/null → []; odd entries are coerced, never rejected. */
export function normalizeLogs(v: unknown): LogEntry[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObject).map((l) => {
    const level = typeof l.level === 'string' ? l.level.toUpperCase() : 'INFO';
    return {
      timestamp: typeof l.timestamp === 'string' ? l.timestamp : new Date().toISOString(),
      level: LEVELS.has(level as LogLevel) ? (level as LogLevel) : level === 'WARN' ? 'WARNING' : 'INFO',
      message: typeof l.message === 'string' ? l.message : JSON.stringify(l.message ?? ''),
      phase: typeof l.phase === 'string' ? l.phase : null,
    };
  });
}

/** `updates` of a COMPLETED status: null, absent, "" or not an object → {}. */
export function normalizeUpdates(v: unknown): JsonObject {
  return isObject(v) ? (v as JsonObject) : {};
}

/** Failure from a 400/500 (or any non-2xx) JSON body. */
function failureFromErrorBody(body: unknown, httpStatus: number): OperationFailure {
  if (!isObject(body)) {
    return makeFailure({ errors: [`the tech adapter answered HTTP ${httpStatus}: ${short(JSON.stringify(body))}`], httpStatus });
  }
  const moreInfo = isObject(body.moreInfo) ? body.moreInfo : {};
  const errors = [...strings(body.errors), ...strings(body.error)];
  const failure = makeFailure({
    userMessage: typeof body.userMessage === 'string' && body.userMessage !== '' ? body.userMessage : null,
    problems: strings(moreInfo.problems),
    solutions: strings(moreInfo.solutions),
    errors: errors.length > 0 ? errors : [`the tech adapter answered HTTP ${httpStatus}`],
    logs: normalizeLogs(body.logs),
    httpStatus,
  });
  return failure;
}

function short(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

type Read = { kind: 'json'; status: number; body: unknown } | { kind: 'text'; status: number; text: string } | { kind: 'error'; message: string };

/** The body as text, or null when it is larger than `maxBytes` (reading stops there). */
async function readCapped(res: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes || !res.body) {
    await res.body?.cancel().catch(() => undefined);
    return declared > maxBytes ? null : '';
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function request(url: string, init: RequestInit, signal: AbortSignal, deadlineMessage: string, limits: AnswerLimits): Promise<Read> {
  try {
    const res = await fetch(url, { ...init, signal });
    const text = await readCapped(res, limits.maxBytes);
    if (text === null) return { kind: 'error', message: `the tech adapter's answer is larger than ${limits.maxBytes} bytes (limits.maxAdapterAnswerBytes); it was not read` };
    let body: unknown;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      return { kind: 'text', status: res.status, text: limits.secrets ? limits.secrets.redact(text) : text };
    }
    const shape = checkJsonShape(body, { maxDepth: limits.maxDepth }, "the tech adapter's answer");
    if (shape) return { kind: 'error', message: shape.message };
    return { kind: 'json', status: res.status, body: limits.secrets ? limits.secrets.scrub(body, ['updates']) : body };
  } catch (e) {
    if (signal.aborted) {
      const reason: unknown = signal.reason;
      const timedOut = reason instanceof Error && reason.name === 'TimeoutError';
      return { kind: 'error', message: timedOut ? deadlineMessage : INTERRUPTED };
    }
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const code = err.cause?.code;
    const why = code === 'ECONNREFUSED' ? 'connection refused' : (err.cause?.message ?? err.message);
    return { kind: 'error', message: `cannot reach the tech adapter at ${url}: ${why}` };
  }
}

/** Interprets a status body (200 of the POST or of a poll). */
function readStatusBody(body: unknown): { status: 'RUNNING' } | AdapterOutcome | { status: 'INVALID'; message: string } {
  if (!isObject(body)) return { status: 'INVALID', message: `the tech adapter's status body is not an object: ${short(JSON.stringify(body))}` };
  const logs = normalizeLogs(body.logs);
  const status = typeof body.status === 'string' ? body.status.toUpperCase() : '';
  if (status === 'RUNNING') return { status: 'RUNNING' };
  if (status === 'COMPLETED') return { status: 'COMPLETED', updates: normalizeUpdates(body.updates), logs };
  if (status === 'FAILED') {
    return {
      status: 'FAILED',
      logs,
      failure: makeFailure({
        userMessage: typeof body.userMessage === 'string' && body.userMessage !== '' ? body.userMessage : null,
        problems: isObject(body.moreInfo) ? strings(body.moreInfo.problems) : [],
        solutions: isObject(body.moreInfo) ? strings(body.moreInfo.solutions) : [],
        errors: [...strings(body.errors), ...strings(body.error)],
        logs,
      }),
    };
  }
  return { status: 'INVALID', message: `the tech adapter answered an unknown status ${JSON.stringify(body.status ?? null)}` };
}

function fromRead(read: Read, what: string): AdapterOutcome | { status: 'RUNNING' } | { status: 'TOKEN'; token: string } {
  const fail = (message: string, httpStatus: number | null = null): AdapterOutcome => ({
    status: 'FAILED',
    logs: [],
    failure: makeFailure({ errors: [message], httpStatus }),
  });
  if (read.kind === 'error') return fail(read.message);
  if (read.kind === 'text') {
    if (read.status === 202 && read.text.trim() !== '' && what === 'POST') return { status: 'TOKEN', token: read.text.trim() };
    return fail(`the tech adapter answered HTTP ${read.status} with a body that is not JSON: ${short(read.text) || '(empty)'}`, read.status);
  }
  if (read.status === 202 && what === 'POST') {
    const body = read.body;
    const token = typeof body === 'string' ? body : isObject(body) && typeof body.token === 'string' ? body.token : null;
    if (token === null || token === '') return fail(`the tech adapter answered 202 without a token: ${short(JSON.stringify(body))}`, 202);
    return { status: 'TOKEN', token };
  }
  if (read.status < 200 || read.status >= 300) {
    const failure = failureFromErrorBody(read.body, read.status);
    return { status: 'FAILED', failure, logs: isObject(read.body) ? normalizeLogs(read.body.logs) : [] };
  }
  const parsed = readStatusBody(read.body);
  if (parsed.status === 'INVALID') return fail(parsed.message, read.status);
  return parsed;
}

/** Creates the adapter client (uses the global `fetch`). */
export function createAdapterClient(): AdapterClient {
  return {
    async run(baseUrl, body, options) {
      const deadline = AbortSignal.timeout(Math.max(1, (options.deadline ?? Date.now() + options.timeoutMs) - Date.now()));
      const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
      const timeoutMessage = `the tech adapter did not finish within ${options.timeoutMs} ms (timeout)`;
      const endpoint = `${baseUrl}/v1/reverse-provisioning`;
      const limits: AnswerLimits = { maxBytes: options.maxAnswerBytes ?? 8 * 1024 * 1024, maxDepth: options.maxJsonDepth ?? 64, secrets: options.secrets ?? null };
      const observed = async (kind: AdapterExchange['kind'], url: string, init: RequestInit): Promise<Read> => {
        const started = performance.now();
        const read = await request(url, init, signal, timeoutMessage, limits);
        options.onRequest?.({ kind, httpStatus: read.kind === 'error' ? null : read.status, durationMs: performance.now() - started });
        return read;
      };
      let token = options.token;
      if (token === undefined) {
        const first = fromRead(
          await observed('start', endpoint, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) }),
          'POST',
        );
        if (first.status === 'COMPLETED' || first.status === 'FAILED') return first;
        if (first.status === 'RUNNING') {
          return { status: 'FAILED', logs: [], failure: makeFailure({ errors: ['the tech adapter answered 200 RUNNING without a token to poll'] }) };
        }
        token = first.token;
        if (options.onToken && !(await options.onToken(token))) return { status: 'FAILED', logs: [], failure: makeFailure({ errors: [INTERRUPTED] }) };
      }
      const statusUrl = `${endpoint}/${encodeURIComponent(token)}/status`;
      let lastLogs: LogEntry[] = [];
      for (;;) {
        const waited = await sleep(options.intervalMs, signal);
        if (!waited) {
          const reason: unknown = signal.reason;
          const timedOut = reason instanceof Error && reason.name === 'TimeoutError';
          const message = timedOut ? timeoutMessage : INTERRUPTED;
          return { status: 'FAILED', logs: lastLogs, failure: makeFailure({ errors: [message], logs: lastLogs }) };
        }
        const read = await observed('poll', statusUrl, { method: 'GET', headers: { accept: 'application/json' } });
        if (read.kind === 'json' && read.status === 200 && isObject(read.body) && Array.isArray(read.body.logs)) {
          lastLogs = normalizeLogs(read.body.logs);
          options.onLogs?.(lastLogs);
        }
        const next = fromRead(read, 'GET');
        if (next.status === 'RUNNING' || next.status === 'TOKEN') continue;
        if (next.status === 'FAILED' && next.logs.length === 0 && lastLogs.length > 0) {
          return { status: 'FAILED', logs: lastLogs, failure: makeFailure({ ...next.failure, logs: lastLogs }) };
        }
        return next;
      }
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

