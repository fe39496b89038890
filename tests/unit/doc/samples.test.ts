import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  bodyInputToJson,
  bodySchema,
  MeetingDoc,
  readMeeting,
  validateMeetingDoc,
} from '../../../shared/doc/index.ts';
import {
  buildSample,
  nns2020,
  type SampleItem,
  type SampleProtocol,
  skaraborg2023,
  uppsala2016,
} from '../../fixtures/samples/index.ts';

function flatten(items: SampleItem[]): SampleItem[] {
  return items.flatMap((item) => [item, ...flatten(item.children ?? [])]);
}

/** ProseMirror's own normal form, so defaults and omitted nulls compare equal. */
function normalised(json: unknown): unknown {
  return bodySchema.nodeFromJSON(json).toJSON();
}

describe.each([
  ['Samordningsförbundet Skaraborg, styrelse 2023-10-03', skaraborg2023],
  ['NNS styrelse 2020-05-28', nns2020],
  ['Förbundsberedningen Uppsala 2016-03-03', uppsala2016],
] as Array<[string, SampleProtocol]>)('the sample protocol %s', (_name, sample) => {
  const doc = buildSample(sample);
  const labelOf = (itemId: string) => doc.listItems().find((item) => item.id === itemId)?.label;

  it('reads back every § with its number and title', () => {
    expect(doc.listItems().map((item) => `${item.label} ${item.title}`)).toEqual(
      sample.expected.items,
    );
  });

  it('reads back the header, the officers and the attendance list', () => {
    expect(doc.getMeta()).toMatchObject(sample.meta);
    const names = (ref: { personId: string | null; name: string } | null) => ref?.name ?? null;
    const officers = doc.getOfficers();
    const expectedName = (officer: (typeof sample.officers)['chair']) => {
      if (officer === undefined) return null;
      if ('name' in officer) return officer.name;
      return sample.attendance.find((person) => person.key === officer.person)?.name ?? null;
    };
    expect(names(officers.chair)).toBe(expectedName(sample.officers.chair));
    expect(names(officers.secretary)).toBe(expectedName(sample.officers.secretary));
    expect(officers.adjusters.map((ref) => ref.name)).toEqual(
      sample.officers.adjusters.map(expectedName),
    );
    expect(
      doc
        .listAttendance()
        .map((person) => [person.name, person.organisation, person.role, person.category]),
    ).toEqual(
      sample.attendance.map((person) => [
        person.name,
        person.organisation ?? '',
        person.role ?? '',
        person.category,
      ]),
    );
    for (const person of sample.attendance) {
      const stored = doc.listAttendance().find((candidate) => candidate.id === person.key);
      expect(stored?.absenceNotified).toBe(person.absenceNotified ?? false);
      expect(stored?.presentFrom).toBe(person.presentFrom ?? null);
      expect(stored?.presentTo).toBe(person.presentTo ?? null);
    }
    if (sample.posting) expect(doc.getMeta().posting).toEqual(sample.posting);
  });

  it('reads back every decision and assignment', () => {
    expect(doc.decisionsOfMeeting().map((decision) => [decision.label, decision.text])).toEqual(
      sample.expected.decisions,
    );
    expect(
      doc
        .assignmentsOfMeeting()
        .map((assignment) => [assignment.label, assignment.assignee, assignment.text]),
    ).toEqual(sample.expected.assignments);
  });

  it('tells who was present at each § (quorum), partial presence included', () => {
    for (const check of sample.expected.presence) {
      const item = doc.listItems().find((candidate) => candidate.label === check.label);
      if (item === undefined) throw new Error(`no § ${check.label}`);
      const present = doc.presentAt(item.id).map((person) => person.name);
      expect(present, `§ ${check.label}`).toHaveLength(check.count);
      for (const name of check.includes ?? []) expect(present, `§ ${check.label}`).toContain(name);
      for (const name of check.excludes ?? [])
        expect(present, `§ ${check.label}`).not.toContain(name);
    }
  });

  it('keeps every body exactly as written, presenters and proposals included', () => {
    for (const item of flatten(sample.items)) {
      const stored = doc.getItem(item.key);
      expect(stored?.presenter).toBe(item.presenter ?? '');
      expect(stored?.proposal).toBe(item.proposal ?? '');
      expect(normalised(stored?.body)).toEqual(normalised(bodyInputToJson(item.body ?? [])));
    }
  });

  it('marks the items added after the agenda was approved', () => {
    const added = flatten(sample.items).filter((item) => item.addedAfterApproval === true);
    expect(
      doc
        .listItems()
        .filter((item) => item.addedAfterApproval)
        .map((item) => item.id),
    ).toEqual(added.map((item) => item.key));
    for (const item of added)
      expect(sample.expected.items).toContain(`${labelOf(item.key)} ${item.title}`);
  });

  it('is schema-valid and survives a round trip through its binary update', () => {
    expect(validateMeetingDoc(doc.ydoc)).toEqual([]);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc.ydoc));
    expect(readMeeting(copy)).toEqual(doc.readMeeting());
    expect(new MeetingDoc(copy).decisionsOfMeeting()).toEqual(doc.decisionsOfMeeting());
  });
});
