import { resolve } from 'node:path';
import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Integer from an environment string, with a readable error instead of NaN. */
const intFromEnv = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/**
 * Every setting the server reads from the environment, validated once at start-up.
 * Defaults give the embedded single-process product: SQLite under ./data, durable writes.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: intFromEnv(0, 65535).default(8787),
  DATA_DIR: z.string().min(1).default('data'),
  CLIENT_DIR: z.string().min(1).default('dist/client'),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  /** full: every commit is fsynced (acknowledged = on disk); normal: survives a process crash, may lose the last commits on power loss. */
  SQLITE_SYNCHRONOUS: z.enum(['full', 'normal']).default('full'),
  /** Largest single sync message the application accepts; larger ones close with 4413. */
  MAX_MESSAGE_BYTES: intFromEnv(1024, 256 * 1024 * 1024).default(8 * 1024 * 1024),
  /** Upper bound of one meeting's stored document; updates beyond it are refused with 4413. */
  MAX_DOCUMENT_BYTES: intFromEnv(64 * 1024, 4 * 1024 * 1024 * 1024).default(64 * 1024 * 1024),
  /** Sustained updates per second per connection; faster senders are closed with 4529. */
  MAX_UPDATES_PER_SECOND: intFromEnv(1, 100_000).default(60),
  /** Updates a connection may send in one burst (a paste, a reconnect) before the rate applies. */
  UPDATE_BURST: intFromEnv(1, 1_000_000).default(600),
  /** Open sync sockets per process; further upgrades get HTTP 503. */
  MAX_CONNECTIONS: intFromEnv(1, 1_000_000).default(10_000),
  /** Meetings loaded at once per process; opening another gets HTTP 503. */
  MAX_ROOMS: intFromEnv(1, 1_000_000).default(2_000),
  /** A socket whose unsent data exceeds this is closed with 4503 instead of growing memory. */
  MAX_BUFFERED_BYTES: intFromEnv(64 * 1024, 1024 * 1024 * 1024).default(8 * 1024 * 1024),
  /** How long an empty room stays in memory before it is compacted and unloaded. */
  ROOM_IDLE_MS: intFromEnv(0, 24 * 60 * 60 * 1000).default(30_000),
  /** Ping interval; a socket that has not answered the previous ping is terminated. */
  HEARTBEAT_INTERVAL_MS: intFromEnv(50, 10 * 60 * 1000).default(30_000),
  /** Merge a room's update log into a snapshot after this many appended updates. */
  COMPACT_AFTER_UPDATES: intFromEnv(1, 10_000_000).default(500),
  /** Lifetime of a browser session (the cookie). */
  SESSION_TTL_MS: intFromEnv(60_000, 365 * 24 * 60 * 60 * 1000).default(14 * 24 * 60 * 60 * 1000),
  /** Lifetime of a bearer token from POST /api/auth/tokens. */
  BEARER_TOKEN_TTL_MS: intFromEnv(1_000, 24 * 60 * 60 * 1000).default(15 * 60 * 1000),
  /** How long an invitation link stays valid. */
  INVITATION_TTL_MS: intFromEnv(1_000, 90 * 24 * 60 * 60 * 1000).default(7 * 24 * 60 * 60 * 1000),
  /** When set, GET /metrics requires `Authorization: Bearer <token>`; otherwise only loopback may read it. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** How often the activity log (who changed which items) is written. */
  ACTIVITY_FLUSH_MS: intFromEnv(10, 60 * 60 * 1000).default(5000),
  /** Longest a graceful shutdown may take before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: intFromEnv(100, 10 * 60 * 1000).default(10_000),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment into a Config, or throws a ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // Empty strings mean "not set", as in most shells' `FOO= cmd`.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = configSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) =>
        `  ${issue.path.join('.')}=${JSON.stringify(env[String(issue.path[0])] ?? '')}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return {
    ...result.data,
    DATA_DIR: resolve(result.data.DATA_DIR),
    CLIENT_DIR: resolve(result.data.CLIENT_DIR),
  };
}
