/**
 * The shape a document may have, described as a tree of slots. The update validator walks an
 * incoming update's structs and finds, for each inserted item, the slot it would land in; content
 * that fits no slot is refused before the update touches the room.
 */
export type Slot =
  | ValueSlot
  | MapSlot
  | TextSlot
  | ArraySlot
  | XmlFragmentSlot
  | XmlElementSlot
  | XmlTextSlot
  | ServerOwnedSlot;

/** A plain JSON value (map entry or array element); `check` returns a problem or null. */
export interface ValueSlot {
  kind: 'value';
  check: (value: unknown) => string | null;
}

/** A Y.Map with named entries; `anyKey` is the slot of every entry of a keyed collection. */
export interface MapSlot {
  kind: 'map';
  entries: Readonly<Record<string, Slot>>;
  anyKey?: Slot;
  /** Checks a key of `anyKey` (e.g. an item id); returns a problem or null. */
  checkKey?: (key: string) => string | null;
  /** Entries may not be added, replaced or removed (the text inside them may still change). */
  locked?: boolean;
}

/** A Y.Text of plain characters (no formatting, no embeds). */
export interface TextSlot {
  kind: 'text';
}

export interface ArraySlot {
  kind: 'array';
  element: Slot;
  /** Elements may not be added or removed. */
  locked?: boolean;
}

/** Rich text as Tiptap stores it: a Y.XmlFragment of elements checked against `rules`. */
export interface XmlFragmentSlot {
  kind: 'xmlFragment';
  rules: XmlRules;
}

export interface XmlElementSlot {
  kind: 'xmlElement';
  nodeName: string;
  rules: XmlRules;
}

export interface XmlTextSlot {
  kind: 'xmlText';
  /** The element (or fragment root) the text sits in. */
  parentNode: string;
  rules: XmlRules;
}

/** A field only the server writes; a client update that inserts or deletes there is refused. */
export interface ServerOwnedSlot {
  kind: 'serverOwned';
}

/** What a rich-text fragment may contain: the headless Tiptap schema, seen by node name. */
export interface XmlRules {
  /** Node name of the fragment itself (the ProseMirror top node). */
  rootNode: string;
  /** Which element names may appear directly inside `parent`. */
  allowsChild: (parent: string, child: string) => boolean;
  /** True when `parent` holds inline text. */
  allowsText: (parent: string) => boolean;
  /** Checks an attribute of an element; returns a problem or null. */
  checkAttribute: (nodeName: string, name: string, value: unknown) => string | null;
  /** Checks a formatting mark on text inside `parent`; returns a problem or null. */
  checkMark: (parent: string, mark: string, value: unknown) => string | null;
}

/** The document's named root types and their slots. */
export interface DocumentShape {
  roots: Readonly<Record<string, Slot>>;
}

/**
 * The same shape with every map and list closed: what remains writable is the content of text
 * and rich-text fields that already exist. This is what an adjuster (justerare) may do: correct
 * the wording, not change the agenda, the attendance or the header.
 */
export function textOnly(shape: DocumentShape): DocumentShape {
  const close = (slot: Slot): Slot => {
    switch (slot.kind) {
      case 'map':
        return {
          ...slot,
          locked: true,
          entries: Object.fromEntries(
            Object.entries(slot.entries).map(([key, entry]) => [key, close(entry)]),
          ),
          ...(slot.anyKey ? { anyKey: close(slot.anyKey) } : {}),
        };
      case 'array':
        return { ...slot, locked: true, element: close(slot.element) };
      default:
        return slot;
    }
  };
  return {
    roots: Object.fromEntries(
      Object.entries(shape.roots).map(([name, slot]) => [name, close(slot)]),
    ),
  };
}
