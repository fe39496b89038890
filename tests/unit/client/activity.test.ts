import { describe, expect, it } from 'vitest';
import { activityRows, mergeWindowMs } from '../../../client/src/roles/activity.ts';
import type { ActivityEntry } from '../../../shared/api/index.ts';
import type { ItemSummary } from '../../../shared/doc/index.ts';

const agenda = [
  { id: 'open', label: '1', title: 'Mötets öppnande' },
  { id: 'struck', label: null, title: 'Inställd punkt' },
  { id: 'budget', label: '2', title: 'Budget' },
].map((item) => item as unknown as ItemSummary);

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 18, minutes)).toISOString();
const entry = (
  userId: string | null,
  userName: string | null,
  minutes: number,
  itemIds: string[],
): ActivityEntry => ({ userId, userName, action: 'edit', itemIds, at: at(minutes) });

describe('activityRows', () => {
  it('names the items by § and title in agenda order, struck and deleted ones as such', () => {
    const [row] = activityRows(
      [entry('u1', 'Sara', 10, ['gone', 'budget', 'struck', 'open'])],
      agenda,
    );
    expect(row?.author).toBe('Sara');
    expect(row?.items).toEqual([
      { itemId: 'open', state: 'live', label: '1', title: 'Mötets öppnande' },
      { itemId: 'struck', state: 'struck', title: 'Inställd punkt' },
      { itemId: 'budget', state: 'live', label: '2', title: 'Budget' },
      { itemId: 'gone', state: 'gone' },
    ]);
  });

  it("merges one person's consecutive batches within the window, and nothing else", () => {
    const windowMinutes = mergeWindowMs / 60_000;
    const rows = activityRows(
      [
        entry('u1', 'Sara', 30, ['open']),
        entry('u1', 'Sara', 29, ['budget']),
        entry('u1', 'Sara', 28, ['open']),
        // Another author in between starts a new row.
        entry('u2', 'Carl', 27, ['open']),
        entry('u1', 'Sara', 26, ['open']),
        // Too long before the previous batch: a row of its own.
        entry('u1', 'Sara', 26 - windowMinutes - 1, ['budget']),
        // The server (no author) is never merged with a person.
        entry(null, null, 2, ['open']),
      ],
      agenda,
    );
    expect(
      rows.map((row) => [row.author, row.from, row.at, row.items.map((i) => i.itemId)]),
    ).toEqual([
      ['Sara', at(28), at(30), ['open', 'budget']],
      ['Carl', at(27), at(27), ['open']],
      ['Sara', at(26), at(26), ['open']],
      ['Sara', at(26 - windowMinutes - 1), at(26 - windowMinutes - 1), ['budget']],
      [null, at(2), at(2), ['open']],
    ]);
    expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
  });
});
