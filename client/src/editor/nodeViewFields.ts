/** The id of the page's <datalist> of people (board members and attendees) for name fields. */
export const peopleListId = 'justera-people';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A vote count typed into a number field: a non-negative integer, null when the field is empty,
 * or undefined when what was typed is not a count (the attribute is then left as it was, since
 * the server refuses anything but a count or null).
 */
export function parseVoteCount(raw: string): number | null | undefined {
  if (raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 0 && value <= 1_000_000 ? value : undefined;
}

/** A date field's value as the schema stores it: 'YYYY-MM-DD' or null (undefined: ignore). */
export function parseDueDate(raw: string): string | null | undefined {
  if (raw === '') return null;
  return isoDate.test(raw) ? raw : undefined;
}
