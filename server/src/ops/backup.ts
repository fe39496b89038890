import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../config.ts';
import { databaseFileName } from '../storage/sqlite/sqliteStorage.ts';

/**
 * `npm run backup -- <file>`: writes a consistent copy of the database while the server runs,
 * using SQLite's online backup API (it copies pages under a read transaction, so concurrent
 * writes neither block nor tear the copy).
 */
async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) throw new Error('usage: npm run backup -- <backup-file>');
  const config = loadConfig(process.env);
  const source = join(config.DATA_DIR, databaseFileName);
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  const destination = resolve(target);
  if (existsSync(destination)) throw new Error(`${destination} exists; choose a new file name`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(destination);
  } finally {
    db.close();
  }
  const copy = new Database(destination, { readonly: true });
  const check = copy.pragma('integrity_check', { simple: true });
  copy.close();
  if (check !== 'ok') throw new Error(`the backup failed its integrity check: ${String(check)}`);
  process.stdout.write(`backup written to ${destination}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`justera backup: ${(error as Error).message}\n`);
  process.exit(1);
});
