import type * as Y from 'yjs';
import { adjustersArray, assertWritable, officersMap } from './access.ts';
import { OfficerKey } from './constants.ts';
import { DocError } from './errors.ts';
import { type OfficerRef, officerRefSchema } from './values.ts';

/** The officers of the meeting: ordförande, sekreterare and justerare. */
export interface Officers {
  chair: OfficerRef | null;
  secretary: OfficerRef | null;
  adjusters: OfficerRef[];
}

/** A single-person office. */
export type SingleOffice = typeof OfficerKey.chair | typeof OfficerKey.secretary;

function checkRef(ref: OfficerRef): OfficerRef {
  const parsed = officerRefSchema.safeParse(ref);
  if (!parsed.success) throw new DocError('invalid_value', 'invalid officer reference');
  return parsed.data;
}

function sameOfficer(a: OfficerRef, b: OfficerRef): boolean {
  if (a.personId !== null || b.personId !== null) return a.personId === b.personId;
  return a.name === b.name;
}

/** Sets (or clears, with null) the chair or the secretary. */
export function setOfficer(doc: Y.Doc, office: SingleOffice, ref: OfficerRef | null): void {
  const value = ref === null ? null : checkRef(ref);
  assertWritable(doc);
  doc.transact(() => {
    if (value === null) officersMap(doc).delete(office);
    else officersMap(doc).set(office, { personId: value.personId, name: value.name });
  });
}

/**
 * Adds an adjuster (justerare) unless already there. Concurrent adds of the same person can
 * still both land; getOfficers shows each person once.
 */
export function addAdjuster(doc: Y.Doc, ref: OfficerRef): void {
  const value = checkRef(ref);
  assertWritable(doc);
  doc.transact(() => {
    const list = adjustersArray(doc);
    const present = list.toArray().some((entry) => {
      const parsed = officerRefSchema.safeParse(entry);
      return parsed.success && sameOfficer(parsed.data, value);
    });
    if (!present) list.push([{ personId: value.personId, name: value.name }]);
  });
}

/** Removes every entry of an adjuster. */
export function removeAdjuster(doc: Y.Doc, ref: OfficerRef): void {
  const value = checkRef(ref);
  assertWritable(doc);
  doc.transact(() => {
    const list = adjustersArray(doc);
    for (let index = list.length - 1; index >= 0; index -= 1) {
      const parsed = officerRefSchema.safeParse(list.get(index));
      if (parsed.success && sameOfficer(parsed.data, value)) list.delete(index, 1);
    }
  });
}

function readRef(value: unknown): OfficerRef | null {
  const parsed = officerRefSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Reads the officers; adjusters in the order added, each person once. */
export function getOfficers(doc: Y.Doc): Officers {
  const map = officersMap(doc);
  const adjusters: OfficerRef[] = [];
  for (const entry of adjustersArray(doc).toArray()) {
    const ref = readRef(entry);
    if (ref !== null && !adjusters.some((known) => sameOfficer(known, ref))) adjusters.push(ref);
  }
  return {
    chair: readRef(map.get(OfficerKey.chair)),
    secretary: readRef(map.get(OfficerKey.secretary)),
    adjusters,
  };
}
