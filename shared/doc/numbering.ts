import type { SubItemNumbering } from './constants.ts';
import type { ItemTree } from './itemTree.ts';

/**
 * § numbers are derived, never stored while the meeting is live (TECH-NOTES §1, scenario 4):
 * first § number + position among the live top-level items, gap-free. Sub-items get "6a" or
 * "11.1". Struck items (struken) get no number.
 */

/** The derived number of one item. */
export interface ItemNumber {
  /** The § number of the item, or of its parent for a sub-item; null for a struck item. */
  readonly number: number | null;
  /** 1-based position among the parent's live sub-items; null for a top-level item. */
  readonly subIndex: number | null;
  /** The label shown: "5", "6a", "11.1"; null for a struck item. */
  readonly label: string | null;
}

/** Options of numberItems. */
export interface NumberingOptions {
  readonly firstParagraphNumber: number;
  readonly subItemNumbering: SubItemNumbering;
  /** Labels frozen when the minutes were locked; they win over derived ones. */
  readonly lockedNumbers?: Readonly<Record<string, string>> | null;
}

/** The letter label of the n-th sub-item (1 → "a", 26 → "z", 27 → "aa"). */
export function letterLabel(index: number): string {
  let n = index;
  let label = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    label = String.fromCharCode(97 + rest) + label;
    n = Math.floor((n - 1) / 26);
  }
  return label;
}

/** The label of a sub-item: "6a" or "6.1". */
export function subItemLabel(parentNumber: number, index: number, style: SubItemNumbering): string {
  return style === 'letter' ? `${parentNumber}${letterLabel(index)}` : `${parentNumber}.${index}`;
}

const unnumbered: ItemNumber = { number: null, subIndex: null, label: null };

/** Derives the number and label of every item in the tree. */
export function numberItems(tree: ItemTree, options: NumberingOptions): Map<string, ItemNumber> {
  const numbers = new Map<string, ItemNumber>();
  let next = options.firstParagraphNumber;
  for (const root of tree.roots) {
    if (root.removed) {
      numbers.set(root.id, unnumbered);
      for (const child of root.children) numbers.set(child.id, unnumbered);
      continue;
    }
    const number = next;
    next += 1;
    numbers.set(root.id, { number, subIndex: null, label: String(number) });
    let subIndex = 0;
    for (const child of root.children) {
      if (child.removed) {
        numbers.set(child.id, unnumbered);
        continue;
      }
      subIndex += 1;
      numbers.set(child.id, {
        number,
        subIndex,
        label: subItemLabel(number, subIndex, options.subItemNumbering),
      });
    }
  }
  const locked = options.lockedNumbers;
  if (locked) {
    for (const [itemId, derived] of numbers) {
      const label = locked[itemId];
      if (label !== undefined) numbers.set(itemId, { ...derived, label });
    }
  }
  return numbers;
}
