import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { NewVersion, Storage, StoredDocument, UpdateEntry, VersionInfo } from '../storage.ts';
import { migrations } from './migrations.ts';
import { WalCheckpointer } from './walCheckpointer.ts';
import { WalFlusher } from './walFlusher.ts';

/** The database file inside DATA_DIR. */
export const databaseFileName = 'justera.sqlite';

export interface SqliteOptions {
  dataDir: string;
  /** 'full' fsyncs every commit; 'normal' (WAL) survives process crashes but not power loss. */
  synchronous: 'full' | 'normal';
  fileName?: string;
  /** Told when a background WAL checkpoint fails (default: a process warning). */
  onBackgroundError?: (error: Error) => void;
}

/**
 * The embedded default: one SQLite file in the data directory, WAL mode. better-sqlite3 is
 * synchronous, so a commit has reached the OS when a call returns; with synchronous 'full'
 * update-log commits are on disk once whenDurable resolves (WalFlusher, off the event loop) and
 * everything else is fsynced by SQLite inside its commit.
 */
export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  /**
   * The update log's own connection. With synchronous 'full' it commits without SQLite's fsync
   * and `walFlusher` makes commits durable off the event loop (see walFlusher.ts); the main
   * connection (accounts, lifecycle, signatures) keeps SQLite's own per-commit fsync.
   */
  private readonly logDb: Database.Database;
  private readonly walFlusher: WalFlusher | null;
  private readonly checkpointer: WalCheckpointer;
  private readonly insertUpdate: Database.Statement<[string, Buffer, string | null, number]>;
  private readonly insertSession: Database.Statement<[string, number, string]>;
  private readonly selectSnapshot: Database.Statement<
    [string],
    { data: Buffer; upto_seq: number; state_vector: Buffer | null }
  >;
  private readonly selectTail: Database.Statement<
    [{ meetingId: string; afterSeq: number }],
    { seq: number; data: Buffer }
  >;
  private readonly selectSessions: Database.Statement<
    [string],
    { clientId: number; userId: string }
  >;
  private readonly upsertSnapshot: Database.Statement<
    [string, Buffer, number, number, Buffer | null]
  >;
  private readonly deleteUpTo: Database.Statement<[{ meetingId: string; upToSeq: number }]>;
  private readonly insertLogHead: Database.Statement<[string, number]>;
  private readonly deleteLogHead: Database.Statement<[string]>;
  private readonly insertLogHeadAfter: Database.Statement<[{ meetingId: string; upToSeq: number }]>;
  private readonly appendMany: (entries: readonly UpdateEntry[]) => number[];
  private readonly compactTx: (
    meetingId: string,
    snapshot: Buffer,
    upToSeq: number,
    stateVector: Buffer | null,
  ) => void;

  constructor(options: SqliteOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    const file = join(options.dataDir, options.fileName ?? databaseFileName);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    // Checkpoints fsync: they run in WalCheckpointer's thread, never inside a commit here.
    this.db.pragma('wal_autocheckpoint = 0');
    migrate(this.db);
    this.logDb = new Database(file);
    this.logDb.pragma('synchronous = NORMAL');
    this.logDb.pragma('wal_autocheckpoint = 0');
    this.logDb.pragma('busy_timeout = 5000');
    this.logDb.pragma('foreign_keys = ON');
    this.walFlusher = options.synchronous === 'full' ? new WalFlusher(`${file}-wal`) : null;
    this.checkpointer = new WalCheckpointer(
      file,
      options.onBackgroundError ?? ((error) => process.emitWarning(error)),
    );

    this.insertUpdate = this.logDb.prepare(
      'INSERT INTO doc_updates (meeting_id, data, author_id, created_at) VALUES (?, ?, ?, ?)',
    );
    // The first claim of a client id wins: a later one (which the room refuses anyway) is a no-op.
    this.insertSession = this.logDb.prepare(
      'INSERT OR IGNORE INTO doc_sessions (meeting_id, client_id, user_id) VALUES (?, ?, ?)',
    );
    this.selectSnapshot = this.db.prepare(
      'SELECT data, upto_seq, state_vector FROM doc_snapshots WHERE meeting_id = ?',
    );
    // The log has no per-meeting index (migration 11): a meeting's rows are read by a seq range
    // scan from the first seq of its tail (doc_log_heads), which only spans the uncompacted
    // tails of meetings written since.
    this.selectTail = this.db.prepare(
      // One bound, so that SQLite seeks to it (max() is NULL, and nothing is read, without a head).
      `SELECT seq, data FROM doc_updates
       WHERE seq > max(@afterSeq,
               (SELECT first_seq - 1 FROM doc_log_heads WHERE meeting_id = @meetingId))
         AND meeting_id = @meetingId
       ORDER BY seq`,
    );
    this.selectSessions = this.db.prepare(
      'SELECT client_id AS clientId, user_id AS userId FROM doc_sessions WHERE meeting_id = ? ORDER BY client_id',
    );
    this.upsertSnapshot = this.logDb.prepare(
      `INSERT INTO doc_snapshots (meeting_id, data, upto_seq, created_at, state_vector)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (meeting_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq,
         created_at = excluded.created_at, state_vector = excluded.state_vector`,
    );
    this.deleteUpTo = this.logDb.prepare(
      `DELETE FROM doc_updates
       WHERE seq >= (SELECT first_seq FROM doc_log_heads WHERE meeting_id = @meetingId)
         AND seq <= @upToSeq AND meeting_id = @meetingId`,
    );
    // Written with a meeting's first row after a compaction; a no-op (a read) for the others.
    this.insertLogHead = this.logDb.prepare(
      'INSERT OR IGNORE INTO doc_log_heads (meeting_id, first_seq) VALUES (?, ?)',
    );
    // After a compaction: the tail starts at the meeting's first row left, if there is one.
    this.deleteLogHead = this.logDb.prepare('DELETE FROM doc_log_heads WHERE meeting_id = ?');
    this.insertLogHeadAfter = this.logDb.prepare(
      `INSERT INTO doc_log_heads (meeting_id, first_seq)
       SELECT @meetingId, min(seq) FROM doc_updates WHERE seq > @upToSeq AND meeting_id = @meetingId
       HAVING min(seq) IS NOT NULL`,
    );

    this.appendMany = this.logDb.transaction((entries: readonly UpdateEntry[]) => {
      const now = Date.now();
      // A meeting's head is its first row's seq: later rows of the batch leave it as it is.
      const headed = new Set<string>();
      return entries.map((entry) => {
        const seq = Number(
          this.insertUpdate.run(entry.meetingId, toBuffer(entry.update), entry.authorId, now)
            .lastInsertRowid,
        );
        if (!headed.has(entry.meetingId)) {
          headed.add(entry.meetingId);
          this.insertLogHead.run(entry.meetingId, seq);
        }
        // In the update's transaction: a claim is stored if and only if its content is.
        if (entry.authorId !== null) {
          for (const clientId of entry.claims ?? []) {
            this.insertSession.run(entry.meetingId, clientId, entry.authorId);
          }
        }
        return seq;
      });
    });
    this.compactTx = this.logDb.transaction(
      (meetingId: string, snapshot: Buffer, upToSeq: number, stateVector: Buffer | null) => {
        this.upsertSnapshot.run(meetingId, snapshot, upToSeq, Date.now(), stateVector);
        this.deleteUpTo.run({ meetingId, upToSeq });
        this.deleteLogHead.run(meetingId);
        this.insertLogHeadAfter.run({ meetingId, upToSeq });
      },
    );
  }

  /** The open database, shared with SqliteAccountStore (one file, one connection). */
  get database(): Database.Database {
    return this.db;
  }

  async appendUpdates(entries: readonly UpdateEntry[]): Promise<number[]> {
    if (entries.length === 0) return [];
    // Committed here, synchronously, so batches are committed in the order they are given.
    return this.appendMany(entries);
  }

  /**
   * With synchronous 'full', one fdatasync of the WAL (off the event loop, shared by every caller
   * while it runs); with 'normal' a commit is as durable as it gets (a process crash keeps it, a
   * power cut may not), so there is nothing to wait for.
   */
  async whenDurable(): Promise<void> {
    await this.walFlusher?.flush();
  }

  async loadDocument(meetingId: string): Promise<StoredDocument> {
    // One read transaction so a concurrent compaction cannot slip between the queries, and the
    // session owners match the content read with them.
    return this.db.transaction(() => {
      const snapshot = this.selectSnapshot.get(meetingId);
      const tail = this.selectTail.all({ meetingId, afterSeq: snapshot?.upto_seq ?? 0 });
      return {
        snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
        snapshotStateVector: snapshot?.state_vector ? new Uint8Array(snapshot.state_vector) : null,
        updates: tail.map((row) => new Uint8Array(row.data)),
        lastSeq: tail.at(-1)?.seq ?? snapshot?.upto_seq ?? 0,
        sessions: this.selectSessions.all(meetingId),
      };
    })();
  }

  async compact(
    meetingId: string,
    snapshot: Uint8Array,
    upToSeq: number,
    stateVector?: Uint8Array,
  ): Promise<void> {
    this.compactTx(
      meetingId,
      toBuffer(snapshot),
      upToSeq,
      stateVector ? toBuffer(stateVector) : null,
    );
  }

  async saveVersion(version: NewVersion): Promise<number> {
    const result = this.db
      .prepare(
        'INSERT INTO doc_versions (meeting_id, label, reason, created_by, created_at, state) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        version.meetingId,
        version.label,
        version.reason,
        version.createdBy,
        Date.now(),
        toBuffer(version.state),
      );
    return Number(result.lastInsertRowid);
  }

  async listVersions(meetingId: string): Promise<VersionInfo[]> {
    return this.db
      .prepare(
        `SELECT id, meeting_id AS meetingId, label, reason, created_by AS createdBy, created_at AS createdAt
         FROM doc_versions WHERE meeting_id = ? ORDER BY id`,
      )
      .all(meetingId) as VersionInfo[];
  }

  async loadVersion(
    meetingId: string,
    versionId: number,
  ): Promise<(VersionInfo & { state: Uint8Array }) | null> {
    const row = this.db
      .prepare(
        `SELECT id, meeting_id AS meetingId, label, reason, created_by AS createdBy, created_at AS createdAt, state
         FROM doc_versions WHERE meeting_id = ? AND id = ?`,
      )
      .get(meetingId, versionId) as (VersionInfo & { state: Buffer }) | undefined;
    return row ? { ...row, state: new Uint8Array(row.state) } : null;
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    await this.checkpointer.close();
    await this.walFlusher?.close();
    if (this.logDb.open) this.logDb.close();
    if (this.db.open) this.db.close();
  }
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function migrate(db: Database.Database): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  const applied = new Set(
    db
      .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
      .all()
      .map((row) => row.version),
  );
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, Date.now());
    })();
  }
}
