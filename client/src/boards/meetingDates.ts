/** The fields that place a meeting in time. */
interface Dated {
  date: string;
  startTime: string | null;
}

function sortKey(meeting: Dated): string {
  // Meetings without a start time sort first on their day.
  return `${meeting.date} ${meeting.startTime ?? ''}`;
}

/**
 * Splits meetings into upcoming (today and later, soonest first) and past (before today, most
 * recent first). `today` is the person's local date as `YYYY-MM-DD`, so a meeting tonight is
 * still upcoming this afternoon wherever the server is.
 */
export function splitMeetings<T extends Dated>(
  meetings: readonly T[],
  today: string,
): { upcoming: T[]; past: T[] } {
  const upcoming = meetings
    .filter((meeting) => meeting.date >= today)
    .sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  const past = meetings
    .filter((meeting) => meeting.date < today)
    .sort((a, b) => sortKey(b).localeCompare(sortKey(a)));
  return { upcoming, past };
}
