import * as Y from 'yjs';
import { ItemKey, MetaKey, RootName } from './constants.ts';
import { DocError } from './errors.ts';

/**
 * Typed access to the root maps of a meeting's Y.Doc. Every other module goes through these, so
 * the root names live in one place.
 */

/** A Y.Map whose values are plain values or shared types of mixed kinds. */
export type FieldMap = Y.Map<unknown>;

/** The `meta` root: meeting header and server-owned lifecycle fields. */
export function metaMap(doc: Y.Doc): FieldMap {
  return doc.getMap<unknown>(RootName.meta);
}

/** The `items` root: one Y.Map per agenda item, keyed by item id. */
export function itemsMap(doc: Y.Doc): Y.Map<FieldMap> {
  return doc.getMap<FieldMap>(RootName.items);
}

/** The `attendance` root: one Y.Map per person, keyed by person id. */
export function attendanceMap(doc: Y.Doc): Y.Map<FieldMap> {
  return doc.getMap<FieldMap>(RootName.attendance);
}

/** The `officers` root: chair, secretary and adjusters. */
export function officersMap(doc: Y.Doc): FieldMap {
  return doc.getMap<unknown>(RootName.officers);
}

/** The `adjusters` root: officer references of the adjusters (justerare), in order. */
export function adjustersArray(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray<unknown>(RootName.adjusters);
}

/** The item map for `itemId`, or a DocError when there is none. */
export function requireItem(doc: Y.Doc, itemId: string): FieldMap {
  const item = itemsMap(doc).get(itemId);
  if (!(item instanceof Y.Map)) throw new DocError('item_not_found', `no item ${itemId}`);
  return item;
}

/** A string field, or `fallback` when absent or of another type. */
export function readString(map: FieldMap, key: string, fallback = ''): string {
  const value = map.get(key);
  return typeof value === 'string' ? value : fallback;
}

/** A string field, or null when absent or of another type. */
export function readOptionalString(map: FieldMap, key: string): string | null {
  const value = map.get(key);
  return typeof value === 'string' ? value : null;
}

/** A boolean field, false when absent. */
export function readBoolean(map: FieldMap, key: string): boolean {
  return map.get(key) === true;
}

/** A Y.Text field, or a DocError when the stored value is not one. */
export function requireText(map: FieldMap, key: string): Y.Text {
  const value = map.get(key);
  if (!(value instanceof Y.Text)) throw new DocError('invalid_value', `${key} is not a Y.Text`);
  return value;
}

/** The body fragment of an item, or a DocError when the stored value is not one. */
export function requireBody(item: FieldMap): Y.XmlFragment {
  const value = item.get(ItemKey.body);
  if (!(value instanceof Y.XmlFragment)) {
    throw new DocError('invalid_value', 'item body is not a Y.XmlFragment');
  }
  return value;
}

/** Throws when the minutes are locked for justering: then nobody edits. */
export function assertWritable(doc: Y.Doc): void {
  if (metaMap(doc).get(MetaKey.locked) === true) {
    throw new DocError('meeting_locked', 'the minutes are locked');
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Replaces the content of a Y.Text with `next` by rewriting only the changed middle part, so two
 * people renaming at once merge character-wise instead of doubling the whole title.
 */
export function replaceText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  let start = 0;
  const maxStart = Math.min(current.length, next.length);
  while (start < maxStart && current[start] === next[start]) start += 1;
  // Never split a surrogate pair: an emoji or rare character stays whole.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start -= 1;
  let end = 0;
  const maxEnd = Math.min(current.length, next.length) - start;
  while (end < maxEnd && current[current.length - 1 - end] === next[next.length - 1 - end]) {
    end += 1;
  }
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end -= 1;
  const deleteCount = current.length - start - end;
  if (deleteCount > 0) text.delete(start, deleteCount);
  const inserted = next.slice(start, next.length - end);
  if (inserted.length > 0) text.insert(start, inserted);
}

/** A random id safe for Y.Map keys and URLs; works without a secure context (plain http). */
export function generateId(): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  for (const byte of bytes) id += alphabet[byte % alphabet.length];
  return id;
}
