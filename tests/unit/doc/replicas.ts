import * as Y from 'yjs';
import { MeetingDoc } from '../../../shared/doc/index.ts';

/** A set of replicas of one meeting that exchange updates only when told to (offline peers). */
export interface Replicas {
  docs: MeetingDoc[];
  /** Sends everything `from` has that `to` lacks. */
  sync(from: number, to: number): void;
  /** Syncs every pair in both directions until all replicas hold the same state. */
  syncAll(): void;
}

/** Creates `count` replicas with distinct client ids, all starting from `seed`'s state. */
export function createReplicas(count: number, seed?: MeetingDoc): Replicas {
  const start = seed === undefined ? null : Y.encodeStateAsUpdate(seed.ydoc);
  const docs = Array.from({ length: count }, (_, index) => {
    const ydoc = new Y.Doc();
    // Fixed client ids make conflict resolution (which depends on them) reproducible.
    ydoc.clientID = 1000 + index;
    if (start !== null) Y.applyUpdate(ydoc, start);
    return new MeetingDoc(ydoc);
  });
  const sync = (from: number, to: number): void => {
    const source = docs[from];
    const target = docs[to];
    if (source === undefined || target === undefined || from === to) return;
    const update = Y.encodeStateAsUpdate(source.ydoc, Y.encodeStateVector(target.ydoc));
    Y.applyUpdate(target.ydoc, update);
  };
  const syncAll = (): void => {
    for (let round = 0; round < 2; round += 1) {
      for (let from = 0; from < docs.length; from += 1) {
        for (let to = 0; to < docs.length; to += 1) sync(from, to);
      }
    }
  };
  return { docs, sync, syncAll };
}

/** Returns the MeetingDoc at `index`, failing the test when there is none. */
export function at(replicas: Replicas, index: number): MeetingDoc {
  const doc = replicas.docs[index];
  if (doc === undefined) throw new Error(`no replica ${index}`);
  return doc;
}

/** Captures every update a replica emits, to deliver them later in any order. */
export function recordUpdates(doc: MeetingDoc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.ydoc.on('update', (update: Uint8Array) => updates.push(update));
  return updates;
}

/** Appends a paragraph with `text` at the end of a body, as an editor would. */
export function appendParagraph(body: Y.XmlFragment, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  body.insert(body.length, [paragraph]);
}

/** Types `text` at the start or end of the first paragraph of a body (appending one if none). */
export function typeInBody(body: Y.XmlFragment, text: string, atEnd: boolean): void {
  const first = body
    .toArray()
    .find((node) => node instanceof Y.XmlElement && node.nodeName === 'paragraph');
  const textNode = first instanceof Y.XmlElement ? first.get(0) : undefined;
  if (!(textNode instanceof Y.XmlText)) {
    appendParagraph(body, text);
    return;
  }
  textNode.insert(atEnd ? textNode.length : 0, text);
}

/** The plain text of a body (paragraph texts joined with newlines). */
export function bodyText(body: Y.XmlFragment): string {
  return body
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().map(String).join('') : ''))
    .join('\n');
}
