import { pino } from 'pino';
import type { Config } from './config.ts';

export type Logger = pino.Logger;

/** One JSON object per line on stdout; fields, not prose, so logs can be queried. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({
    level: config.LOG_LEVEL,
    base: { service: 'justera' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Tokens arrive as query parameters on socket URLs; never let one reach a log line.
    redact: [
      'token',
      'password',
      '*.token',
      '*.password',
      'headers.cookie',
      'headers.authorization',
    ],
  });
}
