import { pino } from 'pino';
import type { Config } from './config.ts';

export type Logger = pino.Logger;

/** One JSON object per line on stdout; fields, not prose, so logs can be queried. */
export function createLogger(
  config: Pick<Config, 'LOG_LEVEL'>,
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
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
      '*.passwordHash',
      '*.newPassword',
      '*.currentPassword',
    ],
  };
  return destination ? pino(options, destination) : pino(options);
}
