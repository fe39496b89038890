import type { BoardMember, BoardRole, MeetingRole } from '../../../shared/api/index.ts';

// The rules themselves live in shared/ (the server enforces them; the client only shows).
import {
  documentAccessFor as accessOfRole,
  canAssignMeetingRoles,
  effectiveMeetingRole,
} from '../../../shared/api/permissions.ts';

export { accessOfRole, canAssignMeetingRoles, effectiveMeetingRole };

export interface RosterEntry {
  userId: string;
  name: string;
  email: string;
  title: string;
  boardRole: BoardRole;
  role: MeetingRole;
}

const roleOrder: Record<MeetingRole, number> = {
  chair: 0,
  secretary: 1,
  adjuster: 2,
  member: 3,
  observer: 4,
};

/**
 * Everyone on the board with their role in this meeting, officers first (ordförande,
 * sekreterare, justerare), then by name.
 */
export function meetingRoster(
  members: readonly BoardMember[],
  assignments: ReadonlyArray<{ userId: string; role: MeetingRole }>,
): RosterEntry[] {
  const assigned = new Map(assignments.map((entry) => [entry.userId, entry.role]));
  return members
    .map((member) => ({
      userId: member.userId,
      name: member.name,
      email: member.email,
      title: member.title,
      boardRole: member.role,
      role: effectiveMeetingRole(member.role, assigned.get(member.userId)),
    }))
    .sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.name.localeCompare(b.name, 'sv'));
}

/** The roles that differ from `before`: what a save has to send. */
export function changedRoles(
  before: readonly RosterEntry[],
  chosen: Readonly<Record<string, MeetingRole>>,
): Array<{ userId: string; role: MeetingRole }> {
  return before
    .filter((entry) => chosen[entry.userId] !== undefined && chosen[entry.userId] !== entry.role)
    .map((entry) => ({ userId: entry.userId, role: chosen[entry.userId] as MeetingRole }));
}

/** True when nobody could write the minutes (no chair and no secretary). */
export function nobodyWrites(roles: Iterable<MeetingRole>): boolean {
  for (const role of roles) if (accessOfRole(role) === 'write') return false;
  return true;
}
