import type { BoardRole, DocumentAccess, MeetingRole } from './roles.ts';

/**
 * Who may do what, as pure functions of roles. The server enforces them on HTTP routes and the
 * sync socket; the client asks the same functions only to show what a person may do.
 */

/**
 * A user's role in a meeting: an explicit assignment wins; otherwise board members take part as
 * members and guests as observers.
 */
export function effectiveMeetingRole(
  boardRole: BoardRole,
  assigned: MeetingRole | null | undefined,
): MeetingRole {
  if (assigned !== null && assigned !== undefined) return assigned;
  return boardRole === 'guest' ? 'observer' : 'member';
}

/** Chair and secretary edit everything; adjusters (justerare) edit text; the rest read. */
export function documentAccessFor(role: MeetingRole): DocumentAccess {
  switch (role) {
    case 'chair':
    case 'secretary':
      return 'write';
    case 'adjuster':
      return 'text';
    case 'member':
    case 'observer':
      return 'read';
  }
}

/** Board admins and the meeting's secretary assign meeting roles. */
export function canAssignMeetingRoles(boardRole: BoardRole, meetingRole: MeetingRole): boolean {
  return boardRole === 'admin' || meetingRole === 'secretary';
}

/** Board admins manage members and invitations. */
export function canManageBoard(boardRole: BoardRole): boolean {
  return boardRole === 'admin';
}

/** Admins and members create meetings; guests only attend. */
export function canCreateMeeting(boardRole: BoardRole): boolean {
  return boardRole !== 'guest';
}
