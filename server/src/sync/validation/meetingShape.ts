import type { NodeType } from '@tiptap/pm/model';
import type { z } from 'zod';
import {
  DocLimits,
  ItemKey,
  OfficerKey,
  RootName,
  serverOwnedMetaKeys,
} from '../../../../shared/doc/constants.ts';
import {
  type BodyAttrType,
  bodyMarkAttributes,
  bodyNodeAttributes,
  bodySchema,
} from '../../../../shared/doc/schema/bodySchema.ts';
import { matchesAttrType } from '../../../../shared/doc/schema/validateBody.ts';
import {
  attachmentSchema,
  attendeeValueSchemas,
  docIdSchema,
  itemValueSchemas,
  metaValueSchemas,
  officerRefSchema,
} from '../../../../shared/doc/values.ts';
import type { DocumentShape, Slot, XmlRules } from './shape.ts';

/** A plain-value slot checked by a zod schema from shared/doc. */
function checkedValue(schema: z.ZodType): Slot {
  return {
    kind: 'value',
    check: (value) => {
      const result = schema.safeParse(value);
      return result.success ? null : (result.error.issues[0]?.message ?? 'invalid value');
    },
  };
}

function checkedValues(schemas: Readonly<Record<string, z.ZodType>>): Record<string, Slot> {
  return Object.fromEntries(
    Object.entries(schemas).map(([key, schema]) => [key, checkedValue(schema)]),
  );
}

const checkDocId = (key: string): string | null =>
  docIdSchema.safeParse(key).success
    ? null
    : `"${key.slice(0, DocLimits.idLength)}" is not a valid id`;

/** Node names that may appear directly inside each node, read off the content expressions. */
function childNamesOf(type: NodeType): Set<string> {
  const names = new Set<string>();
  const seen = new Set<unknown>();
  const pending = [type.contentMatch];
  while (pending.length > 0) {
    const match = pending.pop();
    if (!match || seen.has(match)) continue;
    seen.add(match);
    for (let index = 0; index < match.edgeCount; index += 1) {
      const edge = match.edge(index);
      names.add(edge.type.name);
      pending.push(edge.next);
    }
  }
  return names;
}

const childNames = new Map(
  Object.values(bodySchema.nodes).map((type) => [type.name, childNamesOf(type)]),
);

const nodeAttributes = bodyNodeAttributes as Record<string, Record<string, BodyAttrType>>;
const markAttributes = bodyMarkAttributes as Record<string, Record<string, BodyAttrType>>;

/** The item-body rules: exactly what the headless Tiptap schema in shared/doc allows. */
export const bodyRules: XmlRules = {
  rootNode: bodySchema.topNodeType.name,
  // "text" is not an element: Tiptap stores text as Y.XmlText, checked by allowsText.
  allowsChild: (parent, child) => child !== 'text' && (childNames.get(parent)?.has(child) ?? false),
  allowsText: (parent) => childNames.get(parent)?.has('text') ?? false,
  checkAttribute: (nodeName, name, value) => {
    const type = nodeAttributes[nodeName]?.[name];
    if (type === undefined) return `"${nodeName}" has no attribute "${name}"`;
    return matchesAttrType(value, type)
      ? null
      : `attribute "${name}" of "${nodeName}" must be ${type}`;
  },
  checkMark: (parent, key, value) => {
    // y-tiptap names overlapping marks of one type "<mark>--<hash>".
    const markName = key.split('--')[0] ?? key;
    const allowed = markAttributes[markName];
    const markType = bodySchema.marks[markName];
    if (allowed === undefined || markType === undefined) return `unknown formatting "${markName}"`;
    if (!bodySchema.nodes[parent]?.allowsMarkType(markType)) {
      return `formatting "${markName}" is not allowed in "${parent}"`;
    }
    // null removes the mark from a range.
    if (value === null) return null;
    if (typeof value !== 'object' || Array.isArray(value)) {
      return `formatting "${markName}" must carry an attribute object`;
    }
    for (const [name, attr] of Object.entries(value as Record<string, unknown>)) {
      const type = allowed[name];
      if (type === undefined) return `formatting "${markName}" has no attribute "${name}"`;
      if (!matchesAttrType(attr, type))
        return `attribute "${name}" of "${markName}" must be ${type}`;
    }
    return null;
  },
};

const serverOwned: Slot = { kind: 'serverOwned' };
const plainText: Slot = { kind: 'text' };

const itemSlot: Slot = {
  kind: 'map',
  entries: {
    ...checkedValues(itemValueSchemas),
    [ItemKey.title]: plainText,
    [ItemKey.proposal]: plainText,
    [ItemKey.attachments]: { kind: 'array', element: checkedValue(attachmentSchema) },
    [ItemKey.body]: { kind: 'xmlFragment', rules: bodyRules },
  },
};

/**
 * The meeting document as the server accepts it from clients (see shared/doc/constants.ts):
 * four root maps, known fields with checked values, item bodies in the Tiptap schema, and the
 * lifecycle fields of `meta` closed to clients.
 */
export const meetingShape: DocumentShape = {
  roots: {
    [RootName.meta]: {
      kind: 'map',
      entries: {
        ...checkedValues(metaValueSchemas),
        ...Object.fromEntries(serverOwnedMetaKeys.map((key) => [key, serverOwned])),
      },
    },
    [RootName.items]: { kind: 'map', entries: {}, anyKey: itemSlot, checkKey: checkDocId },
    [RootName.attendance]: {
      kind: 'map',
      entries: {},
      anyKey: { kind: 'map', entries: checkedValues(attendeeValueSchemas) },
      checkKey: checkDocId,
    },
    [RootName.officers]: {
      kind: 'map',
      entries: {
        [OfficerKey.chair]: checkedValue(officerRefSchema),
        [OfficerKey.secretary]: checkedValue(officerRefSchema),
      },
    },
    [RootName.adjusters]: { kind: 'array', element: checkedValue(officerRefSchema) },
  },
};
