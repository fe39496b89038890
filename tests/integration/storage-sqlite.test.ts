import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GroupCommitWriter } from '../../server/src/storage/groupCommitWriter.ts';
import { migrations } from '../../server/src/storage/sqlite/migrations.ts';
import { SqliteAccountStore } from '../../server/src/storage/sqlite/sqliteAccountStore.ts';
import { SqliteStorage } from '../../server/src/storage/sqlite/sqliteStorage.ts';
import type { Storage, UpdateEntry } from '../../server/src/storage/storage.ts';
import { describeStorageContract } from '../contracts/storageContract.ts';
import { makeDataDir, removeDataDir } from '../helpers/serverProcess.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) removeDataDir(dir);
});

/** A Storage that forwards every call to `storage` (tests override single methods). */
function delegateTo(storage: SqliteStorage): Storage {
  return {
    appendUpdates: (entries) => storage.appendUpdates(entries),
    whenDurable: () => storage.whenDurable(),
    loadDocument: (meetingId) => storage.loadDocument(meetingId),
    compact: (meetingId, snapshot, upToSeq, stateVector) =>
      storage.compact(meetingId, snapshot, upToSeq, stateVector),
    saveVersion: (version) => storage.saveVersion(version),
    listVersions: (meetingId) => storage.listVersions(meetingId),
    loadVersion: (meetingId, versionId) => storage.loadVersion(meetingId, versionId),
    ping: () => storage.ping(),
    close: () => storage.close(),
  };
}

/** A fresh data directory, removed after the file's tests. */
function makeDataDirFor(list: string[]): string {
  const dataDir = makeDataDir();
  list.push(dataDir);
  return dataDir;
}

/** A database file as the migrations up to `version` left it (to test the later ones on it). */
function databaseAtVersion(dataDir: string, version: number): Database.Database {
  const old = new Database(join(dataDir, 'justera.sqlite'));
  old.exec(
    'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  for (const migration of migrations.filter((entry) => entry.version <= version)) {
    old.exec(migration.sql);
    old
      .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
      .run(migration.version, migration.name, 0);
  }
  return old;
}

function openSqlite(dataDir: string): SqliteStorage {
  return new SqliteStorage({ dataDir, synchronous: 'full' });
}

describeStorageContract('SQLite', async () => {
  const dataDir = makeDataDir();
  dirs.push(dataDir);
  return { storage: openSqlite(dataDir), reopen: async () => openSqlite(dataDir) };
});

describe('group commit', () => {
  it('writes a burst of updates from several rooms in one storage transaction', async () => {
    const dataDir = makeDataDir();
    dirs.push(dataDir);
    const sqlite = openSqlite(dataDir);
    const batches: number[] = [];
    const counting: Storage = {
      ...delegateTo(sqlite),
      appendUpdates: (entries: readonly UpdateEntry[]) => {
        batches.push(entries.length);
        return sqlite.appendUpdates(entries);
      },
    };
    const writer = new GroupCommitWriter(counting);
    const docs = [new Y.Doc(), new Y.Doc()];
    const appended: Promise<number>[] = [];
    for (let i = 0; i < 50; i += 1) {
      const doc = docs[i % 2] ?? new Y.Doc();
      const before = Y.encodeStateVector(doc);
      doc.getText('t').insert(0, String(i));
      appended.push(
        writer.append({
          meetingId: `room-${i % 2}`,
          update: Y.encodeStateAsUpdate(doc, before),
          authorId: null,
        }),
      );
    }
    const seqs = await Promise.all(appended);
    expect(batches).toEqual([50]);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    await writer.drain();
    const room0 = new Y.Doc();
    for (const update of (await sqlite.loadDocument('room-0')).updates)
      Y.applyUpdate(room0, update);
    expect(room0.getText('t').toString()).toBe(docs[0]?.getText('t').toString());
    await sqlite.close();
  });

  it('asks storage for one fsync per committed batch, and a new one for a later commit', async () => {
    const sqlite = openSqlite(makeDataDirFor(dirs));
    let fsyncs = 0;
    const counting: Storage = {
      ...delegateTo(sqlite),
      whenDurable: () => {
        fsyncs += 1;
        return sqlite.whenDurable();
      },
    };
    const writer = new GroupCommitWriter(counting);
    const update = Y.encodeStateAsUpdate(new Y.Doc());
    // Ten rooms' updates in one batch, each room asking for durability once it is committed.
    const durable = Array.from({ length: 10 }, () =>
      writer.append({ meetingId: 'm', update, authorId: null }).then(() => writer.whenDurable()),
    );
    await Promise.all(durable);
    expect(fsyncs).toBe(1);
    await writer.append({ meetingId: 'm', update, authorId: null });
    await writer.whenDurable();
    expect(fsyncs).toBe(2);
    await sqlite.close();
  });

  it('rejects every caller of a failed batch and keeps writing later batches', async () => {
    const dataDir = makeDataDir();
    dirs.push(dataDir);
    const sqlite = openSqlite(dataDir);
    let failNext = true;
    const flaky: Storage = {
      ...delegateTo(sqlite),
      appendUpdates: async (entries) => {
        if (failNext) {
          failNext = false;
          throw new Error('disk full');
        }
        return sqlite.appendUpdates(entries);
      },
    };
    const writer = new GroupCommitWriter(flaky);
    const update = Y.encodeStateAsUpdate(new Y.Doc());
    const failed = [writer.append({ meetingId: 'm', update, authorId: null })];
    await expect(Promise.all(failed)).rejects.toThrow('disk full');
    await expect(
      writer.append({ meetingId: 'm', update, authorId: null }),
    ).resolves.toBeGreaterThan(0);
    await sqlite.close();
  });
});

describe('pipelined group commit', () => {
  it('starts the next batch while the last one is made durable, and reports them in order', async () => {
    // A storage whose commits finish only when the test says so, in any order.
    const started: Array<{ size: number; finish: (seqs: number[]) => void }> = [];
    const sqlite = openSqlite(makeDataDirFor(dirs));
    const held: Storage = {
      ...delegateTo(sqlite),
      appendUpdates: (entries) =>
        new Promise<number[]>((resolve) => {
          started.push({ size: entries.length, finish: resolve });
        }),
    };
    const writer = new GroupCommitWriter(held);
    const update = Y.encodeStateAsUpdate(new Y.Doc());
    const resolved: number[] = [];
    const append = () =>
      writer.append({ meetingId: 'm', update, authorId: null }).then((seq) => resolved.push(seq));
    const first = append();
    await new Promise((resolve) => setImmediate(resolve));
    const second = append();
    await new Promise((resolve) => setImmediate(resolve));
    // The second batch went to storage before the first was durable.
    expect(started.map((batch) => batch.size)).toEqual([1, 1]);
    // The second finishes first; its caller still hears after the first one's.
    started[1]?.finish([2]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(resolved).toEqual([]);
    started[0]?.finish([1]);
    await Promise.all([first, second]);
    expect(resolved).toEqual([1, 2]);
    await sqlite.close();
  });

  it('commits with synchronous FULL through the log connection and stays readable by the other', async () => {
    const sqlite = new SqliteStorage({ dataDir: makeDataDirFor(dirs), synchronous: 'full' });
    const writer = new GroupCommitWriter(sqlite);
    const doc = new Y.Doc();
    const appended: Promise<number>[] = [];
    for (let i = 0; i < 20; i += 1) {
      const before = Y.encodeStateVector(doc);
      doc.getText('t').insert(0, String(i % 10));
      appended.push(
        writer.append({
          meetingId: 'm',
          update: Y.encodeStateAsUpdate(doc, before),
          authorId: null,
        }),
      );
      if (i % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const seqs = await Promise.all(appended);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    const loaded = new Y.Doc();
    for (const update of (await sqlite.loadDocument('m')).updates) Y.applyUpdate(loaded, update);
    expect(loaded.getText('t').toString()).toBe(doc.getText('t').toString());
    await sqlite.close();
  });
});

describe('compaction interrupted at any point', () => {
  it('leaves the old snapshot and the whole log when it fails between writing the snapshot and trimming', async () => {
    const dataDir = makeDataDir();
    dirs.push(dataDir);
    const sqlite = openSqlite(dataDir);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (const word of ['beslut ', 'om ', 'budget'])
      doc.getText('t').insert(doc.getText('t').length, word);
    const seqs = await sqlite.appendUpdates(
      updates.map((update) => ({ meetingId: 'm', update, authorId: null })),
    );
    // Simulates a crash right after the snapshot row is written: the trim fails inside the
    // same transaction, which must then leave no trace of the half-done compaction.
    sqlite.database.exec(
      "CREATE TRIGGER fail_trim BEFORE DELETE ON doc_updates BEGIN SELECT RAISE(ABORT, 'power cut'); END",
    );
    await expect(sqlite.compact('m', Y.encodeStateAsUpdate(doc), seqs.at(-1) ?? 0)).rejects.toThrow(
      'power cut',
    );
    const loaded = await sqlite.loadDocument('m');
    expect(loaded.snapshot).toBeNull();
    expect(loaded.updates).toHaveLength(3);
    const replayed = new Y.Doc();
    for (const update of loaded.updates) Y.applyUpdate(replayed, update);
    expect(replayed.getText('t').toString()).toBe('beslut om budget');

    // Once the fault is gone, compaction completes and loading gives the same document.
    sqlite.database.exec('DROP TRIGGER fail_trim');
    await sqlite.compact('m', Y.encodeStateAsUpdate(doc), seqs.at(-1) ?? 0);
    const compacted = await sqlite.loadDocument('m');
    expect(compacted.updates).toHaveLength(0);
    const fromSnapshot = new Y.Doc();
    if (compacted.snapshot) Y.applyUpdate(fromSnapshot, compacted.snapshot);
    expect(fromSnapshot.getText('t').toString()).toBe('beslut om budget');
    await sqlite.close();
  });
});

describe('session claims', () => {
  it('are stored in the transaction of their update: neither without the other', async () => {
    const dataDir = makeDataDir();
    dirs.push(dataDir);
    const sqlite = openSqlite(dataDir);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getText('t').insert(0, 'först');
    doc.getText('t').insert(0, 'sedan ');
    // The claim fails to be written: the batch, its update included, must leave no trace.
    sqlite.database.exec(
      "CREATE TRIGGER fail_claim BEFORE INSERT ON doc_sessions BEGIN SELECT RAISE(ABORT, 'power cut'); END",
    );
    await expect(
      sqlite.appendUpdates([
        { meetingId: 'm', update: updates[0] ?? new Uint8Array(), authorId: 'anna' },
        {
          meetingId: 'm',
          update: updates[1] ?? new Uint8Array(),
          authorId: 'anna',
          claims: [doc.clientID],
        },
      ]),
    ).rejects.toThrow('power cut');
    expect(await sqlite.loadDocument('m')).toMatchObject({ updates: [], sessions: [] });
    await sqlite.close();
  });
});

describe('migration 6: rounds of justering superseded before it', () => {
  it('marks files issued before an earlier correction as superseded, with its reason and signers', async () => {
    const dataDir = makeDataDir();
    dirs.push(dataDir);
    // A database as version 5 left it: one correction made, its round's files and signatures kept.
    const old = databaseAtVersion(dataDir, 5);
    old.exec(`
      INSERT INTO users (id, email, name, password_hash, is_admin, created_at)
        VALUES ('u1', 'sara@example.org', 'Sara Sekreterare', 'x', 1, 0);
      INSERT INTO boards (id, name, organisation, created_by, created_at)
        VALUES ('b1', 'Styrelsen', '', 'u1', 0);
      INSERT INTO meetings (id, board_id, title, kind, date, first_paragraph, created_by, created_at)
        VALUES ('m1', 'b1', 'Styrelsemöte', 'board', '2026-11-27', 1, 'u1', 0);
      -- A meeting deleted since: its archived signatures stay behind without it.
      INSERT INTO doc_versions (id, meeting_id, label, reason, created_by, created_at, state)
        VALUES (3, 'gone', 'Justerat protokoll före rättelse', 'x', 'u1', 10, x'00');
      INSERT INTO signature_archive (meeting_id, version_id, user_id, role, name, signed_at, sha256)
        VALUES ('gone', 3, 'u1', 'chair', 'N N', 5, 'h');
      INSERT INTO doc_versions (id, meeting_id, label, reason, created_by, created_at, state)
        VALUES (7, 'm1', 'Justerat protokoll före rättelse', 'Fel datum', 'u1', 2000, x'00');
      INSERT INTO signature_archive (meeting_id, version_id, user_id, role, name, signed_at, sha256)
        VALUES ('m1', 7, 'u1', 'chair', 'Ulla Ordförande', 1000, 'h'),
               ('m1', 7, 'u2', 'secretary', 'Sara Sekreterare', 1100, 'h');
      INSERT INTO signed_files (sha256, meeting_id, format, created_at, data)
        VALUES ('before', 'm1', 'pdf', 1200, x'00'), ('after', 'm1', 'pdf', 3000, x'00');
    `);
    old.close();

    const storage = openSqlite(dataDir);
    const accounts = new SqliteAccountStore(storage.database);
    expect(await accounts.findSignedFile('before')).toEqual({
      meetingId: 'm1',
      format: 'pdf',
      supersededVersion: 7,
    });
    expect((await accounts.findSignedFile('after'))?.supersededVersion).toBeNull();
    expect(await accounts.supersededRound('m1', 7)).toMatchObject({
      adjustedOn: null,
      reason: 'Fel datum',
      correctedAt: 2000,
      signatures: [
        { name: 'Ulla Ordförande', role: 'chair', signedAt: 1000 },
        { name: 'Sara Sekreterare', role: 'secretary', signedAt: 1100 },
      ],
    });
    expect(await accounts.listCorrections('m1')).toEqual([
      { reason: 'Fel datum', correctedAt: 2000 },
    ]);
    await storage.close();
  });
});

describe('WAL checkpoints', () => {
  it('fold the log into the database file from a worker, never inside a commit', async () => {
    const dataDir = makeDataDirFor(dirs);
    const sqlite = openSqlite(dataDir);
    // Inside a commit a checkpoint would fsync on the event loop: the server's connections
    // never run one themselves.
    expect(sqlite.database.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const file = join(dataDir, 'justera.sqlite');
    const before = statSync(file).size;
    const update = new Uint8Array(4000).fill(7);
    for (let batch = 0; batch < 10; batch += 1) {
      await sqlite.appendUpdates(
        Array.from({ length: 50 }, () => ({ meetingId: 'm', update, authorId: null })),
      );
    }
    // 2 MB went to the WAL; the worker's next checkpoints copy it into the database file.
    const deadline = Date.now() + 5000;
    while (statSync(file).size - before < 1_500_000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(statSync(file).size - before).toBeGreaterThan(1_500_000);
    expect((await sqlite.loadDocument('m')).updates).toHaveLength(500);
    await sqlite.close();
  });
});

describe('the update log without a per-meeting index (migration 11)', () => {
  /** An update of one character, so each stored row is distinct. */
  function charUpdate(doc: Y.Doc, text: string): Uint8Array {
    let update: Uint8Array = new Uint8Array();
    const capture = (next: Uint8Array) => {
      update = next;
    };
    doc.on('update', capture);
    doc.getText('t').insert(doc.getText('t').length, text);
    doc.off('update', capture);
    return update;
  }
  const entry = (meetingId: string, update: Uint8Array): UpdateEntry => ({
    meetingId,
    update,
    authorId: null,
  });
  const textOf = async (storage: SqliteStorage, meetingId: string) => {
    const stored = await storage.loadDocument(meetingId);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    return doc.getText('t').toString();
  };

  it('finds each meeting’s tail among interleaved meetings, across compactions and a reopen', async () => {
    const dataDir = makeDataDirFor(dirs);
    let storage = openSqlite(dataDir);
    const docs = { a: new Y.Doc(), b: new Y.Doc(), c: new Y.Doc() };
    const typed = { a: '', b: '', c: '' };
    const type = async (round: number) => {
      const entries = (['a', 'b', 'c'] as const).map((id) => {
        const char = `${id}${round}`;
        typed[id] += char;
        return entry(id, charUpdate(docs[id], char));
      });
      return storage.appendUpdates(entries);
    };
    for (let round = 0; round < 5; round += 1) await type(round);
    // Fold b's log; a and c keep theirs.
    const seqs = await type(5);
    await storage.compact('b', Y.encodeStateAsUpdate(docs.b), seqs[1] ?? 0);
    expect((await storage.loadDocument('b')).updates).toHaveLength(0);
    for (let round = 6; round < 9; round += 1) await type(round);
    expect((await storage.loadDocument('b')).updates).toHaveLength(3);
    await storage.close();
    storage = openSqlite(dataDir);
    for (const id of ['a', 'b', 'c'] as const) expect(await textOf(storage, id)).toBe(typed[id]);
    expect((await storage.loadDocument('a')).updates).toHaveLength(9);
    expect(await storage.loadDocument('nobody')).toMatchObject({ updates: [], lastSeq: 0 });
    // The log has no index on meeting_id any more; each meeting with a tail has a head.
    const indexes = storage.database
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'doc_updates'")
      .all();
    expect(indexes).toEqual([]);
    const heads = storage.database
      .prepare('SELECT meeting_id AS id, first_seq AS seq FROM doc_log_heads ORDER BY meeting_id')
      .all() as { id: string; seq: number }[];
    expect(heads.map((head) => head.id)).toEqual(['a', 'b', 'c']);
    // Compacting everything of a meeting removes its head: nothing to find any more.
    const last = (await storage.loadDocument('c')).lastSeq;
    await storage.compact('c', Y.encodeStateAsUpdate(docs.c), last);
    expect(
      storage.database.prepare("SELECT * FROM doc_log_heads WHERE meeting_id = 'c'").all(),
    ).toEqual([]);
    expect(await textOf(storage, 'c')).toBe(typed.c);
    await storage.close();
  });

  it('finds every row of a batch that holds several of one meeting, after a compaction', async () => {
    const storage = openSqlite(makeDataDirFor(dirs));
    const doc = new Y.Doc();
    const seqs = await storage.appendUpdates([entry('k', charUpdate(doc, 'a'))]);
    await storage.compact('k', Y.encodeStateAsUpdate(doc), seqs[0] ?? 0);
    await storage.appendUpdates([
      entry('k', charUpdate(doc, 'b')),
      entry('other', charUpdate(new Y.Doc(), 'x')),
      entry('k', charUpdate(doc, 'c')),
    ]);
    expect((await storage.loadDocument('k')).updates).toHaveLength(2);
    expect(await textOf(storage, 'k')).toBe('abc');
    await storage.close();
  });

  it('migrates a version-10 log: every meeting keeps its tail', async () => {
    const dataDir = makeDataDirFor(dirs);
    const old = databaseAtVersion(dataDir, 10);
    const docs = { m: new Y.Doc(), n: new Y.Doc() };
    const insert = old.prepare(
      'INSERT INTO doc_updates (meeting_id, data, author_id, created_at) VALUES (?, ?, NULL, 0)',
    );
    for (let round = 0; round < 4; round += 1) {
      insert.run('m', Buffer.from(charUpdate(docs.m, `m${round}`)));
      insert.run('n', Buffer.from(charUpdate(docs.n, `n${round}`)));
    }
    old.close();

    const storage = openSqlite(dataDir);
    expect(await textOf(storage, 'm')).toBe('m0m1m2m3');
    expect(await textOf(storage, 'n')).toBe('n0n1n2n3');
    await storage.appendUpdates([entry('m', charUpdate(docs.m, 'm4'))]);
    expect(await textOf(storage, 'm')).toBe('m0m1m2m3m4');
    await storage.close();
  });
});
