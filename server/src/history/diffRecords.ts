import {
  type AttendeeChange,
  type AttendeeField,
  type AttendeeState,
  type HeaderChange,
  headerFields,
  type OfficerChange,
} from '../../../shared/api/history.ts';
import type { AttendeeSnapshot } from '../../../shared/doc/attendance.ts';
import type { MeetingSnapshot } from '../../../shared/doc/snapshot.ts';
import type { OfficerRef } from '../../../shared/doc/values.ts';

/** The header fields that differ; an empty field reads as "not set" on both sides. */
export function diffHeader(before: MeetingSnapshot, after: MeetingSnapshot): HeaderChange[] {
  const changes: HeaderChange[] = [];
  for (const field of headerFields) {
    const old = before.meta[field] || null;
    const now = after.meta[field] || null;
    if (old !== now) changes.push({ field, before: old, after: now });
  }
  return changes;
}

function officerKey(ref: OfficerRef): string {
  return `${ref.personId ?? ''}\u0000${ref.name}`;
}

function officeChange(
  office: OfficerChange['office'],
  before: OfficerRef[],
  after: OfficerRef[],
): OfficerChange | null {
  // The order adjusters were added in is not something the minutes assert, so a reordering of
  // the same people is no change.
  const keys = (refs: OfficerRef[]) => refs.map(officerKey).sort().join('\u0001');
  if (keys(before) === keys(after)) return null;
  return {
    office,
    before: before.map((ref) => ref.name),
    after: after.map((ref) => ref.name),
  };
}

/** Who holds each office (ordförande, sekreterare, justerare) where that differs. */
export function diffOfficers(before: MeetingSnapshot, after: MeetingSnapshot): OfficerChange[] {
  const single = (ref: OfficerRef | null) => (ref === null ? [] : [ref]);
  return [
    officeChange('chair', single(before.officers.chair), single(after.officers.chair)),
    officeChange('secretary', single(before.officers.secretary), single(after.officers.secretary)),
    officeChange('adjusters', before.officers.adjusters, after.officers.adjusters),
  ].filter((change) => change !== null);
}

/** An attendee with the ends of a partial presence named as that version numbered them. */
function attendeeState(person: AttendeeSnapshot, snapshot: MeetingSnapshot): AttendeeState {
  const end = (itemId: string | null) => {
    if (itemId === null) return null;
    const item = snapshot.items.find((candidate) => candidate.id === itemId);
    return { label: item?.label ?? null, title: item?.title ?? '' };
  };
  return {
    name: person.name,
    organisation: person.organisation,
    role: person.role,
    category: person.category,
    absenceNotified: person.absenceNotified,
    presentFrom: end(person.presentFrom),
    presentTo: end(person.presentTo),
    note: person.note,
  };
}

function changedFields(old: AttendeeSnapshot, now: AttendeeSnapshot): AttendeeField[] {
  const fields: AttendeeField[] = [];
  const plain = ['name', 'organisation', 'role', 'category', 'absenceNotified'] as const;
  for (const field of plain) if (old[field] !== now[field]) fields.push(field);
  // Presence compares the items themselves, not their numbers: a § renumbered by an item added
  // before it is the same presence (the added item shows as its own change).
  if (old.presentFrom !== now.presentFrom || old.presentTo !== now.presentTo) {
    fields.push('presence');
  }
  if (old.note !== now.note) fields.push('note');
  return fields;
}

/**
 * People added to, removed from or changed on the attendance list. A person removed and added
 * again under the same name (a new entry, so a new id) is one person whose details changed.
 */
export function diffAttendance(before: MeetingSnapshot, after: MeetingSnapshot): AttendeeChange[] {
  const old = new Map(before.attendance.map((person) => [person.id, person]));
  const removedByName = new Map<string, AttendeeSnapshot>();
  for (const person of before.attendance) {
    if (!after.attendance.some((candidate) => candidate.id === person.id)) {
      const name = person.name.trim();
      if (!removedByName.has(name)) removedByName.set(name, person);
    }
  }
  const changes: AttendeeChange[] = [];
  for (const person of after.attendance) {
    const previous = old.get(person.id) ?? removedByName.get(person.name.trim());
    if (previous === undefined) {
      changes.push({
        personId: person.id,
        change: 'added',
        before: null,
        after: attendeeState(person, after),
        fields: [],
      });
      continue;
    }
    old.delete(previous.id);
    const name = previous.name.trim();
    if (removedByName.get(name) === previous) removedByName.delete(name);
    const fields = changedFields(previous, person);
    if (fields.length > 0) {
      changes.push({
        personId: person.id,
        change: 'changed',
        before: attendeeState(previous, before),
        after: attendeeState(person, after),
        fields,
      });
    }
  }
  for (const person of old.values()) {
    changes.push({
      personId: person.id,
      change: 'removed',
      before: attendeeState(person, before),
      after: null,
      fields: [],
    });
  }
  return changes;
}
