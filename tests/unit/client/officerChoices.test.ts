import { describe, expect, it } from 'vitest';
import {
  choiceOf,
  officerChoices,
  officerName,
  sameOfficer,
} from '../../../client/src/meeting/details/officerChoices.ts';
import type { BoardMember } from '../../../shared/api/index.ts';
import type { AttendanceCategory, AttendeeSnapshot } from '../../../shared/doc/index.ts';

const person = (
  id: string,
  name: string,
  category: AttendanceCategory = 'beslutande',
  organisation = '',
): AttendeeSnapshot => ({
  id,
  order: 'a0',
  name,
  organisation,
  role: '',
  category,
  absenceNotified: false,
  presentFrom: null,
  presentTo: null,
  note: '',
});

const member = (userId: string, name: string): BoardMember => ({
  userId,
  name,
  email: `${userId}@example.test`,
  role: 'member',
  title: '',
  organisation: '',
});

describe('officerChoices', () => {
  const people = [
    person('anita', 'Anita Löfgren', 'beslutande', 'Skövde kommun'),
    person('tina', 'Tina Song', 'ersattare'),
    person('elisabeth', 'Elisabeth Persson', 'franvarande'),
  ];
  const members = [member('u1', 'anita löfgren'), member('u2', 'Björn Thodenius')];

  it('offers the people present by attendee id, then members not on the list by name only', () => {
    const choices = officerChoices(people, members);
    expect(choices.attendees.map((choice) => [choice.label, choice.ref])).toEqual([
      ['Anita Löfgren, Skövde kommun', { personId: 'anita', name: 'Anita Löfgren' }],
      ['Tina Song', { personId: 'tina', name: 'Tina Song' }],
    ]);
    // Anita is on the list already (names compare without case); the absent are not offered.
    expect(choices.members.map((choice) => choice.ref)).toEqual([
      { personId: null, name: 'Björn Thodenius' },
    ]);
  });

  it('finds the option of a chosen officer, and none for one who left the list', () => {
    const choices = officerChoices(people, members);
    expect(choiceOf({ personId: 'tina', name: 'Tina Song' }, choices)?.value).toBe('p:tina');
    expect(choiceOf({ personId: null, name: 'Björn Thodenius' }, choices)?.value).toBe('m:u2');
    // Chosen by name before she was added to the list: her attendee row stands for her now.
    expect(choiceOf({ personId: null, name: 'Anita Löfgren' }, choices)?.value).toBe('p:anita');
    expect(choiceOf({ personId: 'gone', name: 'Gunnar Gone' }, choices)).toBeNull();
  });

  it('shows an officer under the current name on the list, or the name they were chosen under', () => {
    const renamed = [person('anita', 'Anita Löfgren Berg')];
    expect(officerName({ personId: 'anita', name: 'Anita Löfgren' }, renamed)).toBe(
      'Anita Löfgren Berg',
    );
    expect(officerName({ personId: 'gone', name: 'Gunnar Gone' }, renamed)).toBe('Gunnar Gone');
  });

  it('compares officers by attendee id when either has one, else by name', () => {
    expect(sameOfficer({ personId: 'a', name: 'X' }, { personId: 'a', name: 'Y' })).toBe(true);
    expect(sameOfficer({ personId: 'a', name: 'X' }, { personId: null, name: 'X' })).toBe(false);
    expect(
      sameOfficer({ personId: null, name: 'Tina Song' }, { personId: null, name: 'tina song' }),
    ).toBe(true);
  });
});
