import type { BoardRole, MeetingRole } from '../../../shared/api/roles.ts';

/**
 * Relational data beside the documents: users, sessions, boards, members, invitations, meetings,
 * per-meeting roles and the audit log. Like Storage, an interface, so PostgreSQL can implement it
 * for deployments with several server instances.
 */
export interface AccountStore {
  countUsers(): Promise<number>;
  /** Throws DuplicateEmailError when the address is taken. */
  createUser(user: NewUser): Promise<UserRecord>;
  findUserByEmail(email: string): Promise<UserRecord | null>;
  findUserById(userId: string): Promise<UserRecord | null>;
  setPasswordHash(userId: string, passwordHash: string): Promise<void>;
  /** Whether anyone may create an account without an invitation (off unless an admin said so). */
  openSignup(): Promise<boolean>;
  setOpenSignup(open: boolean): Promise<void>;

  createSession(session: SessionRecord): Promise<void>;
  /** A session or bearer token by the hash of its secret, or null (also when expired). */
  findSession(tokenHash: string, now: number): Promise<SessionRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of a user except `keepTokenHash` (after a password change). */
  deleteSessionsOfUser(userId: string, keepTokenHash: string | null): Promise<void>;

  /** Creates a board with its creator as admin. */
  createBoard(board: NewBoard): Promise<BoardRecord>;
  findBoard(boardId: string): Promise<BoardRecord | null>;
  listBoardsOf(userId: string): Promise<Array<BoardRecord & { role: BoardRole }>>;
  membership(boardId: string, userId: string): Promise<MemberRecord | null>;
  listMembers(boardId: string): Promise<Array<MemberRecord & { name: string; email: string }>>;
  updateMember(
    boardId: string,
    userId: string,
    patch: {
      role?: BoardRole | undefined;
      title?: string | undefined;
      organisation?: string | undefined;
    },
  ): Promise<void>;

  createInvitation(invitation: InvitationRecord): Promise<void>;
  /** An invitation by the hash of its token (for showing who invites before accepting). */
  findInvitation(tokenHash: string): Promise<(InvitationRecord & { usedAt: number | null }) | null>;
  /** A board's invitations, newest first; `id` is a prefix of the token hash, never the token. */
  listInvitations(boardId: string): Promise<
    Array<{
      id: string;
      role: BoardRole;
      email: string | null;
      expiresAt: number;
      usedAt: number | null;
    }>
  >;
  /** Withdraws an unused invitation; false when there was none with that id. */
  revokeInvitation(boardId: string, id: string): Promise<boolean>;
  /**
   * Uses an invitation once, atomically: creates the account when `newUser` is given, adds the
   * user to the board (keeping a higher existing role) and marks the invitation used.
   */
  acceptInvitation(
    tokenHash: string,
    now: number,
    who: { userId: string } | { newUser: NewUser },
  ): Promise<InvitationOutcome>;

  createMeeting(meeting: NewMeeting): Promise<MeetingRecord>;
  findMeeting(meetingId: string): Promise<MeetingRecord | null>;
  listMeetings(boardId: string): Promise<MeetingRecord[]>;
  setMeetingRole(meetingId: string, userId: string, role: MeetingRole): Promise<void>;
  meetingRoleOf(meetingId: string, userId: string): Promise<MeetingRole | null>;
  listMeetingRoles(
    meetingId: string,
  ): Promise<Array<{ userId: string; name: string; role: MeetingRole }>>;

  /** Moves a meeting from `from` to `to` only if it is still in `from`; false when it was not. */
  transitionMeeting(transition: LifecycleTransition): Promise<boolean>;
  meetingLifecycle(meetingId: string): Promise<LifecycleRecord | null>;
  listSignatures(meetingId: string): Promise<SignatureRecord[]>;
  /** Adds a signature; false when this user has already signed. */
  addSignature(signature: SignatureRecord): Promise<boolean>;
  setAdjustedOn(meetingId: string, date: string): Promise<void>;
  /** Keeps the exact bytes of a file issued for signed minutes, for verification and download. */
  addSignedFile(sha256: string, meetingId: string, format: string, data: Uint8Array): Promise<void>;
  listSignedFiles(
    meetingId: string,
  ): Promise<Array<{ sha256: string; format: string; createdAt: number }>>;
  signedFileData(
    meetingId: string,
    sha256: string,
  ): Promise<{ format: string; data: Uint8Array } | null>;
  /**
   * A correction supersedes the current round of justering: its signatures go to the archive of
   * `versionId` (the save point of the signed minutes) with its justeringsdatum and the reason,
   * the files it issued are marked superseded, and justering/posting are cleared.
   */
  archiveSignatures(
    meetingId: string,
    versionId: number,
    correction: { reason: string; at: number },
  ): Promise<void>;
  findSignedFile(sha256: string): Promise<{
    meetingId: string;
    format: string;
    /** The save point of the round that issued the file, once a correction superseded it. */
    supersededVersion: number | null;
  } | null>;
  /** A round of justering a correction superseded: who signed it, when, and why it was corrected. */
  supersededRound(meetingId: string, versionId: number): Promise<SupersededRound | null>;
  /** The corrections of a meeting's minutes, oldest first. */
  listCorrections(meetingId: string): Promise<Array<{ reason: string; correctedAt: number }>>;

  /** Assignments marked done, by meeting: key → when and by whom. */
  doneAssignments(
    meetingIds: readonly string[],
  ): Promise<Map<string, { doneAt: number; doneBy: string }>>;
  setAssignmentDone(
    meetingId: string,
    key: string,
    done: { at: number; by: string } | null,
  ): Promise<void>;

  appendAudit(entries: readonly AuditRecord[]): Promise<void>;
  listAudit(
    meetingId: string,
    limit: number,
  ): Promise<Array<AuditRecord & { userName: string | null }>>;
}

export class DuplicateEmailError extends Error {
  override readonly name = 'DuplicateEmailError';
}

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  isAdmin: boolean;
}

export interface UserRecord extends NewUser {
  id: string;
  createdAt: number;
}

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  /** `session`: browser cookie; `bearer`: short-lived token for scripts and non-browser sockets. */
  kind: 'session' | 'bearer';
  expiresAt: number;
}

export interface NewBoard {
  name: string;
  organisation: string;
  createdBy: string;
}

export interface BoardRecord {
  id: string;
  name: string;
  organisation: string;
}

export interface MemberRecord {
  boardId: string;
  userId: string;
  role: BoardRole;
  title: string;
  /** The organisation the member represents; '' when none was given. */
  organisation: string;
}

export interface InvitationRecord {
  tokenHash: string;
  boardId: string;
  role: BoardRole;
  email: string | null;
  createdBy: string;
  expiresAt: number;
}

export type InvitationOutcome =
  | { ok: true; boardId: string; userId: string }
  | { ok: false; reason: 'not_found' | 'used' | 'expired' | 'wrong_email' | 'email_taken' };

export interface NewMeeting {
  boardId: string;
  title: string;
  kind: string;
  date: string;
  startTime: string | null;
  place: string | null;
  firstParagraph: number;
  createdBy: string;
}

export interface MeetingRecord extends NewMeeting {
  id: string;
}

export interface AuditRecord {
  meetingId: string;
  userId: string | null;
  action: string;
  itemIds: string[];
  at: number;
}

export interface LifecycleTransition {
  meetingId: string;
  userId: string;
  action: string;
  from: string;
  to: string;
  at: number;
  posting?: { postedFrom: string; postedTo: string; storagePlace: string };
}

export interface LifecycleRecord {
  status: string;
  adjustedOn: string | null;
  posting: { postedFrom: string; postedTo: string; storagePlace: string } | null;
}

export interface SignatureRecord {
  meetingId: string;
  userId: string;
  role: 'chair' | 'secretary' | 'adjuster';
  name: string;
  signedAt: number;
  sha256: string;
}

export interface SupersededRound {
  versionId: number;
  adjustedOn: string | null;
  reason: string;
  correctedAt: number;
  signatures: Array<Omit<SignatureRecord, 'meetingId'>>;
}
