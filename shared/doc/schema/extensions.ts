import type { AnyExtension } from '@tiptap/core';
import { Blockquote } from '@tiptap/extension-blockquote';
import { Document } from '@tiptap/extension-document';
import { BulletList, ListItem, OrderedList } from '@tiptap/extension-list';
import { Table, TableCell, TableHeader, TableKit } from '@tiptap/extension-table';
import { StarterKit } from '@tiptap/starter-kit';
import { Assignment } from './assignment.ts';
import { Decision } from './decision.ts';

/**
 * The Tiptap extensions of an item body, headless: no DOM, no React. The client adds node views
 * and Collaboration on top; the server builds the same schema with getSchema().
 *
 * Every container uses a `*` content expression. A Yjs merge can only add or remove children, so
 * with star expressions no merge of two valid edits is ever invalid: the binding never deletes a
 * merged block and the server never refuses a legitimate concurrent update (TECH-NOTES §1–2).
 */

/** The body root: any blocks, including none (two people deleting the last paragraphs). */
export const BodyDocument = Document.extend({ content: 'block*' });

/** Blockquote allowing an empty merge result. */
export const BodyBlockquote = Blockquote.extend({ content: 'block*' });

/** Bullet list allowing an empty merge result. */
export const BodyBulletList = BulletList.extend({ content: 'listItem*' });

/** Ordered list allowing an empty merge result. */
export const BodyOrderedList = OrderedList.extend({ content: 'listItem*' });

/** List item whose leading paragraph may be merged away without invalidating the item. */
export const BodyListItem = ListItem.extend({ content: 'paragraph* block*' });

/** Table allowing all rows to be deleted concurrently. */
export const BodyTable = Table.extend({ content: 'tableRow*' });

/** Table cell allowing an empty merge result. */
export const BodyTableCell = TableCell.extend({ content: 'block*' });

/** Table header cell allowing an empty merge result. */
export const BodyTableHeader = TableHeader.extend({ content: 'block*' });

/**
 * The extensions of an item body. Left out on purpose: undo/redo (Collaboration brings the Yjs
 * undo manager), code blocks (not used in minutes), the inline code mark, whose `excludes: '_'`
 * makes a concurrent bold + code on the same text an invalid mark set, and the trailing-node
 * plugin, which writes an empty paragraph into the shared body as soon as an editor opens on a
 * body ending in a table or decision (every client at once: one empty paragraph each).
 */
export const bodyExtensions: AnyExtension[] = [
  StarterKit.configure({
    undoRedo: false,
    document: false,
    blockquote: false,
    bulletList: false,
    orderedList: false,
    listItem: false,
    codeBlock: false,
    code: false,
    trailingNode: false,
    link: { openOnClick: false, autolink: true },
  }),
  BodyDocument,
  BodyBlockquote,
  BodyBulletList,
  BodyOrderedList,
  BodyListItem,
  TableKit.configure({ table: false, tableCell: false, tableHeader: false }),
  BodyTable,
  BodyTableCell,
  BodyTableHeader,
  Decision,
  Assignment,
];
