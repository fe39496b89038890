import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../config.ts';
import { isServerRunning } from '../runLock.ts';
import { databaseFileName } from '../storage/sqlite/sqliteStorage.ts';

/**
 * `npm run restore -- <file>`: replaces the database in DATA_DIR with a backup. Only with the
 * server stopped (a running server would keep writing to the file it has open); the backup is
 * checked first, and the swap is a rename, so an interrupted restore leaves the old database.
 */
function main(): void {
  const source = process.argv[2];
  if (!source) throw new Error('usage: npm run restore -- <backup-file>');
  const config = loadConfig(process.env);
  if (isServerRunning(config.DATA_DIR)) {
    throw new Error(`the server is running on ${config.DATA_DIR}; stop it before restoring`);
  }
  const backup = resolve(source);
  const check = new Database(backup, { readonly: true, fileMustExist: true });
  const result = check.pragma('integrity_check', { simple: true });
  check.close();
  if (result !== 'ok') throw new Error(`${backup} is not a sound database: ${String(result)}`);

  const target = join(config.DATA_DIR, databaseFileName);
  const staging = `${target}.restoring`;
  copyFileSync(backup, staging);
  const handle = openSync(staging, 'r+');
  fsyncSync(handle);
  closeSync(handle);
  // The old write-ahead log belongs to the old database; replaying it onto the backup would mix them.
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(`${target}${suffix}`)) rmSync(`${target}${suffix}`);
  }
  renameSync(staging, target);
  process.stdout.write(`restored ${backup} into ${target}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`justera restore: ${(error as Error).message}\n`);
  process.exit(1);
}
