import type { BoardRole, DocumentAccess, MeetingRole } from '../../../shared/api/roles.ts';

/**
 * Who may do what, as pure functions of roles. HTTP routes and the sync socket both ask these, so
 * the rules live in one place.
 */

/**
 * A user's role in a meeting: an explicit assignment wins; otherwise board members take part as
 * members and guests as observers.
 */
export function effectiveMeetingRole(
  boardRole: BoardRole,
  assigned: MeetingRole | null,
): MeetingRole {
  if (assigned !== null) return assigned;
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
