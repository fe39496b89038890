import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { databaseFileName } from '../storage/sqlite/sqliteStorage.ts';

/** The points between which a restore can be interrupted; each leaves one whole database. */
export const restoreSteps = ['staged', 'folded', 'cleaned', 'renamed'] as const;
export type RestoreStep = (typeof restoreSteps)[number];

export interface RestoreOptions {
  /** Called after each step has finished; tests throw here to interrupt the restore. */
  afterStep?: (step: RestoreStep) => void;
}

function fsyncPath(path: string): void {
  const handle = openSync(path, 'r');
  try {
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
}

/**
 * Replaces the database in `dataDir` with `backupFile`. At every point the directory holds one
 * consistent database, the old one or the new one, never the new file with the old write-ahead
 * log (SQLite cannot tell a foreign WAL apart and would replay it onto the backup):
 *   1. staged:  the backup is copied next to the target and fsynced;
 *   2. folded:  the old database is checkpointed into its main file and switched out of WAL
 *               mode, so its -wal holds nothing (SQLite makes this step itself crash-safe);
 *   3. cleaned: leftover -wal/-shm files are removed, now empty and harmless;
 *   4. renamed: the staged file replaces the target atomically and the directory is fsynced.
 * The server sets WAL mode again when it opens the restored file.
 */
export function restoreDatabase(
  backupFile: string,
  dataDir: string,
  options: RestoreOptions = {},
): string {
  const check = new Database(backupFile, { readonly: true, fileMustExist: true });
  const result = check.pragma('integrity_check', { simple: true });
  check.close();
  if (result !== 'ok') throw new Error(`${backupFile} is not a sound database: ${String(result)}`);

  const target = join(dataDir, databaseFileName);
  const staging = `${target}.restoring`;
  copyFileSync(backupFile, staging);
  fsyncPath(staging);
  options.afterStep?.('staged');

  if (existsSync(target)) {
    let old: Database.Database;
    try {
      old = new Database(target, { fileMustExist: true });
      old.pragma('wal_checkpoint(TRUNCATE)');
      const mode = old.pragma('journal_mode = DELETE', { simple: true });
      old.close();
      if (mode !== 'delete') throw new Error(`journal mode stayed ${String(mode)}`);
    } catch (error) {
      throw new Error(
        `the current database ${target} cannot be checkpointed (${(error as Error).message}); ` +
          'move it and its -wal/-shm files aside, then restore again',
      );
    }
  }
  options.afterStep?.('folded');

  for (const suffix of ['-wal', '-shm']) {
    const stale = `${target}${suffix}`;
    if (!existsSync(stale)) continue;
    // A non-empty WAL could still hold commits of the old database: never delete those.
    if (suffix === '-wal' && statSync(stale).size > 0) {
      throw new Error(`${stale} still holds data after the checkpoint; restore stopped`);
    }
    rmSync(stale);
  }
  options.afterStep?.('cleaned');

  renameSync(staging, target);
  fsyncPath(dirname(target));
  options.afterStep?.('renamed');
  return target;
}
