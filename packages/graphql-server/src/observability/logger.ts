import { pino } from 'pino';
import type { DestinationStream, Logger as PinoLogger } from 'pino';

/** The structured logger every component gets (a pino logger; `child({ component })` per part). */
export type Logger = PinoLogger;

/** Level names, most verbose last; `silent` logs nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/**
 * One JSON object per line on stdout (or `destination`): `time` (ISO), `level` (name),
 * `service`, `instance`, then the event's fields (`component`, `requestId`, `operationId`,
 * `adapterUrl` without credentials, `durationMs`...) and `msg`. Secrets are never passed to the
 * logger; the redaction list is a second line of defence for fields that could carry one.
 * Written synchronously, so the last lines before a crash are not lost.
 */
export function createLogger(options: { level: LogLevelName; instanceId: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'revprov-server', instance: options.instanceId },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: {
        paths: ['headers.authorization', 'headers.cookie', 'headers["x-api-key"]', 'params', 'databaseUrl', '*.password', '*.token', '*.secret'],
        censor: '[redacted]',
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** A logger that drops everything (tests, library use without logs). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/**
 * A URL as it may be logged: user name and password removed, query and fragment dropped (they
 * can carry tokens).
 */
export function loggableUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return '(invalid URL)';
  }
}
