import * as Y from 'yjs';
import type { z } from 'zod';
import { adjustersArray, attendanceMap, itemsMap, metaMap, officersMap } from './access.ts';
import {
  AttendeeKey,
  attendeeKeys,
  DocLimits,
  ItemKey,
  itemKeys,
  mapRootNames,
  officerKeys,
  RootName,
  rootNames,
  serverOwnedMetaKeys,
} from './constants.ts';
import { validateItemBody } from './schema/validateBody.ts';
import {
  attachmentSchema,
  attendeeValueSchemas,
  docIdSchema,
  itemValueSchemas,
  metaValueSchemas,
  officerRefSchema,
} from './values.ts';

/** One problem in a meeting document: where (a path like `items.ab12.title`) and what. */
export interface DocIssue {
  path: string;
  message: string;
}

/** Options of validateMeetingDoc. */
export interface ValidateOptions {
  /** Validate only these items (e.g. those an update touched); all items when absent. */
  itemIds?: ReadonlySet<string>;
}

type AnySchema = z.ZodType;

// Yjs types its shared types by their event type, which does not unify across kinds; these
// helpers look at the common base, so the widest parameter is the honest one.
// biome-ignore lint/suspicious/noExplicitAny: any shared type, whatever its event type.
type AnySharedType = Y.AbstractType<any>;

/** Live (non-deleted) list entries: a map-only type must have none. */
function hasListContent(type: AnySharedType): boolean {
  for (let item = type._start; item !== null; item = item.right) {
    if (!item.deleted) return true;
  }
  return false;
}

/** Live keyed entries: a list-only type must have none. */
function hasMapContent(type: AnySharedType): boolean {
  for (const item of type._map.values()) if (!item.deleted) return true;
  return false;
}

function checkPlain(
  issues: DocIssue[],
  path: string,
  value: unknown,
  schema: AnySchema | undefined,
): void {
  if (schema === undefined) {
    issues.push({ path, message: 'unknown field' });
    return;
  }
  if (value instanceof Y.AbstractType) {
    issues.push({ path, message: 'must be a plain value, not a shared type' });
    return;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) issues.push({ path, message: parsed.error.issues[0]?.message ?? 'invalid' });
}

function checkPlainText(issues: DocIssue[], path: string, value: unknown, max: number): void {
  if (!(value instanceof Y.Text)) {
    issues.push({ path, message: 'must be a Y.Text' });
    return;
  }
  if (hasMapContent(value)) issues.push({ path, message: 'unexpected attributes on text' });
  for (const op of value.toDelta() as Array<{ insert: unknown; attributes?: unknown }>) {
    if (typeof op.insert !== 'string' || op.attributes !== undefined) {
      issues.push({ path, message: 'must be plain text (no formatting or embeds)' });
      return;
    }
  }
  if (value.length > max) issues.push({ path, message: `longer than ${max} characters` });
}

function checkItem(issues: DocIssue[], itemId: string, item: unknown): void {
  const path = `items.${itemId}`;
  if (!docIdSchema.safeParse(itemId).success) issues.push({ path, message: 'invalid item id' });
  if (!(item instanceof Y.Map)) {
    issues.push({ path, message: 'an item must be a Y.Map' });
    return;
  }
  if (hasListContent(item)) issues.push({ path, message: 'unexpected list content' });
  const required = [ItemKey.order, ItemKey.kind, ItemKey.title, ItemKey.proposal, ItemKey.body];
  for (const key of required) {
    if (!item.has(key)) issues.push({ path: `${path}.${key}`, message: 'missing' });
  }
  item.forEach((value: unknown, key: string) => {
    const fieldPath = `${path}.${key}`;
    if (!(itemKeys as readonly string[]).includes(key)) {
      issues.push({ path: fieldPath, message: 'unknown field' });
    } else if (key === ItemKey.title) {
      checkPlainText(issues, fieldPath, value, DocLimits.shortText);
    } else if (key === ItemKey.proposal) {
      checkPlainText(issues, fieldPath, value, DocLimits.longText);
    } else if (key === ItemKey.attachments) {
      if (!(value instanceof Y.Array) || hasMapContent(value)) {
        issues.push({ path: fieldPath, message: 'must be a Y.Array' });
      } else if (value.length > DocLimits.maxAttachmentsPerItem) {
        issues.push({ path: fieldPath, message: 'too many attachments' });
      } else {
        value.forEach((entry: unknown, index: number) => {
          checkPlain(issues, `${fieldPath}[${index}]`, entry, attachmentSchema);
        });
      }
    } else if (key === ItemKey.body) {
      if (
        !(value instanceof Y.XmlFragment) ||
        value instanceof Y.XmlElement ||
        hasMapContent(value)
      ) {
        issues.push({ path: fieldPath, message: 'must be a Y.XmlFragment' });
      } else {
        for (const issue of validateItemBody(value)) {
          issues.push({ path: `${fieldPath}${issue.path.slice(1)}`, message: issue.message });
        }
      }
    } else {
      checkPlain(issues, fieldPath, value, (itemValueSchemas as Record<string, AnySchema>)[key]);
    }
  });
}

function checkAttendee(issues: DocIssue[], personId: string, person: unknown): void {
  const path = `attendance.${personId}`;
  if (!docIdSchema.safeParse(personId).success) issues.push({ path, message: 'invalid person id' });
  if (!(person instanceof Y.Map) || hasListContent(person)) {
    issues.push({ path, message: 'an attendee must be a Y.Map' });
    return;
  }
  for (const key of [AttendeeKey.order, AttendeeKey.name, AttendeeKey.category]) {
    if (!person.has(key)) issues.push({ path: `${path}.${key}`, message: 'missing' });
  }
  person.forEach((value: unknown, key: string) => {
    const known = (attendeeKeys as readonly string[]).includes(key);
    const schema = known ? (attendeeValueSchemas as Record<string, AnySchema>)[key] : undefined;
    checkPlain(issues, `${path}.${key}`, value, schema);
  });
}

/**
 * Checks a whole meeting document (or the listed items) against the model: known roots and
 * keys only, plain values of the right type, shared types where expected, and item bodies
 * against the body schema. Read-only: safe to run on a trial copy before accepting an update.
 */
export function validateMeetingDoc(doc: Y.Doc, options: ValidateOptions = {}): DocIssue[] {
  const issues: DocIssue[] = [];
  for (const name of doc.share.keys()) {
    if (!(rootNames as readonly string[]).includes(name)) {
      issues.push({ path: name, message: 'unknown root type' });
    }
  }
  for (const name of mapRootNames) {
    if (doc.share.has(name) && hasListContent(doc.getMap(name))) {
      issues.push({ path: name, message: 'unexpected list content in a map root' });
    }
  }
  const adjusters = adjustersArray(doc);
  if (hasMapContent(adjusters))
    issues.push({ path: RootName.adjusters, message: 'unexpected keys' });
  adjusters.forEach((entry: unknown, index: number) => {
    checkPlain(issues, `${RootName.adjusters}[${index}]`, entry, officerRefSchema);
  });

  metaMap(doc).forEach((value: unknown, key: string) => {
    checkPlain(issues, `meta.${key}`, value, (metaValueSchemas as Record<string, AnySchema>)[key]);
  });
  officersMap(doc).forEach((value: unknown, key: string) => {
    const known = (officerKeys as readonly string[]).includes(key);
    checkPlain(issues, `officers.${key}`, value, known ? officerRefSchema : undefined);
  });
  itemsMap(doc).forEach((item: unknown, itemId: string) => {
    if (options.itemIds === undefined || options.itemIds.has(itemId))
      checkItem(issues, itemId, item);
  });
  attendanceMap(doc).forEach((person: unknown, personId: string) => {
    checkAttendee(issues, personId, person);
  });
  return issues;
}

/** Server-owned meta keys a transaction wrote; a client transaction touching any is refused. */
export function serverOwnedKeysTouched(transaction: Y.Transaction): string[] {
  const meta: AnySharedType = metaMap(transaction.doc);
  const changed = transaction.changed.get(meta);
  if (changed === undefined) return [];
  return serverOwnedMetaKeys.filter((key) => changed.has(key));
}

/** The ids of the items a transaction changed (any field, text or body inside them). */
export function touchedItemIds(transaction: Y.Transaction): Set<string> {
  const items: AnySharedType = itemsMap(transaction.doc);
  const touched = new Set<string>();
  for (const key of transaction.changed.get(items) ?? []) if (key !== null) touched.add(key);
  for (const type of transaction.changed.keys()) {
    let current: AnySharedType | null = type;
    while (current !== null && current._item !== null) {
      const parent: unknown = current._item.parent;
      if (parent === items && current._item.parentSub !== null) {
        touched.add(current._item.parentSub);
        break;
      }
      current = parent instanceof Y.AbstractType ? parent : null;
    }
  }
  return touched;
}
