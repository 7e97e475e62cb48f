import type { IncomingMessage, ServerResponse } from 'node:http';

/** Outcome of {@link readJsonBody}: the parsed value, or why the body is unusable. */
export type BodyResult = { ok: true; value: unknown } | { ok: false; reason: 'too-large' | 'malformed'; message: string };

/** Bodies above this size are refused, so a client cannot exhaust the adapter's memory. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the whole request body and parses it as JSON. Never rejects. */
export function readJsonBody(req: IncomingMessage): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyResult): void => {
      if (!done) { done = true; resolve(result); }
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        finish({ ok: false, reason: 'too-large', message: `The request body exceeds ${MAX_BODY_BYTES} bytes.` });
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', (error) => finish({ ok: false, reason: 'malformed', message: `The request body could not be read: ${error.message}` }));
    req.on('close', () => finish({ ok: false, reason: 'malformed', message: 'The request was aborted before its body was complete.' }));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        finish({ ok: true, value: JSON.parse(text) as unknown });
      } catch (cause) {
        finish({ ok: false, reason: 'malformed', message: `The request body is not valid JSON: ${(cause as Error).message}` });
      }
    });
  });
}

/** Answers with a JSON body (`application/json; charset=utf-8`). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
