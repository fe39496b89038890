import { resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { isServerRunning } from '../runLock.ts';
import { restoreDatabase } from './restoreDatabase.ts';

/**
 * `npm run restore -- <file>`: replaces the database in DATA_DIR with a backup. Only with the
 * server stopped (a running server would keep writing to the file it has open); the backup is
 * checked first; see restoreDatabase for why an interruption at any point leaves one whole database.
 */
function main(): void {
  const source = process.argv[2];
  if (!source) throw new Error('usage: npm run restore -- <backup-file>');
  const config = loadConfig(process.env);
  if (isServerRunning(config.DATA_DIR)) {
    throw new Error(`the server is running on ${config.DATA_DIR}; stop it before restoring`);
  }
  const backup = resolve(source);
  const target = restoreDatabase(backup, config.DATA_DIR);
  process.stdout.write(`restored ${backup} into ${target}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`justera restore: ${(error as Error).message}\n`);
  process.exit(1);
}
