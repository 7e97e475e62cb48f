import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** A fresh temporary directory; `cleanup` removes it. */
export function tempDir(): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'example-adapter-test-'));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** Creates a real SQLite file at `path` by running `sql`. */
export function createDatabase(path: string, sql: string): string {
  const db = new Database(path);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
  return path;
}

/** An HTTP answer with its body parsed as JSON (or `undefined` when it is not JSON). */
export interface Answer {
  status: number;
  contentType: string | null;
  json: unknown;
}

/** Sends a request and reads the JSON answer. `body` is sent as-is when a string, as JSON otherwise. */
export async function call(url: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', body?: unknown): Promise<Answer> {
  const init: RequestInit = { method, headers: { 'content-type': 'application/json' } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(url, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type'), json };
}

/** A well-formed request body for `tableName`. */
export function requestFor(tableName: string | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    useCaseTemplateId: 'urn:dmb:utm:sqlite-outputport-template:0.0.0',
    environment: 'development',
    params: { ...(tableName === undefined ? {} : { tableName }), environmentSpecificConfig: {} },
    catalogInfo: { apiVersion: 'witboost.com/v1', kind: 'Component', spec: { mesh: {} } },
    ...extra,
  };
}
