import { diffWords } from 'diff';
import type { ItemChange, MeetingDiff } from '../../../shared/api/history.ts';
import type { ItemSnapshot } from '../../../shared/doc/itemRead.ts';
import { plainText } from '../../../shared/doc/schema/bodyJson.ts';
import type { MeetingSnapshot } from '../../../shared/doc/snapshot.ts';
import { diffAttendance, diffHeader, diffOfficers } from './diffRecords.ts';

type DiffPart = ItemChange['parts'][number];

/** What an item says, as the adjuster reads it: title, proposal and body text. */
function itemText(item: ItemSnapshot): string {
  return [item.title, item.proposal, plainText(item.body)].filter((part) => part !== '').join('\n');
}

function parts(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((part) => ({
    text: part.value,
    change: part.added ? 'added' : part.removed ? 'removed' : 'same',
  }));
}

/**
 * Compares two versions of the agenda item by item (word level): items added, removed, or with
 * changed wording.
 */
export function diffItems(before: MeetingSnapshot, after: MeetingSnapshot): ItemChange[] {
  const old = new Map(before.items.map((item) => [item.id, item]));
  const changes: ItemChange[] = [];
  for (const item of after.items) {
    const previous = old.get(item.id);
    old.delete(item.id);
    const text = itemText(item);
    if (!previous) {
      changes.push({
        itemId: item.id,
        label: item.label,
        title: item.title,
        change: 'added',
        parts: [{ text, change: 'added' }],
      });
      continue;
    }
    const previousText = itemText(previous);
    const struck = item.removedAfterApproval && !previous.removedAfterApproval;
    if (previousText !== text || struck) {
      changes.push({
        itemId: item.id,
        label: item.label ?? previous.label,
        title: item.title,
        change: struck ? 'removed' : 'changed',
        parts: parts(previousText, text),
      });
    }
  }
  for (const item of old.values()) {
    changes.push({
      itemId: item.id,
      label: item.label,
      title: item.title,
      change: 'removed',
      parts: [{ text: itemText(item), change: 'removed' }],
    });
  }
  return changes;
}

/**
 * Compares two versions of a meeting the way an adjuster (justerare) reads the minutes: the
 * header, the officers, the attendance list, and each item word by word.
 */
export function diffMeetings(before: MeetingSnapshot, after: MeetingSnapshot): MeetingDiff {
  return {
    header: diffHeader(before, after),
    officers: diffOfficers(before, after),
    attendance: diffAttendance(before, after),
    items: diffItems(before, after),
  };
}
