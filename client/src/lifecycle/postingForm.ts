import type { MessageKey } from '../i18n/messages.ts';

export interface PostingValues {
  postedFrom: string;
  postedTo: string;
  storagePlace: string;
}

export type PostingErrors = Partial<Record<keyof PostingValues, MessageKey>>;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() + 1 === month && date.getUTCDate() === day
  );
}

/** Adds days to a `YYYY-MM-DD` date (calendar days, no time zone involved). */
export function addDays(isoDay: string, days: number): string {
  const [year, month, day] = isoDay.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + days));
  return date.toISOString().slice(0, 10);
}

/**
 * The posting (anslag) form, checked like the server does: two real dates, the end not before
 * the start, and where the minutes are kept (1–200 characters).
 */
export function validatePosting(values: PostingValues): {
  errors: PostingErrors;
  request: PostingValues | null;
} {
  const errors: PostingErrors = {};
  const storagePlace = values.storagePlace.trim();
  if (values.postedFrom === '') errors.postedFrom = 'posting.dateRequired';
  else if (!validDate(values.postedFrom)) errors.postedFrom = 'posting.dateInvalid';
  if (values.postedTo === '') errors.postedTo = 'posting.dateRequired';
  else if (!validDate(values.postedTo)) errors.postedTo = 'posting.dateInvalid';
  else if (errors.postedFrom === undefined && values.postedTo < values.postedFrom) {
    errors.postedTo = 'posting.toBeforeFrom';
  }
  if (storagePlace === '') errors.storagePlace = 'posting.placeRequired';
  else if (storagePlace.length > 200) errors.storagePlace = 'posting.placeTooLong';
  if (Object.keys(errors).length > 0) return { errors, request: null };
  return {
    errors,
    request: { postedFrom: values.postedFrom, postedTo: values.postedTo, storagePlace },
  };
}

/** A correction's reason, as the server wants it: 3–1000 characters. */
export function validateCorrectionReason(reason: string): MessageKey | null {
  const trimmed = reason.trim();
  if (trimmed.length < 3) return 'correction.reasonRequired';
  if (trimmed.length > 1000) return 'correction.reasonTooLong';
  return null;
}
