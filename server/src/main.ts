import { accessSync, constants, mkdirSync } from 'node:fs';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { removeRunLock, writeRunLock } from './runLock.ts';
import { createJusteraServer } from './server.ts';
import { SqliteAccountStore } from './storage/sqlite/sqliteAccountStore.ts';
import { SqliteStorage } from './storage/sqlite/sqliteStorage.ts';

// Read config → open storage → build the server → listen. Nothing else belongs here.
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
    ensureWritableDirectory(config.DATA_DIR);
  } catch (error) {
    process.stderr.write(`justera: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const logger = createLogger(config);
  writeRunLock(config.DATA_DIR);
  const storage = new SqliteStorage({
    dataDir: config.DATA_DIR,
    synchronous: config.SQLITE_SYNCHRONOUS,
    onBackgroundError: (error) => logger.error({ err: error }, 'background storage task failed'),
  });
  const accounts = new SqliteAccountStore(storage.database);
  const server = createJusteraServer({ config, storage, accounts, logger });
  const port = await server.listen();
  logger.info(
    { url: `http://${config.HOST}:${port}`, port, dataDir: config.DATA_DIR },
    'listening',
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    server
      .close()
      .then(() => storage.close())
      .then(() => {
        removeRunLock(config.DATA_DIR);
        logger.info('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

function ensureWritableDirectory(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new ConfigError(
      `DATA_DIR ${JSON.stringify(dir)} is not a writable directory (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`justera: failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
