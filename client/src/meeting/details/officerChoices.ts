import type { BoardMember } from '../../../../shared/api/index.ts';
import type { AttendeeSnapshot, OfficerRef } from '../../../../shared/doc/index.ts';

/** One person an office can go to, as a `<select>` option. */
export interface OfficerChoice {
  /** The option's value: `p:<attendee id>` or `m:<user id>`, unique within the list. */
  value: string;
  ref: OfficerRef;
  label: string;
}

/** The people an office can go to: those present on the attendance list, then the board's members not on it. */
export interface OfficerChoices {
  attendees: OfficerChoice[];
  members: OfficerChoice[];
}

function sameName(a: string, b: string): boolean {
  return a.trim().localeCompare(b.trim(), 'sv', { sensitivity: 'base' }) === 0;
}

/**
 * Officers are elected among those at the meeting, so the attendance list comes first (absent
 * people are left out); members of the board who are not on the list yet follow, referred to
 * by name only, since they have no attendee id.
 */
export function officerChoices(people: AttendeeSnapshot[], members: BoardMember[]): OfficerChoices {
  const attendees = people
    .filter((person) => person.category !== 'franvarande' && person.name.trim() !== '')
    .map((person) => ({
      value: `p:${person.id}`,
      ref: { personId: person.id, name: person.name },
      label:
        person.organisation.trim() === '' ? person.name : `${person.name}, ${person.organisation}`,
    }));
  const others = members
    .filter((member) => !people.some((person) => sameName(person.name, member.name)))
    .map((member) => ({
      value: `m:${member.userId}`,
      ref: { personId: null, name: member.name },
      label: member.name,
    }));
  return { attendees, members: others };
}

/** The option that stands for `ref`, or null when it is not among the choices. */
export function choiceOf(ref: OfficerRef, choices: OfficerChoices): OfficerChoice | null {
  const all = [...choices.attendees, ...choices.members];
  if (ref.personId !== null) {
    return all.find((choice) => choice.ref.personId === ref.personId) ?? null;
  }
  return all.find((choice) => sameName(choice.ref.name, ref.name)) ?? null;
}

/** True when both refer to the same person (by attendee id when either has one, else by name). */
export function sameOfficer(a: OfficerRef, b: OfficerRef): boolean {
  if (a.personId !== null || b.personId !== null) return a.personId === b.personId;
  return sameName(a.name, b.name);
}

/** The name to show: the attendee's current name when the officer is on the list. */
export function officerName(ref: OfficerRef, people: AttendeeSnapshot[]): string {
  if (ref.personId === null) return ref.name;
  return people.find((person) => person.id === ref.personId)?.name ?? ref.name;
}
