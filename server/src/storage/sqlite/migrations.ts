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
  {
    version: 2,
    name: 'accounts, boards, meetings, roles and audit',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        is_admin INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      );
      -- Only the SHA-256 of a session or bearer token is stored: a stolen database holds no
      -- usable credentials.
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('session', 'bearer')),
        expires_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_user ON sessions (user_id);
      CREATE TABLE boards (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        organisation TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at INTEGER NOT NULL
      );
      CREATE TABLE board_members (
        board_id TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('admin', 'member', 'guest')),
        title TEXT NOT NULL DEFAULT '',
        joined_at INTEGER NOT NULL,
        PRIMARY KEY (board_id, user_id)
      );
      CREATE INDEX board_members_user ON board_members (user_id);
      CREATE TABLE invitations (
        token_hash TEXT PRIMARY KEY,
        board_id TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('admin', 'member', 'guest')),
        email TEXT,
        created_by TEXT NOT NULL REFERENCES users (id),
        expires_at INTEGER NOT NULL,
        used_at INTEGER,
        used_by TEXT REFERENCES users (id)
      );
      CREATE TABLE meetings (
        id TEXT PRIMARY KEY,
        board_id TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        date TEXT NOT NULL,
        start_time TEXT,
        place TEXT,
        first_paragraph INTEGER NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at INTEGER NOT NULL
      );
      CREATE INDEX meetings_board_date ON meetings (board_id, date);
      CREATE TABLE meeting_roles (
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('chair', 'secretary', 'adjuster', 'member', 'observer')),
        PRIMARY KEY (meeting_id, user_id)
      );
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        meeting_id TEXT NOT NULL,
        user_id TEXT,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}',
        at INTEGER NOT NULL
      );
      CREATE INDEX audit_log_meeting ON audit_log (meeting_id, id);
    `,
  },
  {
    version: 3,
    name: 'lifecycle, signatures, posting and signed files',
    sql: `
      ALTER TABLE meetings ADD COLUMN status TEXT NOT NULL DEFAULT 'draft';
      ALTER TABLE meetings ADD COLUMN adjusted_on TEXT;
      ALTER TABLE meetings ADD COLUMN posted_from TEXT;
      ALTER TABLE meetings ADD COLUMN posted_to TEXT;
      ALTER TABLE meetings ADD COLUMN storage_place TEXT;
      CREATE TABLE signatures (
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users (id),
        role TEXT NOT NULL CHECK (role IN ('chair', 'secretary', 'adjuster')),
        name TEXT NOT NULL,
        signed_at INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        PRIMARY KEY (meeting_id, user_id)
      );
      CREATE TABLE lifecycle_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_status TEXT NOT NULL,
        to_status TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      -- Hashes of the exact files Justera issued for signed minutes, for public verification.
      CREATE TABLE signed_files (
        sha256 TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        format TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'versions, corrections and issued files',
    sql: `
      -- Save points of a meeting document: the full Yjs state at that moment.
      CREATE TABLE doc_versions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        meeting_id TEXT NOT NULL,
        label TEXT NOT NULL,
        reason TEXT,
        created_by TEXT,
        created_at INTEGER NOT NULL,
        state BLOB NOT NULL
      );
      CREATE INDEX doc_versions_meeting ON doc_versions (meeting_id, id);
      -- Signatures of minutes that were later corrected: kept with the version they signed.
      CREATE TABLE signature_archive (
        meeting_id TEXT NOT NULL,
        version_id INTEGER NOT NULL,
        user_id TEXT NOT NULL,
        role TEXT NOT NULL,
        name TEXT NOT NULL,
        signed_at INTEGER NOT NULL,
        sha256 TEXT NOT NULL
      );
      ALTER TABLE signed_files ADD COLUMN data BLOB;
    `,
  },
  {
    version: 5,
    name: 'assignment follow-up',
    sql: `
      -- Assignments (uppdrag) marked done in the board's register; keyed by meeting and a
      -- fingerprint of the assignment, so editing other text of the minutes does not lose it.
      CREATE TABLE assignment_status (
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        assignment_key TEXT NOT NULL,
        done_at INTEGER NOT NULL,
        done_by TEXT NOT NULL,
        PRIMARY KEY (meeting_id, assignment_key)
      );
    `,
  },
  {
    version: 6,
    name: 'signing rounds superseded by corrections',
    sql: `
      -- A round of justering that a correction superseded: its justeringsdatum and the reason,
      -- so a file it signed still verifies as what it was (signers in signature_archive).
      CREATE TABLE superseded_rounds (
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        version_id INTEGER NOT NULL,
        adjusted_on TEXT,
        reason TEXT NOT NULL,
        corrected_at INTEGER NOT NULL,
        PRIMARY KEY (meeting_id, version_id)
      );
      -- The correction (its save point) that superseded the round that issued this file.
      ALTER TABLE signed_files ADD COLUMN superseded_version INTEGER;
      -- Corrections made before this migration: their save points hold reason and time; the
      -- justeringsdatum of those rounds was not kept.
      INSERT INTO superseded_rounds (meeting_id, version_id, adjusted_on, reason, corrected_at)
        SELECT DISTINCT a.meeting_id, a.version_id, NULL, COALESCE(v.reason, ''), v.created_at
          FROM signature_archive a JOIN doc_versions v ON v.id = a.version_id
          JOIN meetings m ON m.id = a.meeting_id;
      UPDATE signed_files SET superseded_version = (
        SELECT MIN(r.version_id) FROM superseded_rounds r
          WHERE r.meeting_id = signed_files.meeting_id AND r.corrected_at >= signed_files.created_at
      );
    `,
  },
  {
    version: 7,
    name: 'snapshot state vectors',
    sql: `
      -- The state vector of each snapshot (a few bytes), so a room can answer a joining client
      -- without decoding the whole snapshot first. Older rows have none and compute it.
      ALTER TABLE doc_snapshots ADD COLUMN state_vector BLOB;
    `,
  },
  {
    version: 8,
    name: 'instance settings',
    sql: `
      -- Settings of the whole server, changed by an instance admin: one row per setting.
      CREATE TABLE instance_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 9,
    name: 'member organisations',
    sql: `
      -- The organisation a member represents on the board (a municipality, an agency), which
      -- the attendance list takes over with the name and the title.
      ALTER TABLE board_members ADD COLUMN organisation TEXT NOT NULL DEFAULT '';
    `,
  },
  {
    version: 10,
    name: 'editing session owners',
    sql: `
      -- The account that first wrote content under each Yjs client id (editing session) of a
      -- meeting, written in the transaction of that content, so a room loaded again still knows
      -- whose session an id is (server/src/sync/sessionOwners.ts). Part of the document log:
      -- like doc_updates, keyed by meeting id without a foreign key.
      CREATE TABLE doc_sessions (
        meeting_id TEXT NOT NULL,
        client_id INTEGER NOT NULL,
        user_id TEXT NOT NULL,
        PRIMARY KEY (meeting_id, client_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 11,
    name: 'update log without a per-meeting index',
    sql: `
      -- A group commit holds updates of many meetings; with an index on (meeting_id, seq) it
      -- wrote one index leaf per meeting to the WAL on every commit (4x the commit time and 13x
      -- the WAL bytes of the append alone, measured). The log is now only appended in seq order,
      -- and each meeting's rows are found from the first seq of its uncompacted tail, written
      -- once per compaction cycle (with the meeting's first row after a compaction).
      CREATE TABLE doc_log_heads (
        meeting_id TEXT PRIMARY KEY,
        first_seq INTEGER NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO doc_log_heads (meeting_id, first_seq)
        SELECT meeting_id, MIN(seq) FROM doc_updates GROUP BY meeting_id;
      DROP INDEX doc_updates_meeting_seq;
    `,
  },
];
