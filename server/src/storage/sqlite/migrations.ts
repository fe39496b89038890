/**
 * Schema migrations, applied in order at start-up inside one transaction each. Never edit a
 * migration that has shipped; add a new one.
 */
export const migrations: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'document log and snapshots',
    sql: `
      CREATE TABLE doc_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        meeting_id TEXT NOT NULL,
        data BLOB NOT NULL,
        author_id TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX doc_updates_meeting_seq ON doc_updates (meeting_id, seq);
      CREATE TABLE doc_snapshots (
        meeting_id TEXT PRIMARY KEY,
        data BLOB NOT NULL,
        upto_seq INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
    `,
  },
];
