import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { BoardRole, MeetingRole } from '../../../../shared/api/roles.ts';
import {
  type AccountStore,
  type AuditRecord,
  type BoardRecord,
  DuplicateEmailError,
  type InvitationOutcome,
  type InvitationRecord,
  type LifecycleRecord,
  type LifecycleTransition,
  type MeetingRecord,
  type MemberRecord,
  type NewBoard,
  type NewMeeting,
  type NewUser,
  type SessionRecord,
  type SignatureRecord,
  type SupersededRound,
  type UserRecord,
} from '../accountStore.ts';

/** Random URL-safe ids: unguessable, so an id alone never grants anything. */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}

const boardRank: Record<BoardRole, number> = { guest: 0, member: 1, admin: 2 };

interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_admin: number;
  created_at: number;
}

interface MeetingRow {
  id: string;
  board_id: string;
  title: string;
  kind: string;
  date: string;
  start_time: string | null;
  place: string | null;
  first_paragraph: number;
  created_by: string;
}

const toUser = (row: UserRow): UserRecord => ({
  id: row.id,
  email: row.email,
  name: row.name,
  passwordHash: row.password_hash,
  isAdmin: row.is_admin === 1,
  createdAt: row.created_at,
});

const toMeeting = (row: MeetingRow): MeetingRecord => ({
  id: row.id,
  boardId: row.board_id,
  title: row.title,
  kind: row.kind,
  date: row.date,
  startTime: row.start_time,
  place: row.place,
  firstParagraph: row.first_paragraph,
  createdBy: row.created_by,
});

/** AccountStore on the same SQLite database as the documents (migration 2). */
export class SqliteAccountStore implements AccountStore {
  /** Prepared statements by SQL text: compiled once, not on every socket upgrade. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private sql(source: string): Database.Statement {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }

  async countUsers(): Promise<number> {
    return (this.sql('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  async openSignup(): Promise<boolean> {
    const row = this.sql("SELECT value FROM instance_settings WHERE key = 'open_signup'").get() as
      | { value: string }
      | undefined;
    return row?.value === 'true';
  }

  async setOpenSignup(open: boolean): Promise<void> {
    this.sql(
      "INSERT INTO instance_settings (key, value) VALUES ('open_signup', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(String(open));
  }

  async createUser(user: NewUser): Promise<UserRecord> {
    return this.insertUser(user);
  }

  private insertUser(user: NewUser): UserRecord {
    const record: UserRecord = { ...user, id: newId(), createdAt: Date.now() };
    try {
      this.sql(
        'INSERT INTO users (id, email, name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(
        record.id,
        record.email,
        record.name,
        record.passwordHash,
        user.isAdmin ? 1 : 0,
        record.createdAt,
      );
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new DuplicateEmailError('email already registered');
      }
      throw error;
    }
    return record;
  }

  async findUserByEmail(email: string): Promise<UserRecord | null> {
    const row = this.sql('SELECT * FROM users WHERE email = ?').get(email) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  async findUserById(userId: string): Promise<UserRecord | null> {
    const row = this.sql('SELECT * FROM users WHERE id = ?').get(userId) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    this.sql('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, userId);
  }

  async createSession(session: SessionRecord): Promise<void> {
    this.sql(
      'INSERT INTO sessions (token_hash, user_id, kind, expires_at, created_at) VALUES (?, ?, ?, ?, ?)',
    ).run(session.tokenHash, session.userId, session.kind, session.expiresAt, Date.now());
  }

  async findSession(tokenHash: string, now: number): Promise<SessionRecord | null> {
    const row = this.sql(
      'SELECT token_hash, user_id, kind, expires_at FROM sessions WHERE token_hash = ?',
    ).get(tokenHash) as
      | { token_hash: string; user_id: string; kind: 'session' | 'bearer'; expires_at: number }
      | undefined;
    if (!row) return null;
    if (row.expires_at <= now) {
      this.sql('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
      return null;
    }
    return {
      tokenHash: row.token_hash,
      userId: row.user_id,
      kind: row.kind,
      expiresAt: row.expires_at,
    };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.sql('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  }

  async deleteSessionsOfUser(userId: string, keepTokenHash: string | null): Promise<void> {
    this.sql('DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?').run(
      userId,
      keepTokenHash,
    );
  }

  async createBoard(board: NewBoard): Promise<BoardRecord> {
    const id = newId();
    this.db.transaction(() => {
      const now = Date.now();
      this.sql(
        'INSERT INTO boards (id, name, organisation, created_by, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(id, board.name, board.organisation, board.createdBy, now);
      this.sql(
        'INSERT INTO board_members (board_id, user_id, role, title, joined_at) VALUES (?, ?, ?, ?, ?)',
      ).run(id, board.createdBy, 'admin', '', now);
    })();
    return { id, name: board.name, organisation: board.organisation };
  }

  async findBoard(boardId: string): Promise<BoardRecord | null> {
    return (
      (this.sql('SELECT id, name, organisation FROM boards WHERE id = ?').get(boardId) as
        | BoardRecord
        | undefined) ?? null
    );
  }

  async listBoardsOf(userId: string): Promise<Array<BoardRecord & { role: BoardRole }>> {
    return this.sql(
      `SELECT b.id, b.name, b.organisation, m.role FROM boards b
         JOIN board_members m ON m.board_id = b.id WHERE m.user_id = ? ORDER BY b.name`,
    ).all(userId) as Array<BoardRecord & { role: BoardRole }>;
  }

  async membership(boardId: string, userId: string): Promise<MemberRecord | null> {
    return (
      (this.sql(
        'SELECT board_id AS boardId, user_id AS userId, role, title, organisation FROM board_members WHERE board_id = ? AND user_id = ?',
      ).get(boardId, userId) as MemberRecord | undefined) ?? null
    );
  }

  async listMembers(
    boardId: string,
  ): Promise<Array<MemberRecord & { name: string; email: string }>> {
    return this.sql(
      `SELECT m.board_id AS boardId, m.user_id AS userId, m.role, m.title, m.organisation, u.name, u.email
         FROM board_members m JOIN users u ON u.id = m.user_id WHERE m.board_id = ? ORDER BY u.name`,
    ).all(boardId) as Array<MemberRecord & { name: string; email: string }>;
  }

  async updateMember(
    boardId: string,
    userId: string,
    patch: {
      role?: BoardRole | undefined;
      title?: string | undefined;
      organisation?: string | undefined;
    },
  ): Promise<void> {
    if (patch.role !== undefined) {
      this.sql('UPDATE board_members SET role = ? WHERE board_id = ? AND user_id = ?').run(
        patch.role,
        boardId,
        userId,
      );
    }
    if (patch.title !== undefined) {
      this.sql('UPDATE board_members SET title = ? WHERE board_id = ? AND user_id = ?').run(
        patch.title,
        boardId,
        userId,
      );
    }
    if (patch.organisation !== undefined) {
      this.sql('UPDATE board_members SET organisation = ? WHERE board_id = ? AND user_id = ?').run(
        patch.organisation,
        boardId,
        userId,
      );
    }
  }

  async createInvitation(invitation: InvitationRecord): Promise<void> {
    this.sql(
      `INSERT INTO invitations (token_hash, board_id, role, email, created_by, expires_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(
      invitation.tokenHash,
      invitation.boardId,
      invitation.role,
      invitation.email,
      invitation.createdBy,
      invitation.expiresAt,
    );
  }

  async findInvitation(
    tokenHash: string,
  ): Promise<(InvitationRecord & { usedAt: number | null }) | null> {
    const row = this.sql(
      `SELECT token_hash AS tokenHash, board_id AS boardId, role, email, created_by AS createdBy,
                expires_at AS expiresAt, used_at AS usedAt FROM invitations WHERE token_hash = ?`,
    ).get(tokenHash) as (InvitationRecord & { usedAt: number | null }) | undefined;
    return row ?? null;
  }

  async listInvitations(boardId: string): Promise<
    Array<{
      id: string;
      role: BoardRole;
      email: string | null;
      expiresAt: number;
      usedAt: number | null;
    }>
  > {
    return this.sql(
      `SELECT substr(token_hash, 1, 16) AS id, role, email, expires_at AS expiresAt, used_at AS usedAt
         FROM invitations WHERE board_id = ? ORDER BY expires_at DESC`,
    ).all(boardId) as Array<{
      id: string;
      role: BoardRole;
      email: string | null;
      expiresAt: number;
      usedAt: number | null;
    }>;
  }

  async revokeInvitation(boardId: string, id: string): Promise<boolean> {
    if (!/^[0-9a-f]{16}$/.test(id)) return false;
    const result = this.sql(
      'DELETE FROM invitations WHERE board_id = ? AND substr(token_hash, 1, 16) = ? AND used_at IS NULL',
    ).run(boardId, id);
    return result.changes > 0;
  }

  async acceptInvitation(
    tokenHash: string,
    now: number,
    who: { userId: string } | { newUser: NewUser },
  ): Promise<InvitationOutcome> {
    // One transaction: two people racing with the same link cannot both get in.
    const accept = this.db.transaction((): InvitationOutcome => {
      const invitation = this.sql(
        'SELECT board_id, role, email, expires_at, used_at FROM invitations WHERE token_hash = ?',
      ).get(tokenHash) as
        | {
            board_id: string;
            role: BoardRole;
            email: string | null;
            expires_at: number;
            used_at: number | null;
          }
        | undefined;
      if (!invitation) return { ok: false, reason: 'not_found' };
      if (invitation.used_at !== null) return { ok: false, reason: 'used' };
      if (invitation.expires_at <= now) return { ok: false, reason: 'expired' };
      let userId: string;
      let email: string;
      if ('newUser' in who) {
        if (this.sql('SELECT 1 FROM users WHERE email = ?').get(who.newUser.email)) {
          return { ok: false, reason: 'email_taken' };
        }
        const user = this.insertUser(who.newUser);
        userId = user.id;
        email = user.email;
      } else {
        userId = who.userId;
        email = (this.sql('SELECT email FROM users WHERE id = ?').get(userId) as { email: string })
          .email;
      }
      if (invitation.email !== null && invitation.email.toLowerCase() !== email.toLowerCase()) {
        // Throwing rolls back the account created above.
        throw new WrongInvitationEmail();
      }
      this.sql('UPDATE invitations SET used_at = ?, used_by = ? WHERE token_hash = ?').run(
        now,
        userId,
        tokenHash,
      );
      const existing = this.sql(
        'SELECT role FROM board_members WHERE board_id = ? AND user_id = ?',
      ).get(invitation.board_id, userId) as { role: BoardRole } | undefined;
      if (!existing) {
        this.sql(
          'INSERT INTO board_members (board_id, user_id, role, title, joined_at) VALUES (?, ?, ?, ?, ?)',
        ).run(invitation.board_id, userId, invitation.role, '', now);
      } else if (boardRank[invitation.role] > boardRank[existing.role]) {
        this.sql('UPDATE board_members SET role = ? WHERE board_id = ? AND user_id = ?').run(
          invitation.role,
          invitation.board_id,
          userId,
        );
      }
      return { ok: true, boardId: invitation.board_id, userId };
    });
    try {
      return accept();
    } catch (error) {
      if (error instanceof WrongInvitationEmail) return { ok: false, reason: 'wrong_email' };
      throw error;
    }
  }

  async createMeeting(meeting: NewMeeting): Promise<MeetingRecord> {
    const record: MeetingRecord = { ...meeting, id: newId() };
    this.db.transaction(() => {
      this.sql(
        `INSERT INTO meetings (id, board_id, title, kind, date, start_time, place, first_paragraph, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        record.id,
        record.boardId,
        record.title,
        record.kind,
        record.date,
        record.startTime,
        record.place,
        record.firstParagraph,
        record.createdBy,
        Date.now(),
      );
      // Whoever creates the meeting keeps its minutes until someone else is made secretary.
      this.sql('INSERT INTO meeting_roles (meeting_id, user_id, role) VALUES (?, ?, ?)').run(
        record.id,
        record.createdBy,
        'secretary',
      );
    })();
    return record;
  }

  async findMeeting(meetingId: string): Promise<MeetingRecord | null> {
    const row = this.sql('SELECT * FROM meetings WHERE id = ?').get(meetingId) as
      | MeetingRow
      | undefined;
    return row ? toMeeting(row) : null;
  }

  async listMeetings(boardId: string): Promise<MeetingRecord[]> {
    return (
      this.sql('SELECT * FROM meetings WHERE board_id = ? ORDER BY date DESC, start_time DESC').all(
        boardId,
      ) as MeetingRow[]
    ).map(toMeeting);
  }

  async setMeetingRole(meetingId: string, userId: string, role: MeetingRole): Promise<void> {
    this.sql(
      `INSERT INTO meeting_roles (meeting_id, user_id, role) VALUES (?, ?, ?)
         ON CONFLICT (meeting_id, user_id) DO UPDATE SET role = excluded.role`,
    ).run(meetingId, userId, role);
  }

  async meetingRoleOf(meetingId: string, userId: string): Promise<MeetingRole | null> {
    const row = this.sql('SELECT role FROM meeting_roles WHERE meeting_id = ? AND user_id = ?').get(
      meetingId,
      userId,
    ) as { role: MeetingRole } | undefined;
    return row?.role ?? null;
  }

  async listMeetingRoles(
    meetingId: string,
  ): Promise<Array<{ userId: string; name: string; role: MeetingRole }>> {
    return this.sql(
      `SELECT r.user_id AS userId, u.name, r.role FROM meeting_roles r
         JOIN users u ON u.id = r.user_id WHERE r.meeting_id = ? ORDER BY u.name`,
    ).all(meetingId) as Array<{ userId: string; name: string; role: MeetingRole }>;
  }

  async transitionMeeting(transition: LifecycleTransition): Promise<boolean> {
    return this.db.transaction(() => {
      const changed = this.sql('UPDATE meetings SET status = ? WHERE id = ? AND status = ?').run(
        transition.to,
        transition.meetingId,
        transition.from,
      ).changes;
      if (changed === 0) return false;
      if (transition.posting) {
        this.sql(
          'UPDATE meetings SET posted_from = ?, posted_to = ?, storage_place = ? WHERE id = ?',
        ).run(
          transition.posting.postedFrom,
          transition.posting.postedTo,
          transition.posting.storagePlace,
          transition.meetingId,
        );
      }
      this.sql(
        `INSERT INTO lifecycle_events (meeting_id, user_id, action, from_status, to_status, at)
           VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(
        transition.meetingId,
        transition.userId,
        transition.action,
        transition.from,
        transition.to,
        transition.at,
      );
      return true;
    })();
  }

  async meetingLifecycle(meetingId: string): Promise<LifecycleRecord | null> {
    const row = this.sql(
      'SELECT status, adjusted_on, posted_from, posted_to, storage_place FROM meetings WHERE id = ?',
    ).get(meetingId) as
      | {
          status: string;
          adjusted_on: string | null;
          posted_from: string | null;
          posted_to: string | null;
          storage_place: string | null;
        }
      | undefined;
    if (!row) return null;
    return {
      status: row.status,
      adjustedOn: row.adjusted_on,
      posting:
        row.posted_from && row.posted_to
          ? {
              postedFrom: row.posted_from,
              postedTo: row.posted_to,
              storagePlace: row.storage_place ?? '',
            }
          : null,
    };
  }

  async listSignatures(meetingId: string): Promise<SignatureRecord[]> {
    return this.sql(
      `SELECT meeting_id AS meetingId, user_id AS userId, role, name, signed_at AS signedAt, sha256
         FROM signatures WHERE meeting_id = ? ORDER BY signed_at, user_id`,
    ).all(meetingId) as SignatureRecord[];
  }

  async addSignature(signature: SignatureRecord): Promise<boolean> {
    const result = this.sql(
      `INSERT INTO signatures (meeting_id, user_id, role, name, signed_at, sha256)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ).run(
      signature.meetingId,
      signature.userId,
      signature.role,
      signature.name,
      signature.signedAt,
      signature.sha256,
    );
    return result.changes === 1;
  }

  async setAdjustedOn(meetingId: string, date: string): Promise<void> {
    this.sql('UPDATE meetings SET adjusted_on = ? WHERE id = ?').run(date, meetingId);
  }

  async addSignedFile(
    sha256: string,
    meetingId: string,
    format: string,
    data: Uint8Array,
  ): Promise<void> {
    this.sql(
      'INSERT INTO signed_files (sha256, meeting_id, format, created_at, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ).run(sha256, meetingId, format, Date.now(), Buffer.from(data));
  }

  async listSignedFiles(
    meetingId: string,
  ): Promise<Array<{ sha256: string; format: string; createdAt: number }>> {
    return this.sql(
      'SELECT sha256, format, created_at AS createdAt FROM signed_files WHERE meeting_id = ? ORDER BY created_at DESC, format',
    ).all(meetingId) as Array<{ sha256: string; format: string; createdAt: number }>;
  }

  async signedFileData(
    meetingId: string,
    sha256: string,
  ): Promise<{ format: string; data: Uint8Array } | null> {
    const row = this.sql(
      'SELECT format, data FROM signed_files WHERE meeting_id = ? AND sha256 = ? AND data IS NOT NULL',
    ).get(meetingId, sha256) as { format: string; data: Buffer } | undefined;
    return row ? { format: row.format, data: new Uint8Array(row.data) } : null;
  }

  async archiveSignatures(
    meetingId: string,
    versionId: number,
    correction: { reason: string; at: number },
  ): Promise<void> {
    this.db.transaction(() => {
      this.sql(
        `INSERT INTO signature_archive (meeting_id, version_id, user_id, role, name, signed_at, sha256)
           SELECT meeting_id, ?, user_id, role, name, signed_at, sha256 FROM signatures WHERE meeting_id = ?`,
      ).run(versionId, meetingId);
      this.sql(
        `INSERT INTO superseded_rounds (meeting_id, version_id, adjusted_on, reason, corrected_at)
           SELECT id, ?, adjusted_on, ?, ? FROM meetings WHERE id = ?`,
      ).run(versionId, correction.reason, correction.at, meetingId);
      this.sql(
        'UPDATE signed_files SET superseded_version = ? WHERE meeting_id = ? AND superseded_version IS NULL',
      ).run(versionId, meetingId);
      this.sql('DELETE FROM signatures WHERE meeting_id = ?').run(meetingId);
      this.sql(
        'UPDATE meetings SET adjusted_on = NULL, posted_from = NULL, posted_to = NULL, storage_place = NULL WHERE id = ?',
      ).run(meetingId);
    })();
  }

  async findSignedFile(sha256: string): Promise<{
    meetingId: string;
    format: string;
    supersededVersion: number | null;
  } | null> {
    return (
      (this.sql(
        'SELECT meeting_id AS meetingId, format, superseded_version AS supersededVersion FROM signed_files WHERE sha256 = ?',
      ).get(sha256) as
        | { meetingId: string; format: string; supersededVersion: number | null }
        | undefined) ?? null
    );
  }

  async supersededRound(meetingId: string, versionId: number): Promise<SupersededRound | null> {
    const round = this.sql(
      `SELECT adjusted_on AS adjustedOn, reason, corrected_at AS correctedAt
         FROM superseded_rounds WHERE meeting_id = ? AND version_id = ?`,
    ).get(meetingId, versionId) as Omit<SupersededRound, 'versionId' | 'signatures'> | undefined;
    if (!round) return null;
    const signatures = this.sql(
      `SELECT user_id AS userId, role, name, signed_at AS signedAt, sha256 FROM signature_archive
         WHERE meeting_id = ? AND version_id = ? ORDER BY signed_at, user_id`,
    ).all(meetingId, versionId) as SupersededRound['signatures'];
    return { versionId, ...round, signatures };
  }

  async listCorrections(
    meetingId: string,
  ): Promise<Array<{ reason: string; correctedAt: number }>> {
    return this.sql(
      `SELECT reason, corrected_at AS correctedAt FROM superseded_rounds
         WHERE meeting_id = ? ORDER BY corrected_at, version_id`,
    ).all(meetingId) as Array<{ reason: string; correctedAt: number }>;
  }

  async doneAssignments(
    meetingIds: readonly string[],
  ): Promise<Map<string, { doneAt: number; doneBy: string }>> {
    const done = new Map<string, { doneAt: number; doneBy: string }>();
    const select = this.sql(
      'SELECT assignment_key AS key, done_at AS doneAt, done_by AS doneBy FROM assignment_status WHERE meeting_id = ?',
    );
    for (const meetingId of meetingIds) {
      for (const row of select.all(meetingId) as Array<{
        key: string;
        doneAt: number;
        doneBy: string;
      }>) {
        done.set(`${meetingId}/${row.key}`, { doneAt: row.doneAt, doneBy: row.doneBy });
      }
    }
    return done;
  }

  async setAssignmentDone(
    meetingId: string,
    key: string,
    done: { at: number; by: string } | null,
  ): Promise<void> {
    if (done === null) {
      this.sql('DELETE FROM assignment_status WHERE meeting_id = ? AND assignment_key = ?').run(
        meetingId,
        key,
      );
      return;
    }
    this.sql(
      `INSERT INTO assignment_status (meeting_id, assignment_key, done_at, done_by) VALUES (?, ?, ?, ?)
         ON CONFLICT (meeting_id, assignment_key) DO UPDATE SET done_at = excluded.done_at, done_by = excluded.done_by`,
    ).run(meetingId, key, done.at, done.by);
  }

  async appendAudit(entries: readonly AuditRecord[]): Promise<void> {
    const insert = this.sql(
      'INSERT INTO audit_log (meeting_id, user_id, action, detail, at) VALUES (?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const entry of entries) {
        insert.run(
          entry.meetingId,
          entry.userId,
          entry.action,
          JSON.stringify({ itemIds: entry.itemIds }),
          entry.at,
        );
      }
    })();
  }

  async listAudit(
    meetingId: string,
    limit: number,
  ): Promise<Array<AuditRecord & { userName: string | null }>> {
    const rows = this.sql(
      `SELECT a.meeting_id, a.user_id, a.action, a.detail, a.at, u.name AS user_name
         FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
         WHERE a.meeting_id = ? ORDER BY a.id DESC LIMIT ?`,
    ).all(meetingId, limit) as Array<{
      meeting_id: string;
      user_id: string | null;
      action: string;
      detail: string;
      at: number;
      user_name: string | null;
    }>;
    return rows.map((row) => ({
      meetingId: row.meeting_id,
      userId: row.user_id,
      userName: row.user_name,
      action: row.action,
      itemIds: (JSON.parse(row.detail) as { itemIds?: string[] }).itemIds ?? [],
      at: row.at,
    }));
  }
}

/** Internal: aborts the accept transaction when the invitation was for another address. */
class WrongInvitationEmail extends Error {}
