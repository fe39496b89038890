import { generateKeyBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import {
  assertWritable,
  attendanceMap,
  type FieldMap,
  generateId,
  readBoolean,
  readOptionalString,
  readString,
  requireItem,
} from './access.ts';
import { type AttendanceCategory, AttendeeKey } from './constants.ts';
import { DocError } from './errors.ts';
import { compareOrdered } from './ordering.ts';
import { attendeeValueSchemas, docIdSchema } from './values.ts';

/** A person on the attendance list (närvarolista). */
export interface NewAttendee {
  id?: string;
  name: string;
  organisation?: string;
  role?: string;
  category: AttendanceCategory;
  /** Reported absence in advance (anmält förhinder). */
  absenceNotified?: boolean;
  /** Present from this item on; null or absent means from the start. */
  presentFrom?: string | null;
  /** Present up to and including this item; null or absent means to the end. */
  presentTo?: string | null;
  note?: string;
}

/** A change to an attendee; null clears presentFrom / presentTo. */
export type AttendeePatch = Partial<Omit<NewAttendee, 'id'>>;

/** An attendee as plain data. */
export interface AttendeeSnapshot {
  id: string;
  order: string;
  name: string;
  organisation: string;
  role: string;
  category: AttendanceCategory;
  absenceNotified: boolean;
  presentFrom: string | null;
  presentTo: string | null;
  note: string;
}

function requireAttendee(doc: Y.Doc, personId: string): FieldMap {
  const person = attendanceMap(doc).get(personId);
  if (!(person instanceof Y.Map))
    throw new DocError('attendee_not_found', `no attendee ${personId}`);
  return person;
}

function checkPatch(doc: Y.Doc, patch: AttendeePatch): void {
  const plain: Array<[keyof typeof attendeeValueSchemas, unknown]> = [
    [AttendeeKey.name, patch.name],
    [AttendeeKey.organisation, patch.organisation],
    [AttendeeKey.role, patch.role],
    [AttendeeKey.category, patch.category],
    [AttendeeKey.absenceNotified, patch.absenceNotified],
    [AttendeeKey.note, patch.note],
  ];
  for (const [key, value] of plain) {
    if (value !== undefined && !attendeeValueSchemas[key].safeParse(value).success) {
      throw new DocError('invalid_value', `invalid ${key}`);
    }
  }
  for (const itemId of [patch.presentFrom, patch.presentTo]) {
    if (typeof itemId === 'string') requireItem(doc, itemId);
  }
}

function applyPatch(person: FieldMap, patch: AttendeePatch): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) person.delete(key);
    else if (person.get(key) !== value) person.set(key, value);
  }
}

/** Adds a person to the attendance list (last) and returns the person's id. */
export function addAttendee(doc: Y.Doc, input: NewAttendee): string {
  const personId = input.id ?? generateId();
  if (!docIdSchema.safeParse(personId).success)
    throw new DocError('invalid_value', 'invalid person id');
  checkPatch(doc, input);
  assertWritable(doc);
  const attendance = attendanceMap(doc);
  if (attendance.has(personId)) throw new DocError('invalid_value', `attendee ${personId} exists`);
  let last: string | null = null;
  attendance.forEach((person) => {
    const order = readOptionalString(person, AttendeeKey.order);
    if (order !== null && (last === null || order > last)) last = order;
  });
  doc.transact(() => {
    const person = new Y.Map<unknown>();
    attendance.set(personId, person);
    person.set(AttendeeKey.order, generateKeyBetween(last, null));
    person.set(AttendeeKey.name, input.name);
    person.set(AttendeeKey.organisation, input.organisation ?? '');
    person.set(AttendeeKey.role, input.role ?? '');
    person.set(AttendeeKey.category, input.category);
    person.set(AttendeeKey.absenceNotified, input.absenceNotified ?? false);
    person.set(AttendeeKey.note, input.note ?? '');
    if (typeof input.presentFrom === 'string')
      person.set(AttendeeKey.presentFrom, input.presentFrom);
    if (typeof input.presentTo === 'string') person.set(AttendeeKey.presentTo, input.presentTo);
  });
  return personId;
}

/** Changes an attendee's fields in one transaction; each field merges on its own. */
export function editAttendee(doc: Y.Doc, personId: string, patch: AttendeePatch): void {
  checkPatch(doc, patch);
  assertWritable(doc);
  const person = requireAttendee(doc, personId);
  doc.transact(() => applyPatch(person, patch));
}

/** Removes a person from the attendance list. */
export function removeAttendee(doc: Y.Doc, personId: string): void {
  assertWritable(doc);
  requireAttendee(doc, personId);
  doc.transact(() => attendanceMap(doc).delete(personId));
}

/** Records that a person arrived at an item (present from it on). */
export function markArrival(doc: Y.Doc, personId: string, itemId: string): void {
  editAttendee(doc, personId, { presentFrom: itemId });
}

/** Records that a person left after an item (present up to and including it). */
export function markDeparture(doc: Y.Doc, personId: string, itemId: string): void {
  editAttendee(doc, personId, { presentTo: itemId });
}

function readAttendee(id: string, person: FieldMap): AttendeeSnapshot {
  const category = attendeeValueSchemas.category.safeParse(person.get(AttendeeKey.category));
  return {
    id,
    order: readString(person, AttendeeKey.order),
    name: readString(person, AttendeeKey.name),
    organisation: readString(person, AttendeeKey.organisation),
    role: readString(person, AttendeeKey.role),
    category: category.success ? category.data : 'ovrig',
    absenceNotified: readBoolean(person, AttendeeKey.absenceNotified),
    presentFrom: readOptionalString(person, AttendeeKey.presentFrom),
    presentTo: readOptionalString(person, AttendeeKey.presentTo),
    note: readString(person, AttendeeKey.note),
  };
}

/** The attendance list in the order it was entered (ties broken by id). */
export function listAttendance(doc: Y.Doc): AttendeeSnapshot[] {
  const people: AttendeeSnapshot[] = [];
  attendanceMap(doc).forEach((person, id) => {
    if (person instanceof Y.Map) people.push(readAttendee(id, person));
  });
  return people.sort(compareOrdered);
}
