import type { ActivityEntry } from '../../../shared/api/index.ts';
import type { ItemSummary } from '../../../shared/doc/index.ts';

/** An item an activity entry names, as the agenda shows it now. */
export type ActivityItem =
  | { itemId: string; state: 'live'; label: string; title: string }
  | { itemId: string; state: 'struck'; title: string }
  /** Deleted since (before the agenda was approved): only its id is left. */
  | { itemId: string; state: 'gone' };

export interface ActivityRow {
  key: string;
  /** The latest change of the row (ISO time). */
  at: string;
  /** The earliest change merged into the row; equals `at` for a single batch. */
  from: string;
  /** The author's name; null when the account is gone or the server made the change. */
  author: string | null;
  items: ActivityItem[];
}

/**
 * Batches of one person closer together than this become one row: the server writes a batch
 * every few seconds while someone types, and a view of "Sara changed § 4" twelve times in a
 * minute says less than one row "Sara changed § 4 and § 5, 14:02–14:07".
 */
export const mergeWindowMs = 10 * 60_000;

/**
 * The activity log (newest first) as rows for the activity view: consecutive batches of one
 * author within `mergeWindowMs` merged, their item ids resolved against the live agenda (§
 * number and title), in agenda order, items deleted since last.
 */
export function activityRows(
  entries: readonly ActivityEntry[],
  agenda: readonly ItemSummary[],
): ActivityRow[] {
  const groups: Array<{ entry: ActivityEntry; from: string; itemIds: Set<string> }> = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    if (
      last !== undefined &&
      last.entry.userId === entry.userId &&
      last.entry.userName === entry.userName &&
      Date.parse(last.from) - Date.parse(entry.at) <= mergeWindowMs
    ) {
      last.from = entry.at;
      for (const itemId of entry.itemIds) last.itemIds.add(itemId);
    } else {
      groups.push({ entry, from: entry.at, itemIds: new Set(entry.itemIds) });
    }
  }
  const position = new Map(agenda.map((item, index) => [item.id, index]));
  const byId = new Map(agenda.map((item) => [item.id, item]));
  const rank = (itemId: string) => position.get(itemId) ?? Number.MAX_SAFE_INTEGER;
  return groups.map(({ entry, from, itemIds }, index) => ({
    key: `${index}-${entry.at}-${entry.userId ?? 'server'}`,
    at: entry.at,
    from,
    author: entry.userName,
    items: [...itemIds]
      .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
      .map((itemId): ActivityItem => {
        const item = byId.get(itemId);
        if (item === undefined) return { itemId, state: 'gone' };
        if (item.label === null) return { itemId, state: 'struck', title: item.title };
        return { itemId, state: 'live', label: item.label, title: item.title };
      }),
  }));
}
