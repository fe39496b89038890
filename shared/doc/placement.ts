import { DocError } from './errors.ts';
import type { ItemNode, ItemTree } from './itemTree.ts';
import { type InsertionKeys, keysForInsertion } from './ordering.ts';

/**
 * Where to put an item: right after or right before another item (taking that item's parent),
 * or last among the sub-items of `parentId` (or last on the agenda when parentId is null or
 * absent). `after` wins when both `after` and `before` are given.
 */
export interface ItemPlacement {
  after?: string;
  before?: string;
  parentId?: string | null;
}

/** A placement resolved against the current tree. */
export interface ResolvedPlacement {
  readonly parentId: string | null;
  readonly keys: InsertionKeys;
}

function requireNode(tree: ItemTree, itemId: string): ItemNode {
  const node = tree.byId.get(itemId);
  if (node === undefined) throw new DocError('item_not_found', `no item ${itemId}`);
  return node;
}

/**
 * Resolves a placement to a parent and an order key. `moving` is the item being moved (left out
 * of its siblings), or null for a new item.
 */
export function resolvePlacement(
  tree: ItemTree,
  placement: ItemPlacement,
  moving: ItemNode | null,
): ResolvedPlacement {
  const anchorId = placement.after ?? placement.before;
  let parentId: string | null;
  let anchor: ItemNode | null = null;
  if (anchorId !== undefined) {
    anchor = requireNode(tree, anchorId);
    if (moving !== null && anchor.id === moving.id) {
      throw new DocError('invalid_placement', 'an item cannot be placed next to itself');
    }
    parentId = anchor.parentId;
  } else {
    parentId = placement.parentId ?? null;
  }
  if (parentId !== null) {
    const parent = requireNode(tree, parentId);
    if (parent.parentId !== null) {
      throw new DocError('nesting_too_deep', 'sub-items cannot have sub-items');
    }
    if (parent.removed) throw new DocError('invalid_placement', 'the parent item is struck');
    if (moving !== null && parent.id === moving.id) {
      throw new DocError('invalid_placement', 'an item cannot be its own sub-item');
    }
    if (moving !== null && moving.children.length > 0) {
      throw new DocError('nesting_too_deep', 'an item with sub-items cannot become a sub-item');
    }
  }
  const parentNode = parentId === null ? null : requireNode(tree, parentId);
  const siblings = (parentNode === null ? tree.roots : parentNode.children).filter(
    (node) => node.id !== moving?.id,
  );
  let index = siblings.length;
  if (anchor !== null) {
    const anchorIndex = siblings.indexOf(anchor);
    index = placement.after !== undefined ? anchorIndex + 1 : anchorIndex;
  }
  return { parentId, keys: keysForInsertion(siblings, index) };
}
