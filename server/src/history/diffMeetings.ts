import { diffWords } from 'diff';
import type { ItemSnapshot } from '../../../shared/doc/itemRead.ts';
import { plainText } from '../../../shared/doc/schema/bodyJson.ts';
import type { MeetingSnapshot } from '../../../shared/doc/snapshot.ts';

/** A run of text in a comparison: unchanged, added or removed. */
export interface DiffPart {
  text: string;
  change: 'same' | 'added' | 'removed';
}

/** How one agenda item differs between two versions of the minutes. */
export interface ItemChange {
  itemId: string;
  label: string | null;
  title: string;
  change: 'added' | 'removed' | 'changed';
  parts: DiffPart[];
}

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
 * Compares two versions of a meeting item by item (word level), so an adjuster sees exactly
 * what the secretary changed: items added, removed, or with changed wording.
 */
export function diffMeetings(before: MeetingSnapshot, after: MeetingSnapshot): ItemChange[] {
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
