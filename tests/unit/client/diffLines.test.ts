import { describe, expect, it } from 'vitest';
import {
  attendeeFacts,
  attendeeLines,
  attendeeSentence,
  headerLines,
  officerLines,
  presenceText,
} from '../../../client/src/history/diffLines.ts';
import type { I18n } from '../../../client/src/i18n/I18nProvider.tsx';
import { type Language, translate } from '../../../client/src/i18n/messages.ts';
import type { AttendeeChange, AttendeeState } from '../../../shared/api/index.ts';

const i18n = (language: Language): I18n => ({
  language,
  setLanguage: () => {},
  t: (key, params) => translate(language, key, params),
});
const sv = i18n('sv');
const en = i18n('en');

const anna: AttendeeState = {
  name: 'Anna Andersson',
  organisation: '',
  role: 'Kassör',
  category: 'ersattare',
  absenceNotified: false,
  presentFrom: { label: '3', title: 'Budget' },
  presentTo: null,
  note: '',
};

describe('the lines of a comparison', () => {
  it('says who was added to the attendance list, as what, and from which §', () => {
    const added: AttendeeChange = {
      personId: 'a',
      change: 'added',
      before: null,
      after: anna,
      fields: [],
    };
    expect(attendeeSentence(added, sv)).toBe('Anna Andersson tillagd som ersättare');
    expect(attendeeSentence(added, en)).toBe('Anna Andersson added as a deputy');
    expect(attendeeFacts(anna, sv.t)).toEqual(['Kassör', 'från § 3']);
    const removed: AttendeeChange = { ...added, change: 'removed', before: anna, after: null };
    expect(attendeeSentence(removed, sv)).toBe(
      'Anna Andersson borttagen från närvarolistan (var ersättare)',
    );
  });

  it('writes each changed field of a person as old → new', () => {
    const after: AttendeeState = {
      ...anna,
      category: 'beslutande',
      presentFrom: null,
      absenceNotified: true,
    };
    const change: AttendeeChange = {
      personId: 'a',
      change: 'changed',
      before: anna,
      after,
      fields: ['category', 'absenceNotified', 'presence'],
    };
    expect(
      attendeeLines(change, sv.t).map(({ label, before, after }) => [label, before, after]),
    ).toEqual([
      ['Kategori', 'Ersättare', 'Beslutande'],
      ['Anmält förhinder', 'nej', 'ja'],
      ['Närvaro', 'från § 3', 'hela mötet'],
    ]);
  });

  it('prints a presence the way the minutes do', () => {
    const end = (label: string) => ({ label, title: '' });
    expect(presenceText({ ...anna, presentFrom: end('2'), presentTo: end('5') }, sv.t)).toBe(
      '§ 2–5',
    );
    expect(presenceText({ ...anna, presentFrom: null, presentTo: end('4') }, sv.t)).toBe(
      'till och med § 4',
    );
  });

  it('names header fields and officers, with dates and kinds in words', () => {
    const header = headerLines(
      [
        { field: 'place', before: 'Kansliet', after: 'Stadshuset' },
        { field: 'date', before: '2026-11-27', after: null },
        { field: 'kind', before: 'board', after: 'extraordinary' },
      ],
      sv,
    );
    expect(header.map(({ label, before, after }) => [label, before, after])).toEqual([
      ['Plats', 'Kansliet', 'Stadshuset'],
      ['Datum', 'fredag 27 november 2026', null],
      ['Typ av sammanträde', 'Styrelsemöte', 'Extra möte'],
    ]);
    const officers = officerLines(
      [
        { office: 'chair', before: ['Karin Ek'], after: ['Lars Berg'] },
        { office: 'adjusters', before: [], after: ['Anna Andersson', 'Bo Ek'] },
      ],
      en.t,
    );
    expect(officers.map(({ label, before, after }) => [label, before, after])).toEqual([
      ['Chair', 'Karin Ek', 'Lars Berg'],
      ['Adjusters', null, 'Anna Andersson, Bo Ek'],
    ]);
    // A second adjuster added: the first stays unmarked, not struck and written again.
    const [adjusters] = officerLines(
      [{ office: 'adjusters', before: ['Lars Berg', 'Bo Ek'], after: ['Lars Berg', 'Karin Ek'] }],
      sv.t,
    );
    expect(adjusters?.names).toEqual([
      { name: 'Lars Berg', change: 'same' },
      { name: 'Karin Ek', change: 'added' },
      { name: 'Bo Ek', change: 'removed' },
    ]);
  });
});
