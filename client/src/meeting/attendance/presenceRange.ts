import type { AttendeeSnapshot, ItemSummary } from '../../../../shared/doc/index.ts';

/**
 * The § range of a partial presence as the minutes print it, e.g. { from: '1', to: '4' } for
 * someone who left after § 4: an open end is the first or last § of the meeting. Null when the
 * person was present throughout.
 */
export function presenceRange(
  person: Pick<AttendeeSnapshot, 'presentFrom' | 'presentTo'>,
  items: ItemSummary[],
): { from: string; to: string } | null {
  if (person.presentFrom === null && person.presentTo === null) return null;
  const numbered = items.filter((item) => item.label !== null);
  const labelOf = (itemId: string | null, fallback: ItemSummary | undefined) => {
    const item = itemId === null ? fallback : items.find((candidate) => candidate.id === itemId);
    return item?.label ?? '?';
  };
  return {
    from: labelOf(person.presentFrom, numbered[0]),
    to: labelOf(person.presentTo, numbered[numbered.length - 1]),
  };
}
