import type {
  AttendeeChange,
  AttendeeField,
  AttendeeState,
  HeaderChange,
  OfficerChange,
} from '../../../shared/api/index.ts';
import { formatMeetingDate } from '../app/dates.ts';
import type { I18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';

type Translate = I18n['t'];

/** One "Plats: Kansliet → Stadshuset" line; null is a value that was not set. */
export interface ValueChange {
  key: string;
  label: string;
  before: string | null;
  after: string | null;
  /**
   * For a list (the adjusters): every name once, marked as kept, added or removed, so that
   * adding a second adjuster does not show the first as struck.
   */
  names?: Array<{ name: string; change: 'same' | 'added' | 'removed' }>;
}

function headerValue(change: HeaderChange, value: string | null, { t, language }: I18n) {
  if (value === null) return null;
  if (change.field === 'date') return formatMeetingDate(value, language);
  if (change.field === 'kind') return t(`meetingKind.${value}` as MessageKey);
  return value;
}

/** The header fields that changed, each as a labelled "before → after". */
export function headerLines(changes: HeaderChange[], i18n: I18n): ValueChange[] {
  return changes.map((change) => ({
    key: change.field,
    label: i18n.t(`diff.header.${change.field}`),
    before: headerValue(change, change.before, i18n),
    after: headerValue(change, change.after, i18n),
  }));
}

/** The offices whose holders changed, e.g. "Ordförande: Karin Ek → Lars Berg". */
export function officerLines(changes: OfficerChange[], t: Translate): ValueChange[] {
  const names = (list: string[]) => (list.length === 0 ? null : list.join(', '));
  return changes.map((change) => {
    const line: ValueChange = {
      key: change.office,
      label: t(`diff.office.${change.office}`),
      before: names(change.before),
      after: names(change.after),
    };
    if (change.office !== 'adjusters' || change.before.length === 0) return line;
    line.names = [
      ...change.after.map((name) => ({
        name,
        change: change.before.includes(name) ? ('same' as const) : ('added' as const),
      })),
      ...change.before
        .filter((name) => !change.after.includes(name))
        .map((name) => ({ name, change: 'removed' as const })),
    ];
    return line;
  });
}

/** A presence as the minutes print it: "hela mötet", "§ 3–6", "från § 3", "till och med § 6". */
export function presenceText(state: AttendeeState, t: Translate): string {
  const end = (value: AttendeeState['presentFrom']) => value?.label ?? '?';
  if (state.presentFrom === null && state.presentTo === null) return t('diff.presenceWhole');
  if (state.presentTo === null) return t('diff.presenceFrom', { from: end(state.presentFrom) });
  if (state.presentFrom === null) return t('diff.presenceTo', { to: end(state.presentTo) });
  return t('diff.presenceBoth', { from: end(state.presentFrom), to: end(state.presentTo) });
}

function categoryName(state: AttendeeState, t: Translate): string {
  return t(`category.${state.category}`);
}

function fieldValue(field: AttendeeField, state: AttendeeState, t: Translate): string | null {
  switch (field) {
    case 'category':
      return categoryName(state, t);
    case 'absenceNotified':
      return t(state.absenceNotified ? 'diff.yes' : 'diff.no');
    case 'presence':
      return presenceText(state, t);
    default:
      return state[field] === '' ? null : state[field];
  }
}

/** The sentence that names what happened to a person on the attendance list. */
export function attendeeSentence(change: AttendeeChange, { t, language }: I18n): string {
  if (change.after !== null && change.change === 'added') {
    return t(`diff.addedAs.${change.after.category}`, { name: change.after.name });
  }
  if (change.before !== null && change.change === 'removed') {
    return t('diff.attendeeRemoved', {
      name: change.before.name,
      category: categoryName(change.before, t).toLocaleLowerCase(language),
    });
  }
  return change.after?.name ?? change.before?.name ?? '';
}

/** What the minutes say about an added or removed person besides the category. */
export function attendeeFacts(state: AttendeeState, t: Translate): string[] {
  const facts = [state.role, state.organisation].filter((fact) => fact.trim() !== '');
  if (state.presentFrom !== null || state.presentTo !== null) facts.push(presenceText(state, t));
  if (state.absenceNotified) facts.push(t('attendance.absenceNotified'));
  if (state.note.trim() !== '') facts.push(state.note);
  return facts;
}

/** Each changed field of a person, e.g. "Kategori: Beslutande → Ersättare". */
export function attendeeLines(change: AttendeeChange, t: Translate): ValueChange[] {
  const { before, after } = change;
  if (before === null || after === null) return [];
  return change.fields.map((field) => ({
    key: field,
    label: t(`diff.attendee.${field}`),
    before: fieldValue(field, before, t),
    after: fieldValue(field, after, t),
  }));
}
