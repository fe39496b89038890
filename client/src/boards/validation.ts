import type { BoardRole, CreateMeetingRequest } from '../../../shared/api/index.ts';
import type { MeetingKind } from '../../../shared/doc/constants.ts';
import { checkEmail, type FieldErrors } from '../auth/validation.ts';

/**
 * Form checks that mirror the server's schemas (shared/api), so a person sees what is wrong
 * next to the field at once; the server checks again. Each returns the errors and, when there
 * are none, the request body to send.
 */
export interface Checked<Field extends string, Request> {
  errors: FieldErrors<Field>;
  request: Request | null;
}

export type BoardField = 'name' | 'organisation';

export function validateBoardForm(values: {
  name: string;
  organisation: string;
}): Checked<BoardField, { name: string; organisation: string }> {
  const name = values.name.trim();
  const organisation = values.organisation.trim();
  const errors: FieldErrors<BoardField> = {};
  if (name === '') errors.name = 'boards.nameRequired';
  else if (name.length > 200) errors.name = 'form.tooLong';
  if (organisation.length > 200) errors.organisation = 'form.tooLong';
  const ok = errors.name === undefined && errors.organisation === undefined;
  return { errors, request: ok ? { name, organisation } : null };
}

export interface MeetingFormValues {
  title: string;
  kind: MeetingKind;
  date: string;
  startTime: string;
  place: string;
  firstParagraph: string;
}

export type MeetingField = 'title' | 'date' | 'startTime' | 'place' | 'firstParagraph';

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const clockPattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A real calendar day written `YYYY-MM-DD` (not 2024-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = isoDatePattern.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

export function validateMeetingForm(
  values: MeetingFormValues,
): Checked<MeetingField, CreateMeetingRequest> {
  const title = values.title.trim();
  const place = values.place.trim();
  const startTime = values.startTime.trim();
  const firstParagraphText = values.firstParagraph.trim();
  const firstParagraph = firstParagraphText === '' ? 1 : Number(firstParagraphText);
  const errors: FieldErrors<MeetingField> = {};
  if (title === '') errors.title = 'newMeeting.titleRequired';
  else if (title.length > 200) errors.title = 'form.tooLong';
  if (values.date.trim() === '') errors.date = 'newMeeting.dateRequired';
  else if (!isCalendarDate(values.date.trim())) errors.date = 'newMeeting.dateInvalid';
  if (startTime !== '' && !clockPattern.test(startTime))
    errors.startTime = 'newMeeting.timeInvalid';
  if (place.length > 200) errors.place = 'form.tooLong';
  if (!Number.isInteger(firstParagraph) || firstParagraph < 1 || firstParagraph > 1_000_000) {
    errors.firstParagraph = 'newMeeting.firstParagraphInvalid';
  }
  if (Object.keys(errors).length > 0) return { errors, request: null };
  return {
    errors,
    request: {
      title,
      kind: values.kind,
      date: values.date.trim(),
      firstParagraph,
      ...(startTime === '' ? {} : { startTime }),
      ...(place === '' ? {} : { place }),
    },
  };
}

export type InvitationField = 'email';

export function validateInvitationForm(values: {
  role: BoardRole;
  email: string;
}): Checked<InvitationField, { role: BoardRole; email?: string }> {
  const email = values.email.trim();
  if (email === '') return { errors: {}, request: { role: values.role } };
  const error = checkEmail(email);
  if (error !== undefined) return { errors: { email: error }, request: null };
  return { errors: {}, request: { role: values.role, email } };
}
