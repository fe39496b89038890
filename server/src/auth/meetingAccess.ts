import { documentAccessFor, effectiveMeetingRole } from '../../../shared/api/permissions.ts';
import type { BoardRole, DocumentAccess, MeetingRole } from '../../../shared/api/roles.ts';
import type { AccountStore, MeetingRecord, MemberRecord } from '../storage/accountStore.ts';

export type MeetingAccess =
  | {
      ok: true;
      meeting: MeetingRecord;
      boardRole: BoardRole;
      role: MeetingRole;
      access: DocumentAccess;
    }
  | { ok: false; reason: 'no_meeting' | 'not_member' };

/** What `userId` may do in a meeting: answered the same way for HTTP and for the socket. */
export async function resolveMeetingAccess(
  accounts: AccountStore,
  userId: string,
  meetingId: string,
): Promise<MeetingAccess> {
  const meeting = await accounts.findMeeting(meetingId);
  if (!meeting) return { ok: false, reason: 'no_meeting' };
  const member = await accounts.membership(meeting.boardId, userId);
  if (!member) return { ok: false, reason: 'not_member' };
  const role = effectiveMeetingRole(member.role, await accounts.meetingRoleOf(meetingId, userId));
  return { ok: true, meeting, boardRole: member.role, role, access: documentAccessFor(role) };
}

/** The user's membership of a board, or null. */
export function boardMembership(
  accounts: AccountStore,
  userId: string,
  boardId: string,
): Promise<MemberRecord | null> {
  return accounts.membership(boardId, userId);
}
