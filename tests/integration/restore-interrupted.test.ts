import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  type RestoreStep,
  restoreDatabase,
  restoreSteps,
} from '../../server/src/ops/restoreDatabase.ts';
import { databaseFileName } from '../../server/src/storage/sqlite/sqliteStorage.ts';
import { useProcessFixtures } from '../helpers/processFixtures.ts';

const oldRows = ['old-1', 'old-2', 'old-3'];
const newRows = ['new-1', 'new-2'];

/**
 * The database a SIGKILLed server leaves: WAL mode, and its last commits only in the -wal file
 * (no checkpoint ran), which is exactly what a restore must not throw away before the swap.
 */
function writeCrashedDatabase(dataDir: string): void {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(join(dataDir, databaseFileName))});
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE rows (value TEXT)');
    for (const value of ${JSON.stringify(oldRows)}) db.prepare('INSERT INTO rows VALUES (?)').run(value);
    process.kill(process.pid, 'SIGKILL');
  `;
  const child = spawnSync('node', ['-e', script], { encoding: 'utf8' });
  expect(child.signal, child.stderr).toBe('SIGKILL');
  expect(statSync(join(dataDir, `${databaseFileName}-wal`)).size).toBeGreaterThan(0);
}

function writeBackup(file: string): void {
  const db = new Database(file);
  db.exec('CREATE TABLE rows (value TEXT)');
  for (const value of newRows) db.prepare('INSERT INTO rows VALUES (?)').run(value);
  db.close();
}

/** Opens the data directory the way the server would and reads what database it holds. */
function readDatabase(dataDir: string): { integrity: unknown; rows: string[] } {
  const db = new Database(join(dataDir, databaseFileName), { fileMustExist: true });
  db.pragma('journal_mode = WAL');
  const integrity = db.pragma('integrity_check', { simple: true });
  const rows = db
    .prepare<[], { value: string }>('SELECT value FROM rows ORDER BY rowid')
    .all()
    .map((row) => row.value);
  db.close();
  return { integrity, rows };
}

class Interrupted extends Error {}

describe('restore interrupted at each step', () => {
  const fixtures = useProcessFixtures();

  it.each(restoreSteps.map((step) => [step]))(
    'leaves one whole database (the old one with its unflushed WAL, or the backup) when it stops after "%s", and a second run completes',
    (step: RestoreStep) => {
      const dataDir = fixtures.dataDir();
      const backupFile = join(fixtures.dataDir(), 'backup.sqlite');
      writeCrashedDatabase(dataDir);
      writeBackup(backupFile);

      expect(() =>
        restoreDatabase(backupFile, dataDir, {
          afterStep: (done) => {
            if (done === step) throw new Interrupted(done);
          },
        }),
      ).toThrow(Interrupted);

      const after = readDatabase(dataDir);
      expect(after.integrity).toBe('ok');
      expect(after.rows).toEqual(step === 'renamed' ? newRows : oldRows);

      restoreDatabase(backupFile, dataDir);
      const restored = readDatabase(dataDir);
      expect(restored.integrity).toBe('ok');
      expect(restored.rows).toEqual(newRows);
      expect(existsSync(join(dataDir, `${databaseFileName}.restoring`))).toBe(false);
    },
  );
});
