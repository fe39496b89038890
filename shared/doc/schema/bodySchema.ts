import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { bodyExtensions } from './extensions.ts';

/** The ProseMirror schema of an item body, built headless (no DOM) from bodyExtensions. */
export const bodySchema: Schema = getSchema(bodyExtensions);

/**
 * Types an attribute value may have:
 * - `string`, `string|null`: text;
 * - `integer`: any integer; `count|null`: a non-negative integer or null;
 * - `integerArray|null`: an array of integers or null (table column widths);
 * - `date|null`: 'YYYY-MM-DD' or null;
 * - `url|null`: a link target with a safe scheme (http, https, mailto, tel, or relative) or null.
 */
export type BodyAttrType =
  | 'string'
  | 'string|null'
  | 'integer'
  | 'count|null'
  | 'integerArray|null'
  | 'date|null'
  | 'url|null';

const cellAttrs = {
  colspan: 'integer',
  rowspan: 'integer',
  colwidth: 'integerArray|null',
  align: 'string|null',
} as const satisfies Record<string, BodyAttrType>;

/**
 * Every node an item body may hold and the attributes each may carry, for the server's update
 * validator. A test keeps this in step with bodySchema.
 */
export const bodyNodeAttributes = {
  doc: {},
  paragraph: {},
  text: {},
  heading: { level: 'integer' },
  blockquote: {},
  bulletList: {},
  orderedList: { start: 'integer', type: 'string|null' },
  listItem: {},
  hardBreak: {},
  horizontalRule: {},
  table: {},
  tableRow: {},
  tableCell: cellAttrs,
  tableHeader: cellAttrs,
  decision: {
    votesFor: 'count|null',
    votesAgainst: 'count|null',
    votesAbstain: 'count|null',
    reservations: 'string',
  },
  assignment: { assignee: 'string', dueDate: 'date|null' },
} as const satisfies Record<string, Record<string, BodyAttrType>>;

/** Every mark text in a body may carry and the mark's attributes. */
export const bodyMarkAttributes = {
  bold: {},
  italic: {},
  strike: {},
  underline: {},
  link: {
    href: 'url|null',
    target: 'string|null',
    rel: 'string|null',
    class: 'string|null',
    title: 'string|null',
  },
} as const satisfies Record<string, Record<string, BodyAttrType>>;

export type BodyNodeName = keyof typeof bodyNodeAttributes;
export type BodyMarkName = keyof typeof bodyMarkAttributes;
