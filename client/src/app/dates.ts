import type { Language } from '../i18n/messages.ts';

const locales: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

/** Today's date where the person is (not UTC), as `YYYY-MM-DD`. */
export function localIsoDate(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** A `YYYY-MM-DD` date as a calendar day, e.g. "tisdag 14 maj 2024". */
export function formatMeetingDate(isoDate: string, language: Language): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return isoDate;
  // Noon: no time zone or daylight-saving change can move it to another day.
  const date = new Date(year, month - 1, day, 12);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locales[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
}

/** A `YYYY-MM-DD` date without the weekday, e.g. "14 maj 2024" (a justeringsdatum). */
export function formatDay(isoDate: string, language: Language): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return isoDate;
  const date = new Date(year, month - 1, day, 12);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locales[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
}

/** An ISO timestamp as date and time in the person's time zone, e.g. "21 maj 2024 14:05". */
export function formatDateTime(isoTime: string, language: Language): string {
  const date = new Date(isoTime);
  if (Number.isNaN(date.getTime())) return isoTime;
  return new Intl.DateTimeFormat(locales[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** The time of day of an ISO timestamp in the person's time zone, e.g. "14:05". */
export function formatTime(isoTime: string, language: Language): string {
  const date = new Date(isoTime);
  if (Number.isNaN(date.getTime())) return isoTime;
  return new Intl.DateTimeFormat(locales[language], { hour: '2-digit', minute: '2-digit' }).format(
    date,
  );
}
