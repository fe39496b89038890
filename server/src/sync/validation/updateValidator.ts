import * as Y from 'yjs';
import { deletedItems } from './deletedItems.ts';
import type { DocumentShape, MapSlot, Slot } from './shape.ts';

/**
 * The verdict for an update that builds on content the server has not received yet. It is not
 * an error: a client that reconnects may send a fresh edit before its sync reply carrying the
 * content that edit builds on. The room parks such an update and retries it later.
 */
export const missingDependency = 'update depends on content the server does not have';

/** Where a shared type sits in the shape: its slot and a readable path for error messages. */
interface Location {
  slot: Slot;
  path: string;
}

/** A parent as an update refers to it: a root by name, a type the room has, or one the update creates. */
type ParentRef =
  | { kind: 'root'; name: string }
  | { kind: 'existing'; type: Y.AbstractType<unknown> }
  | { kind: 'new'; item: Y.Item }
  /** The parent was garbage-collected: Yjs discards such content on apply. */
  | { kind: 'gone' };

type Outcome = Location | string | null;

/** An update as Y.decodeUpdate returns it (decoded once by the room, shared with the validator). */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

type Content = Y.Item['content'];

const isProblem = (outcome: Outcome): outcome is string => typeof outcome === 'string';

/**
 * Checks a decoded update against the document shape WITHOUT applying it: every inserted item is
 * placed in the slot it would land in (following parent and origin references into the update
 * itself and into the room's document), and every deletion is checked against server-owned
 * fields. Returns the first problem as a sentence, or null when the update may be applied.
 *
 * Validating the structs instead of applying to a copy keeps the cost proportional to the update,
 * not to the document (no per-update clone of a large meeting).
 */
export class UpdateValidator {
  /** Slots of the room's existing shared types; they never move, so this is safe to keep. */
  private readonly existing = new WeakMap<Y.AbstractType<unknown>, Outcome>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly shape: DocumentShape,
  ) {}

  /** The first reason `update` must be refused, or null. */
  check(update: DecodedUpdate): string | null {
    if (hasClockGap(this.doc, update.structs)) return missingDependency;
    const run = new ValidationRun(this.doc, this.shape, this.existing, update.structs);
    for (const struct of update.structs) {
      if (!(struct instanceof Y.Item)) continue;
      // Yjs resolves the references of every struct, even of those it already has and will
      // skip, so a bad reference is refused whether or not the struct is new.
      const references = run.checkReferences(struct);
      if (references !== null) return references;
      if (run.isKnown(struct)) continue;
      const overlap = run.checkOverlap(struct);
      if (overlap !== null) return overlap;
      const outcome = run.locateNew(struct);
      if (isProblem(outcome)) return outcome;
    }
    return run.checkDeletions(update.ds);
  }
}

/** State of one check: an index of the update's structs and memoised locations of new items. */
class ValidationRun {
  private readonly byClient = new Map<number, Y.Item[]>();
  private readonly located = new Map<Y.Item, Outcome>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly shape: DocumentShape,
    private readonly existing: WeakMap<Y.AbstractType<unknown>, Outcome>,
    structs: Array<Y.Item | Y.GC | Y.Skip>,
  ) {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue;
      const list = this.byClient.get(struct.id.client);
      if (list) list.push(struct);
      else this.byClient.set(struct.id.client, [struct]);
    }
  }

  /** True when the room already has every clock of `item` (Yjs will skip it on apply). */
  isKnown(item: Y.Item): boolean {
    return item.id.clock + item.length <= Y.getState(this.doc.store, item.id.client);
  }

  /**
   * An item the room already has in part (it starts below the client's state and ends above it)
   * is a client's later, merged copy of content it sent in pieces. Yjs integrates only the new
   * part and puts it straight after the room's struct at state − 1, trusting that struct to be
   * the item's own beginning: it does not look at the item's parent again. A forged item that
   * claims another client's clock range would so be linked into a list it was never validated
   * for (and could delete the map entry next to it); the beginning must really be its own.
   */
  checkOverlap(item: Y.Item): string | null {
    const known = Y.getState(this.doc.store, item.id.client);
    if (item.id.clock >= known) return null;
    const found = this.findStruct(Y.createID(item.id.client, known - 1));
    const prefix = found?.inDoc === true ? found.struct : null;
    const problem = 'malformed update: an item overlaps content of another place';
    if (!(prefix instanceof Y.Item)) return problem;
    const parent = this.resolveParent(item);
    if (typeof parent === 'string') return parent;
    if (parent.ref.kind === 'gone') return null;
    const prefixParent = prefix.parent as Y.AbstractType<unknown>;
    const sameParent =
      parent.ref.kind === 'existing'
        ? parent.ref.type === prefixParent
        : parent.ref.kind === 'root' &&
          prefixParent._item === null &&
          Y.findRootTypeKey(prefixParent) === parent.ref.name;
    return sameParent && prefix.parentSub === parent.parentSub ? null : problem;
  }

  /** Where a new item lands: its Location when it is a shared type, null for accepted content. */
  locateNew(item: Y.Item): Outcome {
    const memo = this.located.get(item);
    if (memo !== undefined) return memo;
    // Guards against a crafted cycle of origins pointing at each other.
    this.located.set(item, 'update refers to itself in a cycle');
    const outcome = this.placeNew(item);
    this.located.set(item, outcome);
    return outcome;
  }

  private placeNew(item: Y.Item): Outcome {
    const parent = this.resolveParent(item);
    if (typeof parent === 'string') return parent;
    if (parent.ref.kind === 'gone') return null;
    const parentLocation = this.locateParent(parent.ref);
    if (isProblem(parentLocation)) return parentLocation;
    if (parentLocation === null) return 'content inside a plain value';
    return place(parentLocation, parent.parentSub, item.content);
  }

  /**
   * Every struct an item points at (left and right neighbour, parent) must exist when Yjs
   * integrates it: in the room's document, or earlier in the update. A reference to the item's
   * own client must point backwards; Yjs assumes so and throws mid-apply otherwise.
   */
  checkReferences(item: Y.Item): string | null {
    const parent = item.parent instanceof Y.ID ? item.parent : null;
    for (const reference of [item.origin, item.rightOrigin, parent]) {
      if (reference === null) continue;
      if (reference.client === item.id.client && reference.clock >= item.id.clock) {
        return 'malformed update: an item refers to content after itself';
      }
      if (this.findStruct(reference) === null) return missingDependency;
    }
    return null;
  }

  /** Parent and map key of a new item; items with an origin inherit both from it. */
  private resolveParent(
    item: Y.Item,
    depth = 0,
  ): { ref: ParentRef; parentSub: string | null } | string {
    if (depth > 10_000) return 'origin chain too long';
    const parent = item.parent as unknown;
    if (typeof parent === 'string')
      return { ref: { kind: 'root', name: parent }, parentSub: item.parentSub };
    if (parent instanceof Y.ID) {
      const found = this.findStruct(parent);
      if (found === null) return missingDependency;
      if (found.struct instanceof Y.GC) return { ref: { kind: 'gone' }, parentSub: null };
      const content = (found.struct as Y.Item).content;
      if (!(content instanceof Y.ContentType)) return 'parent is not a shared type';
      return {
        ref: found.inDoc
          ? { kind: 'existing', type: content.type }
          : { kind: 'new', item: found.struct as Y.Item },
        parentSub: item.parentSub,
      };
    }
    const neighbour = item.origin ?? item.rightOrigin;
    if (neighbour === null) return 'item without parent or neighbour';
    const found = this.findStruct(neighbour);
    if (found === null) return missingDependency;
    if (found.struct instanceof Y.GC) return { ref: { kind: 'gone' }, parentSub: null };
    const sibling = found.struct as Y.Item;
    if (found.inDoc) {
      return {
        ref: { kind: 'existing', type: sibling.parent as Y.AbstractType<unknown> },
        parentSub: sibling.parentSub,
      };
    }
    return this.resolveParent(sibling, depth + 1);
  }

  private locateParent(ref: ParentRef): Outcome {
    switch (ref.kind) {
      case 'root': {
        const slot = this.shape.roots[ref.name];
        return slot ? { slot, path: ref.name } : `unknown document root "${ref.name}"`;
      }
      case 'existing':
        return this.locateExisting(ref.type);
      case 'new':
        return this.locateNew(ref.item);
      case 'gone':
        return null;
    }
  }

  private locateExisting(type: Y.AbstractType<unknown>): Outcome {
    const memo = this.existing.get(type);
    if (memo !== undefined) return memo;
    let outcome: Outcome;
    const item = type._item;
    if (item === null) {
      const name = Y.findRootTypeKey(type);
      const slot = this.shape.roots[name];
      outcome = slot ? { slot, path: name } : `unknown document root "${name}"`;
    } else {
      const parent = this.locateExisting(item.parent as Y.AbstractType<unknown>);
      // Locating content the room already has: closed maps and lists still lead to their text.
      outcome =
        isProblem(parent) || parent === null
          ? parent
          : place(parent, item.parentSub, item.content, { existing: true });
    }
    this.existing.set(type, outcome);
    return outcome;
  }

  /** Deleting a server-owned field or an entry of a closed map or list is a write to it too. */
  checkDeletions(ds: DecodedUpdate['ds']): string | null {
    for (const struct of deletedItems(this.doc, ds)) {
      const parent = this.locateExisting(struct.parent as Y.AbstractType<unknown>);
      if (isProblem(parent) || parent === null) continue;
      const { slot, path } = parent;
      if (slot.kind === 'array' && slot.locked) return `${path}: only existing text may be edited`;
      if (slot.kind !== 'map' || struct.parentSub === null) continue;
      if (entrySlot(slot, struct.parentSub)?.kind === 'serverOwned') {
        return `${path}.${struct.parentSub} is written only by the server`;
      }
      if (slot.locked) return `${path}.${struct.parentSub}: only existing text may be edited`;
    }
    return null;
  }

  /** The struct holding clock `id`, from the update or from the room's document. */
  private findStruct(id: Y.ID): { struct: Y.Item | Y.GC; inDoc: boolean } | null {
    if (id.clock < Y.getState(this.doc.store, id.client)) {
      const structs = this.doc.store.clients.get(id.client) ?? [];
      const struct = structs[Y.findIndexSS(structs, id.clock)];
      return struct ? { struct: struct as Y.Item | Y.GC, inDoc: true } : null;
    }
    const list = this.byClient.get(id.client);
    if (!list) return null;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const candidate = list[mid] as Y.Item;
      if (id.clock < candidate.id.clock) high = mid - 1;
      else if (id.clock >= candidate.id.clock + candidate.length) low = mid + 1;
      else return { struct: candidate, inDoc: false };
    }
    return null;
  }
}

/**
 * True when some client's structs in the update do not continue where the room's document ends
 * for that client (or the update skips a range): Yjs would keep them pending, outside anything
 * validated; such an update waits until the content before it has arrived.
 */
function hasClockGap(doc: Y.Doc, structs: DecodedUpdate['structs']): boolean {
  const next = new Map<number, number>();
  for (const struct of structs) {
    if (struct instanceof Y.Skip) return true;
    const client = struct.id.client;
    const expected = next.get(client) ?? Y.getState(doc.store, client);
    if (struct.id.clock > expected) return true;
    next.set(client, Math.max(expected, struct.id.clock + struct.length));
  }
  return false;
}

function entrySlot(slot: MapSlot, key: string): Slot | undefined {
  if (Object.hasOwn(slot.entries, key)) return slot.entries[key];
  if (slot.anyKey && (slot.checkKey?.(key) ?? null) === null) return slot.anyKey;
  return undefined;
}

/** Places content under a parent location: a Location for a shared type, null for a leaf. */
function place(
  parent: Location,
  parentSub: string | null,
  content: Content,
  { existing = false } = {},
): Outcome {
  if (content instanceof Y.ContentDeleted) return null;
  const { slot, path } = parent;
  switch (slot.kind) {
    case 'map': {
      if (parentSub === null) return `${path} holds only named fields`;
      if (slot.locked && !existing) return `${path}.${parentSub}: only existing text may be edited`;
      if (slot.anyKey && !Object.hasOwn(slot.entries, parentSub)) {
        const keyProblem = slot.checkKey?.(parentSub) ?? null;
        if (keyProblem !== null) return `${path}: ${keyProblem}`;
      }
      const child = entrySlot(slot, parentSub);
      if (!child) return `${path}: unknown field "${parentSub}"`;
      return fitContent(child, content, `${path}.${parentSub}`);
    }
    case 'array':
      if (parentSub !== null) return `${path} is a list, not a map`;
      if (slot.locked && !existing) return `${path}: only existing text may be edited`;
      return fitContent(slot.element, content, `${path}[]`);
    case 'text':
      if (parentSub !== null) return `${path}: text attributes are not allowed`;
      if (content instanceof Y.ContentString) return null;
      return `${path}: only plain text is allowed here`;
    case 'xmlFragment':
    case 'xmlElement': {
      const nodeName = slot.kind === 'xmlFragment' ? slot.rules.rootNode : slot.nodeName;
      if (parentSub !== null) {
        if (slot.kind === 'xmlFragment') return `${path}: a body has no attributes`;
        if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) {
          return `${path}: attribute "${parentSub}" must be a plain value`;
        }
        const problem = slot.rules.checkAttribute(nodeName, parentSub, content.arr[0]);
        return problem === null ? null : `${path}: ${problem}`;
      }
      if (content instanceof Y.ContentType) {
        const type = content.type;
        if (type instanceof Y.XmlElement) {
          if (!slot.rules.allowsChild(nodeName, type.nodeName)) {
            return `${path}: a "${type.nodeName}" block is not allowed in "${nodeName}"`;
          }
          return {
            slot: { kind: 'xmlElement', nodeName: type.nodeName, rules: slot.rules },
            path: `${path}/${type.nodeName}`,
          };
        }
        if (type instanceof Y.XmlText) {
          if (!slot.rules.allowsText(nodeName))
            return `${path}: text is not allowed in "${nodeName}"`;
          return { slot: { kind: 'xmlText', parentNode: nodeName, rules: slot.rules }, path };
        }
      }
      return `${path}: only schema blocks and text are allowed in "${nodeName}"`;
    }
    case 'xmlText': {
      if (parentSub !== null) return `${path}: text attributes are not allowed`;
      if (content instanceof Y.ContentString) return null;
      if (content instanceof Y.ContentFormat) {
        const problem = slot.rules.checkMark(slot.parentNode, content.key, content.value);
        return problem === null ? null : `${path}: ${problem}`;
      }
      return `${path}: only text and formatting are allowed in "${slot.parentNode}"`;
    }
    case 'value':
      return `${path} is a plain value and cannot hold content`;
    case 'serverOwned':
      return `${path} is written only by the server`;
  }
}

/** Checks that content is what `slot` expects; a Location when it creates a shared type. */
function fitContent(slot: Slot, content: Content, path: string): Outcome {
  if (content instanceof Y.ContentDeleted) return null;
  switch (slot.kind) {
    case 'serverOwned':
      return `${path} is written only by the server`;
    case 'value': {
      if (!(content instanceof Y.ContentAny)) return `${path} must be a plain value`;
      for (const value of content.arr) {
        const problem = slot.check(value);
        if (problem !== null) return `${path}: ${problem}`;
      }
      return null;
    }
    case 'map':
      return isType(content, Y.Map) ? { slot, path } : `${path} must be a map`;
    case 'array':
      return isType(content, Y.Array) ? { slot, path } : `${path} must be a list`;
    case 'text':
      return isType(content, Y.Text) && !isType(content, Y.XmlText)
        ? { slot, path }
        : `${path} must be text`;
    case 'xmlFragment':
      return isType(content, Y.XmlFragment) && !isType(content, Y.XmlElement)
        ? { slot, path }
        : `${path} must be a rich-text body`;
    case 'xmlElement':
    case 'xmlText':
      return `${path}: unexpected content`;
  }
}

function isType(content: Content, typeClass: abstract new (...args: never[]) => object): boolean {
  return content instanceof Y.ContentType && content.type instanceof typeClass;
}
