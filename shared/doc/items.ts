import * as Y from 'yjs';
import {
  assertWritable,
  type FieldMap,
  generateId,
  itemsMap,
  readOptionalString,
  replaceText,
  requireBody,
  requireItem,
  requireText,
} from './access.ts';
import { DocLimits, ItemKey, type ItemKind, type ItemStatus } from './constants.ts';
import { DocError } from './errors.ts';
import { buildItemTree } from './itemTree.ts';
import { isAgendaApproved } from './meta.ts';
import { type ItemPlacement, resolvePlacement } from './placement.ts';
import { type BodyInput, bodyInputToJson } from './schema/bodyJson.ts';
import { validateBodyJson } from './schema/validateBody.ts';
import { writeBody } from './schema/writeBody.ts';
import { type Attachment, attachmentSchema, docIdSchema, itemValueSchemas } from './values.ts';

/**
 * A new agenda item (ärende). Everything is optional: the id is generated when absent, the kind
 * defaults to 'discussion' and the status to 'pending'.
 */
export interface NewItem {
  id?: string;
  kind?: ItemKind;
  title?: string;
  presenter?: string;
  /** Proposed decision (förslag till beslut). */
  proposal?: string;
  attachments?: Attachment[];
  status?: ItemStatus;
  body?: BodyInput;
}

/** A change to an item's fields; its position changes only through moveItem. */
export interface ItemPatch {
  kind?: ItemKind;
  title?: string;
  presenter?: string;
  proposal?: string;
  attachments?: Attachment[];
  status?: ItemStatus;
}

function check<T>(
  schema: { safeParse(value: unknown): { success: boolean } },
  value: T,
  what: string,
): T {
  if (!schema.safeParse(value).success) throw new DocError('invalid_value', `invalid ${what}`);
  return value;
}

function checkPatch(patch: ItemPatch): void {
  if (patch.kind !== undefined) check(itemValueSchemas.kind, patch.kind, 'kind');
  if (patch.status !== undefined) check(itemValueSchemas.status, patch.status, 'status');
  if (patch.presenter !== undefined)
    check(itemValueSchemas.presenter, patch.presenter, 'presenter');
  if (patch.title !== undefined && patch.title.length > DocLimits.shortText) {
    throw new DocError('invalid_value', 'title too long');
  }
  if (patch.proposal !== undefined && patch.proposal.length > DocLimits.longText) {
    throw new DocError('invalid_value', 'proposal too long');
  }
  if (patch.attachments !== undefined) {
    if (patch.attachments.length > DocLimits.maxAttachmentsPerItem) {
      throw new DocError('invalid_value', 'too many attachments');
    }
    for (const attachment of patch.attachments) check(attachmentSchema, attachment, 'attachment');
  }
}

function sameAttachment(a: unknown, b: Attachment): boolean {
  const parsed = attachmentSchema.safeParse(a);
  return parsed.success && parsed.data.label === b.label && parsed.data.title === b.title;
}

/** Rewrites only the changed middle of the attachment list, like replaceText. */
function replaceAttachments(list: Y.Array<unknown>, next: Attachment[]): void {
  const current = list.toArray();
  let start = 0;
  while (start < current.length && start < next.length) {
    const candidate = next[start];
    if (candidate === undefined || !sameAttachment(current[start], candidate)) break;
    start += 1;
  }
  let end = 0;
  while (end < current.length - start && end < next.length - start) {
    const candidate = next[next.length - 1 - end];
    if (candidate === undefined || !sameAttachment(current[current.length - 1 - end], candidate))
      break;
    end += 1;
  }
  const deleteCount = current.length - start - end;
  if (deleteCount > 0) list.delete(start, deleteCount);
  const inserted = next
    .slice(start, next.length - end)
    .map((a) => ({ label: a.label, title: a.title }));
  if (inserted.length > 0) list.insert(start, inserted);
}

function applyPatch(item: FieldMap, patch: ItemPatch): void {
  if (patch.kind !== undefined && item.get(ItemKey.kind) !== patch.kind)
    item.set(ItemKey.kind, patch.kind);
  if (patch.status !== undefined && item.get(ItemKey.status) !== patch.status) {
    item.set(ItemKey.status, patch.status);
  }
  if (patch.presenter !== undefined && item.get(ItemKey.presenter) !== patch.presenter) {
    item.set(ItemKey.presenter, patch.presenter);
  }
  if (patch.title !== undefined) replaceText(requireText(item, ItemKey.title), patch.title);
  if (patch.proposal !== undefined)
    replaceText(requireText(item, ItemKey.proposal), patch.proposal);
  if (patch.attachments !== undefined) {
    const list = item.get(ItemKey.attachments);
    if (!(list instanceof Y.Array))
      throw new DocError('invalid_value', 'attachments is not a Y.Array');
    replaceAttachments(list, patch.attachments);
  }
}

/**
 * Adds an agenda item at `placement` (default: last) and returns its id. Inserting between two
 * items is the live "§ 5a" amendment: after the agenda was approved the item is marked as an
 * addition (tillägg).
 */
export function addItem(doc: Y.Doc, input: NewItem = {}, placement: ItemPlacement = {}): string {
  const itemId = input.id ?? generateId();
  check(docIdSchema, itemId, 'item id');
  checkPatch(input);
  if (input.body !== undefined) {
    const issue = validateBodyJson(bodyInputToJson(input.body))[0];
    if (issue !== undefined) throw new DocError('invalid_body', `${issue.path}: ${issue.message}`);
  }
  assertWritable(doc);
  const items = itemsMap(doc);
  if (items.has(itemId)) throw new DocError('invalid_value', `item ${itemId} already exists`);
  const { parentId, keys } = resolvePlacement(buildItemTree(doc), placement, null);
  doc.transact(() => {
    const item = new Y.Map<unknown>();
    items.set(itemId, item);
    item.set(ItemKey.order, keys.key);
    if (parentId !== null) item.set(ItemKey.parentId, parentId);
    item.set(ItemKey.kind, input.kind ?? 'discussion');
    item.set(ItemKey.title, new Y.Text(input.title ?? ''));
    item.set(ItemKey.presenter, input.presenter ?? '');
    item.set(ItemKey.proposal, new Y.Text(input.proposal ?? ''));
    item.set(
      ItemKey.attachments,
      Y.Array.from<Attachment>((input.attachments ?? []).map((a) => ({ ...a }))),
    );
    item.set(ItemKey.status, input.status ?? 'pending');
    item.set(ItemKey.addedAfterApproval, isAgendaApproved(doc));
    const body = new Y.XmlFragment();
    item.set(ItemKey.body, body);
    if (input.body !== undefined) writeBody(body, input.body);
    for (const { id, order } of keys.rekeyed) items.get(id)?.set(ItemKey.order, order);
  });
  return itemId;
}

/** Changes an item's fields in one transaction; titles and proposals are diffed, not replaced. */
export function editItem(doc: Y.Doc, itemId: string, patch: ItemPatch): void {
  checkPatch(patch);
  assertWritable(doc);
  const item = requireItem(doc, itemId);
  doc.transact(() => applyPatch(item, patch));
}

/**
 * Moves an item: rewrites its order key (and parent when it changes parent), nothing else, so
 * text someone is typing in it at the same time is kept.
 */
export function moveItem(doc: Y.Doc, itemId: string, placement: ItemPlacement): void {
  assertWritable(doc);
  const tree = buildItemTree(doc);
  const node = tree.byId.get(itemId);
  if (node === undefined) throw new DocError('item_not_found', `no item ${itemId}`);
  const { parentId, keys } = resolvePlacement(tree, placement, node);
  const items = itemsMap(doc);
  doc.transact(() => {
    node.map.set(ItemKey.order, keys.key);
    const storedParent = readOptionalString(node.map, ItemKey.parentId);
    if (parentId === null && storedParent !== null) node.map.delete(ItemKey.parentId);
    if (parentId !== null && storedParent !== parentId) node.map.set(ItemKey.parentId, parentId);
    for (const { id, order } of keys.rekeyed) items.get(id)?.set(ItemKey.order, order);
  });
}

/**
 * Removes an item with its sub-items. Before the agenda is approved it is deleted; afterwards it
 * is struck (struken): kept with a flag so the minutes can record the change and no text is lost.
 */
export function removeItem(doc: Y.Doc, itemId: string): void {
  assertWritable(doc);
  requireItem(doc, itemId);
  const items = itemsMap(doc);
  const approved = isAgendaApproved(doc);
  doc.transact(() => {
    const affected = [itemId];
    items.forEach((item, id) => {
      if (readOptionalString(item, ItemKey.parentId) === itemId) affected.push(id);
    });
    for (const id of affected) {
      if (approved) items.get(id)?.set(ItemKey.removedAfterApproval, true);
      else items.delete(id);
    }
  });
}

/** Brings a struck item (and its struck sub-items) back onto the agenda. */
export function restoreItem(doc: Y.Doc, itemId: string): void {
  assertWritable(doc);
  requireItem(doc, itemId);
  const items = itemsMap(doc);
  doc.transact(() => {
    items.forEach((item, id) => {
      const belongs = id === itemId || readOptionalString(item, ItemKey.parentId) === itemId;
      if (belongs && item.get(ItemKey.removedAfterApproval) === true) {
        item.delete(ItemKey.removedAfterApproval);
      }
    });
  });
}

/** Replaces an item's body with the given blocks or ProseMirror JSON. */
export function setItemBody(doc: Y.Doc, itemId: string, input: BodyInput): void {
  assertWritable(doc);
  const body = requireBody(requireItem(doc, itemId));
  doc.transact(() => writeBody(body, input));
}

/** The shared title text of an item, for binding to an input. */
export function itemTitle(doc: Y.Doc, itemId: string): Y.Text {
  return requireText(requireItem(doc, itemId), ItemKey.title);
}

/** The shared proposal text (förslag till beslut) of an item. */
export function itemProposal(doc: Y.Doc, itemId: string): Y.Text {
  return requireText(requireItem(doc, itemId), ItemKey.proposal);
}

/** The body fragment of an item, for binding to its Tiptap editor. */
export function itemBody(doc: Y.Doc, itemId: string): Y.XmlFragment {
  return requireBody(requireItem(doc, itemId));
}
