import * as Y from 'yjs';
import { readBoolean, readString } from './access.ts';
import { ItemKey, type ItemKind, type ItemStatus } from './constants.ts';
import { buildItemTree, type ItemNode } from './itemTree.ts';
import { getMeta } from './meta.ts';
import { numberItems } from './numbering.ts';
import type { BodyJson } from './schema/bodyJson.ts';
import { readBodyJson } from './schema/validateBody.ts';
import { type Attachment, attachmentSchema, itemValueSchemas } from './values.ts';

/** An agenda item as plain data, without its body (for the agenda sidebar). */
export interface ItemSummary {
  id: string;
  /** The parent the item is shown under; null for a top-level item. */
  parentId: string | null;
  depth: 0 | 1;
  order: string;
  /** § number (of the parent for a sub-item); null when struck. */
  number: number | null;
  subIndex: number | null;
  /** "5", "6a", "11.1"; null when struck. */
  label: string | null;
  kind: ItemKind;
  title: string;
  presenter: string;
  proposal: string;
  attachments: Attachment[];
  status: ItemStatus;
  addedAfterApproval: boolean;
  removedAfterApproval: boolean;
}

/** An agenda item with its body as ProseMirror JSON. */
export interface ItemSnapshot extends ItemSummary {
  body: BodyJson;
}

function readTextField(node: ItemNode, key: string): string {
  const value = node.map.get(key);
  return value instanceof Y.Text ? value.toString() : '';
}

function readAttachments(node: ItemNode): Attachment[] {
  const value = node.map.get(ItemKey.attachments);
  if (!(value instanceof Y.Array)) return [];
  const attachments: Attachment[] = [];
  for (const entry of value.toArray()) {
    const parsed = attachmentSchema.safeParse(entry);
    if (parsed.success) attachments.push(parsed.data);
  }
  return attachments;
}

function readBody(node: ItemNode): BodyJson {
  const value = node.map.get(ItemKey.body);
  return value instanceof Y.XmlFragment ? readBodyJson(value) : { type: 'doc', content: [] };
}

/** Lists items in reading order with derived numbers; bodies only when `withBody` is set. */
export function readItems(doc: Y.Doc, withBody: true): ItemSnapshot[];
export function readItems(doc: Y.Doc, withBody?: false): ItemSummary[];
export function readItems(doc: Y.Doc, withBody = false): ItemSummary[] | ItemSnapshot[] {
  const tree = buildItemTree(doc);
  const meta = getMeta(doc);
  const numbers = numberItems(tree, {
    firstParagraphNumber: meta.firstParagraphNumber,
    subItemNumbering: meta.subItemNumbering,
    lockedNumbers: meta.lockedNumbers,
  });
  return tree.flat.map((node) => {
    const number = numbers.get(node.id);
    const kind = itemValueSchemas.kind.safeParse(node.map.get(ItemKey.kind));
    const status = itemValueSchemas.status.safeParse(node.map.get(ItemKey.status));
    const summary: ItemSummary = {
      id: node.id,
      parentId: node.parentId,
      depth: node.parentId === null ? 0 : 1,
      order: node.order,
      number: number?.number ?? null,
      subIndex: number?.subIndex ?? null,
      label: number?.label ?? null,
      kind: kind.success ? kind.data : 'discussion',
      title: readTextField(node, ItemKey.title),
      presenter: readString(node.map, ItemKey.presenter),
      proposal: readTextField(node, ItemKey.proposal),
      attachments: readAttachments(node),
      status: status.success ? status.data : 'pending',
      addedAfterApproval: readBoolean(node.map, ItemKey.addedAfterApproval),
      removedAfterApproval: readBoolean(node.map, ItemKey.removedAfterApproval),
    };
    return withBody ? { ...summary, body: readBody(node) } : summary;
  });
}

/** One item as plain data with its body, or null when there is no such item. */
export function readItem(doc: Y.Doc, itemId: string): ItemSnapshot | null {
  return readItems(doc, true).find((item) => item.id === itemId) ?? null;
}
