import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Fractional order keys for agenda items. A move rewrites one key, never the item, so concurrent
 * moves cannot duplicate an item and text typed into a moving item is kept (TECH-NOTES §1).
 */

/** Something with a stable id and an order key. */
export interface Ordered {
  readonly id: string;
  readonly order: string;
}

/** True when `key` is a well-formed fractional-indexing key (base-62 digits, no trailing zero). */
export function isValidOrderKey(key: string): boolean {
  if (!/^[A-Za-z][0-9A-Za-z]*$/.test(key)) return false;
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    // fractional-indexing throws on malformed keys; that is exactly the "invalid" answer.
    return false;
  }
}

/**
 * Total order of items: by key, then by id. Two people inserting at the same place at once get
 * the same key; the id tie-break still gives every replica the same order.
 */
export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/** A key for a new position plus any neighbours that had to be re-keyed to make room. */
export interface InsertionKeys {
  readonly key: string;
  readonly rekeyed: ReadonlyArray<Ordered>;
}

/**
 * Keys to insert at `index` into `siblings` (sorted with compareOrdered, the moving item left out).
 * When the neighbours share a key (a past concurrent insert) there is no key strictly between
 * them, so the run of tied items after the gap gets fresh keys too.
 */
export function keysForInsertion(siblings: ReadonlyArray<Ordered>, index: number): InsertionKeys {
  const lower = index > 0 ? (siblings[index - 1]?.order ?? null) : null;
  const upper = siblings[index]?.order ?? null;
  if (lower === null || upper === null || lower < upper) {
    return { key: generateKeyBetween(lower, upper), rekeyed: [] };
  }
  let end = index;
  while (end < siblings.length && (siblings[end]?.order ?? '') <= lower) end += 1;
  const nextUpper = siblings[end]?.order ?? null;
  const keys = generateNKeysBetween(lower, nextUpper, end - index + 1);
  const rekeyed = siblings
    .slice(index, end)
    .map((sibling, offset) => ({ id: sibling.id, order: keys[offset + 1] ?? '' }));
  return { key: keys[0] ?? '', rekeyed };
}
