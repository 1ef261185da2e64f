/**
 * pino JSON logs on stdout (stderr for CLI commands whose stdout is data). One root logger per
 * process; components and jobs get child loggers with fixed keys: `component`, `queue`, `jobId`,
 * `attempt`, `season`, `gameId`, `host`, and errors under `err`. Lines about a failure carry its
 * stable error code under `code` (job outcomes, host holds); a host hold also `hold` (its kind)
 * and `holdMs`, a breaker transition `breaker`. Log queries (Loki) count by these keys.
 */
import { type Logger, pino } from 'pino';

export type { Logger };

/** Paths whose values never reach a log line. */
export const REDACT_PATHS = [
  'password',
  '*.password',
  'redisUrl',
  'storeUrl',
  '*.redisUrl',
  '*.storeUrl',
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  // ioredis errors carry the failed command with its arguments: AUTH's is the password.
  'err.command.args',
  'err.cause.command.args',
  'err.lastNodeError.command.args',
  'err.previousErrors[*].command.args',
];

export interface LoggerOptions {
  level: string;
  /** Where lines go; defaults to stdout. */
  destination?: NodeJS.WritableStream;
}

export function createLogger(opts: LoggerOptions): Logger {
  return pino(
    {
      level: opts.level,
      base: { service: 'nba-scraper', pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: pino.stdSerializers.errWithCause },
    },
    opts.destination ?? process.stdout,
  );
}

/** A URL with its password replaced, safe to log or print. */
export function redactUrl(raw: string): string {
  try {
    const u = new URL(raw);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return '[unparseable url]';
  }
}
