import { describe, expect, it } from 'vitest';
import { localIsoDate } from '../../../client/src/app/dates.ts';
import { splitMeetings } from '../../../client/src/boards/meetingDates.ts';
import {
  accessOfRole,
  canAssignMeetingRoles,
  changedRoles,
  effectiveMeetingRole,
  meetingRoster,
  nobodyWrites,
} from '../../../client/src/roles/meetingRoles.ts';
import { boardRoles, meetingRoles } from '../../../shared/api/index.ts';

describe('splitMeetings', () => {
  const meeting = (id: string, date: string, startTime: string | null = null) => ({
    id,
    date,
    startTime,
  });

  it('puts today and later under upcoming, soonest first, and the rest under past, latest first', () => {
    const { upcoming, past } = splitMeetings(
      [
        meeting('a', '2024-05-01'),
        meeting('b', '2024-05-14', '18:00'),
        meeting('c', '2024-06-01'),
        meeting('d', '2024-05-14', '09:00'),
        meeting('e', '2024-04-01'),
      ],
      '2024-05-14',
    );
    expect(upcoming.map((entry) => entry.id)).toEqual(['d', 'b', 'c']);
    expect(past.map((entry) => entry.id)).toEqual(['a', 'e']);
  });

  it('takes today from the local calendar', () => {
    expect(localIsoDate(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
    expect(localIsoDate(new Date(2024, 11, 31, 0, 1))).toBe('2024-12-31');
  });
});

describe('meeting roles in the client', () => {
  it('follow the shared permission rules: explicit roles win, guests observe, officers write', () => {
    for (const boardRole of boardRoles) {
      expect(effectiveMeetingRole(boardRole, undefined)).toBe(
        boardRole === 'guest' ? 'observer' : 'member',
      );
      for (const role of meetingRoles) {
        expect(effectiveMeetingRole(boardRole, role)).toBe(role);
        expect(canAssignMeetingRoles(boardRole, role)).toBe(
          boardRole === 'admin' || role === 'secretary',
        );
      }
    }
    expect(meetingRoles.map((role) => accessOfRole(role))).toEqual([
      'write',
      'write',
      'text',
      'read',
      'read',
    ]);
  });

  const members = [
    {
      userId: 'u1',
      name: 'Örjan Öst',
      email: 'o@x.se',
      role: 'member',
      title: '',
      organisation: '',
    },
    {
      userId: 'u2',
      name: 'Anna Andersson',
      email: 'a@x.se',
      role: 'admin',
      title: 'Ordförande',
      organisation: '',
    },
    {
      userId: 'u3',
      name: 'Bertil Berg',
      email: 'b@x.se',
      role: 'guest',
      title: '',
      organisation: '',
    },
    {
      userId: 'u4',
      name: 'Cecilia Carlsson',
      email: 'c@x.se',
      role: 'member',
      title: '',
      organisation: '',
    },
  ] as const;

  it('lists the board with everyone’s meeting role, officers first, then by Swedish name order', () => {
    const roster = meetingRoster(members, [
      { userId: 'u4', role: 'secretary' },
      { userId: 'u2', role: 'chair' },
    ]);
    expect(roster.map((entry) => [entry.name, entry.role])).toEqual([
      ['Anna Andersson', 'chair'],
      ['Cecilia Carlsson', 'secretary'],
      ['Örjan Öst', 'member'],
      ['Bertil Berg', 'observer'],
    ]);
  });

  it('sends only the roles that were changed', () => {
    const roster = meetingRoster(members, [{ userId: 'u4', role: 'secretary' }]);
    expect(changedRoles(roster, { u4: 'secretary', u1: 'adjuster', u3: 'observer' })).toEqual([
      { userId: 'u1', role: 'adjuster' },
    ]);
  });

  it('notices when nobody would be left to write the minutes', () => {
    expect(nobodyWrites(['member', 'adjuster', 'observer'])).toBe(true);
    expect(nobodyWrites(['member', 'chair'])).toBe(false);
  });
});
