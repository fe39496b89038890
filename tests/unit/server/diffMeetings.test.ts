import { describe, expect, it } from 'vitest';
import { diffMeetings } from '../../../server/src/history/diffMeetings.ts';
import { meetingDiffSchema } from '../../../shared/api/history.ts';
import { MeetingDoc, setServerMeta } from '../../../shared/doc/index.ts';

const anna = { personId: null, name: 'Anna Andersson' };
const karin = { personId: null, name: 'Karin Ek' };
const lars = { personId: null, name: 'Lars Berg' };

/** A small held meeting: header, three items, two attendees and the officers. */
function heldMeeting(): MeetingDoc {
  const doc = new MeetingDoc();
  doc.setMeta({
    title: 'Styrelsemöte',
    board: 'Föreningen Ekorren',
    date: '2026-11-27',
    startTime: '18:00',
    endTime: '20:00',
    place: 'Kansliet',
    videoLink: 'https://meet.example/ekorren',
  });
  doc.addItem({ id: 'opening', kind: 'formality', title: 'Mötets öppnande' });
  doc.addItem({ id: 'budget', kind: 'decision', title: 'Budget 2027', body: ['Budgeten.'] });
  doc.addItem({ id: 'closing', kind: 'formality', title: 'Mötets avslutande' });
  doc.addAttendee({ id: 'karin', name: 'Karin Ek', category: 'beslutande' });
  doc.addAttendee({ id: 'lars', name: 'Lars Berg', category: 'beslutande', role: 'Kassör' });
  doc.setOfficer('chair', karin);
  doc.setOfficer('secretary', lars);
  doc.addAdjuster(karin);
  return doc;
}

/** The diff from the meeting as it is to the meeting after `change`; checked against the API. */
function diffAfter(change: (doc: MeetingDoc) => void, doc = heldMeeting()) {
  const before = doc.readMeeting();
  change(doc);
  const diff = diffMeetings(before, doc.readMeeting());
  // The route table's schema is what the server promises; every diff must satisfy it exactly.
  expect(meetingDiffSchema.strict().parse(diff)).toEqual(diff);
  return diff;
}

describe('diffMeetings', () => {
  it('finds nothing between two equal versions', () => {
    expect(diffAfter(() => {})).toEqual({ header: [], officers: [], attendance: [], items: [] });
  });

  it('shows changed, set and cleared header fields with their old and new values', () => {
    const diff = diffAfter((doc) =>
      doc.setMeta({
        place: 'Stadshuset, sal 3',
        date: '2026-11-28',
        endTime: '21:15',
        videoLink: null,
        minutesNumber: '2026:11',
      }),
    );
    expect(diff.header).toEqual([
      { field: 'minutesNumber', before: null, after: '2026:11' },
      { field: 'date', before: '2026-11-27', after: '2026-11-28' },
      { field: 'endTime', before: '20:00', after: '21:15' },
      { field: 'place', before: 'Kansliet', after: 'Stadshuset, sal 3' },
      { field: 'videoLink', before: 'https://meet.example/ekorren', after: null },
    ]);
    expect(diff.items).toEqual([]);
  });

  it('leaves the lifecycle (status, lock, signatures) out of the comparison', () => {
    const diff = diffAfter((doc) => {
      setServerMeta(doc.ydoc, 'status', 'lockedForAdjustment');
      setServerMeta(doc.ydoc, 'locked', true);
    });
    expect(diff).toEqual({ header: [], officers: [], attendance: [], items: [] });
  });

  it('shows a new chair, a secretary cleared and an adjuster added, by name', () => {
    const diff = diffAfter((doc) => {
      doc.setOfficer('chair', lars);
      doc.setOfficer('secretary', null);
      doc.addAdjuster(anna);
    });
    expect(diff.officers).toEqual([
      { office: 'chair', before: ['Karin Ek'], after: ['Lars Berg'] },
      { office: 'secretary', before: ['Lars Berg'], after: [] },
      { office: 'adjusters', before: ['Karin Ek'], after: ['Karin Ek', 'Anna Andersson'] },
    ]);
  });

  it('does not count adjusters listed in another order as a change', () => {
    const doc = heldMeeting();
    doc.addAdjuster(anna);
    const diff = diffAfter((changed) => {
      changed.removeAdjuster(karin);
      changed.addAdjuster(karin);
    }, doc);
    expect(diff.officers).toEqual([]);
  });

  it('shows a person added to the attendance list with category and presence', () => {
    const diff = diffAfter((doc) => {
      const id = doc.addAttendee({ id: 'anna', name: 'Anna Andersson', category: 'ersattare' });
      doc.markArrival(id, 'budget');
    });
    expect(diff.attendance).toEqual([
      {
        personId: 'anna',
        change: 'added',
        before: null,
        after: {
          name: 'Anna Andersson',
          organisation: '',
          role: '',
          category: 'ersattare',
          absenceNotified: false,
          presentFrom: { label: '2', title: 'Budget 2027' },
          presentTo: null,
          note: '',
        },
        fields: [],
      },
    ]);
  });

  it('shows a person removed from the attendance list as they were', () => {
    const diff = diffAfter((doc) => doc.removeAttendee('lars'));
    expect(diff.attendance).toHaveLength(1);
    expect(diff.attendance[0]).toMatchObject({
      personId: 'lars',
      change: 'removed',
      before: { name: 'Lars Berg', role: 'Kassör', category: 'beslutande' },
      after: null,
    });
  });

  it('names each changed field of a person: category, presence, absence and note', () => {
    const diff = diffAfter((doc) => {
      doc.editAttendee('lars', { category: 'ersattare', note: 'Deltog på länk' });
      doc.markDeparture('lars', 'budget');
      doc.editAttendee('karin', { absenceNotified: true, category: 'franvarande' });
    });
    expect(
      diff.attendance.map((change) => [change.personId, change.change, change.fields]),
    ).toEqual([
      ['karin', 'changed', ['category', 'absenceNotified']],
      ['lars', 'changed', ['category', 'presence', 'note']],
    ]);
    expect(diff.attendance[1]?.before).toMatchObject({ presentTo: null, note: '' });
    expect(diff.attendance[1]?.after).toMatchObject({
      category: 'ersattare',
      presentTo: { label: '2', title: 'Budget 2027' },
      note: 'Deltog på länk',
    });
  });

  it('treats a person removed and entered again under the same name as one changed person', () => {
    const diff = diffAfter((doc) => {
      doc.removeAttendee('lars');
      doc.addAttendee({ id: 'lars2', name: 'Lars Berg', category: 'adjungerad', role: 'Kassör' });
    });
    expect(diff.attendance).toEqual([
      expect.objectContaining({ personId: 'lars2', change: 'changed', fields: ['category'] }),
    ]);
  });

  it('keeps a presence unchanged when an added item renumbers the § it names', () => {
    const doc = heldMeeting();
    doc.markDeparture('lars', 'budget');
    const diff = diffAfter((changed) => {
      changed.addItem({ id: 'report', title: 'Rapporter' }, { after: 'opening' });
    }, doc);
    expect(diff.attendance).toEqual([]);
    expect(diff.items.map((change) => [change.itemId, change.change])).toEqual([
      ['report', 'added'],
    ]);
  });

  it('shows an item’s changed wording word by word, and added and removed items', () => {
    const diff = diffAfter((doc) => {
      doc.setItemBody('budget', ['Budgeten fastställs.']);
      doc.editItem('opening', { title: 'Öppnande' });
      doc.removeItem('closing');
      doc.addItem({ id: 'other', title: 'Övriga frågor' });
    });
    expect(diff.items.map((change) => [change.itemId, change.change])).toEqual([
      ['opening', 'changed'],
      ['budget', 'changed'],
      ['other', 'added'],
      ['closing', 'removed'],
    ]);
    expect(diff.items[1]?.parts.filter((part) => part.change !== 'same')).toEqual([
      { text: 'fastställs', change: 'added' },
    ]);
    expect(diff.header).toEqual([]);
    expect(diff.attendance).toEqual([]);
  });

  it('marks an item struck after the agenda was approved as removed', () => {
    const doc = heldMeeting();
    doc.approveAgenda('2026-11-27T18:05:00Z');
    const diff = diffAfter((changed) => changed.removeItem('closing'), doc);
    expect(diff.items.map((change) => [change.itemId, change.change])).toEqual([
      ['closing', 'removed'],
    ]);
  });
});
