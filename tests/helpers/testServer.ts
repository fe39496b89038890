import { pino } from 'pino';
import { type Config, loadConfig } from '../../server/src/config.ts';
import { createLogger } from '../../server/src/logger.ts';
import { createJusteraServer, type JusteraServer } from '../../server/src/server.ts';
import { SqliteAccountStore } from '../../server/src/storage/sqlite/sqliteAccountStore.ts';
import { SqliteStorage } from '../../server/src/storage/sqlite/sqliteStorage.ts';
import { makeDataDir, removeDataDir } from './serverProcess.ts';

export interface TestServer {
  server: JusteraServer;
  storage: SqliteStorage;
  accounts: SqliteAccountStore;
  config: Config;
  url: string;
  syncUrl: string;
  /** Graceful close, storage closed, data directory kept (for restarts). */
  stop: () => Promise<void>;
  /** stop() and remove the data directory. */
  destroy: () => Promise<void>;
}

/**
 * A real server in this process on a free port with a temporary SQLite file. Use
 * `startServerProcess` instead when the test needs to kill the process.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  dataDir = makeDataDir(),
  /** Receives every log line (at debug level) when given; otherwise logs are silent. */
  logSink?: (line: string) => void,
): Promise<TestServer> {
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    SQLITE_SYNCHRONOUS: 'normal',
    ...env,
  });
  const storage = new SqliteStorage({ dataDir, synchronous: config.SQLITE_SYNCHRONOUS });
  const accounts = new SqliteAccountStore(storage.database);
  const server = createJusteraServer({
    config,
    storage,
    accounts,
    logger: logSink
      ? createLogger({ LOG_LEVEL: 'debug' }, { write: logSink })
      : pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  });
  const port = await server.listen();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.close();
    await storage.close();
  };
  return {
    server,
    storage,
    accounts,
    config,
    url: `http://127.0.0.1:${port}`,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    stop,
    destroy: async () => {
      await stop();
      removeDataDir(dataDir);
    },
  };
}
