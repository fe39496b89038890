import type * as Y from 'yjs';
import { type FieldMap, itemsMap, readBoolean, readOptionalString } from './access.ts';
import { ItemKey } from './constants.ts';
import { compareOrdered } from './ordering.ts';

/**
 * The agenda as a tree derived from the flat `items` map: top-level items (paragraphs) and one
 * level of sub-items (§ 6a, § 11.1). Parents are resolved on read, so concurrent edits that
 * would nest too deeply or orphan a sub-item still give every replica the same tree.
 */

/** One item in the derived tree. */
export interface ItemNode {
  readonly id: string;
  readonly order: string;
  /** The parent the item is shown under (may differ from the stored parentId, see buildItemTree). */
  readonly parentId: string | null;
  readonly removed: boolean;
  readonly map: FieldMap;
  readonly children: ItemNode[];
}

/** The derived agenda tree. */
export interface ItemTree {
  /** Top-level items in order. */
  readonly roots: ItemNode[];
  /** Every item in reading order: each top-level item followed by its sub-items. */
  readonly flat: ItemNode[];
  readonly byId: ReadonlyMap<string, ItemNode>;
}

/**
 * Builds the tree. A stored parentId is honoured only when the parent exists and is itself
 * top-level (one level of nesting), and a live sub-item of a struck parent is shown top-level,
 * so nothing that is still on the agenda disappears with its parent.
 */
export function buildItemTree(doc: Y.Doc): ItemTree {
  const raw = new Map<
    string,
    { order: string; storedParent: string | null; removed: boolean; map: FieldMap }
  >();
  itemsMap(doc).forEach((map, id) => {
    raw.set(id, {
      order: readOptionalString(map, ItemKey.order) ?? '',
      storedParent: readOptionalString(map, ItemKey.parentId),
      removed: readBoolean(map, ItemKey.removedAfterApproval),
      map,
    });
  });
  const effectiveParent = (id: string): string | null => {
    const item = raw.get(id);
    const parentId = item?.storedParent ?? null;
    if (item === undefined || parentId === null || parentId === id) return null;
    const parent = raw.get(parentId);
    if (parent === undefined || parent.storedParent !== null) return null;
    if (parent.removed && !item.removed) return null;
    return parentId;
  };
  const nodes = new Map<string, ItemNode>();
  for (const [id, item] of raw) {
    nodes.set(id, {
      id,
      order: item.order,
      parentId: effectiveParent(id),
      removed: item.removed,
      map: item.map,
      children: [],
    });
  }
  const roots: ItemNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent === undefined) roots.push(node);
    else parent.children.push(node);
  }
  roots.sort(compareOrdered);
  const flat: ItemNode[] = [];
  for (const root of roots) {
    root.children.sort(compareOrdered);
    flat.push(root, ...root.children);
  }
  return { roots, flat, byId: nodes };
}

/** The siblings an item is ordered among: the parent's children, or the top-level items. */
export function siblingsOf(tree: ItemTree, parentId: string | null): ItemNode[] {
  if (parentId === null) return tree.roots;
  return tree.byId.get(parentId)?.children ?? [];
}

/** Index range [first, last] in reading order covered by an item and its sub-items. */
export function spanOf(tree: ItemTree, itemId: string): readonly [number, number] | null {
  const node = tree.byId.get(itemId);
  if (node === undefined) return null;
  const first = tree.flat.indexOf(node);
  return [first, first + node.children.length];
}
