import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isEmptyUpdate, LazyDocument } from '../../../server/src/sync/lazyDocument.ts';
import { addItem, itemProposal, readItems } from '../../../shared/doc/index.ts';

/** A stored meeting as the storage layer returns it: a snapshot and a tail of later updates. */
function storedMeeting() {
  const doc = new Y.Doc();
  const first = addItem(doc, { title: 'Mötets öppnande', body: ['Mötet öppnas.'] });
  const snapshot = Y.encodeStateAsUpdate(doc);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  addItem(doc, { title: 'Ekonomi' });
  itemProposal(doc, first).insert(0, 'Godkänns.');
  return { doc, stored: { snapshot, updates, lastSeq: 3 } };
}

describe('a meeting served from its stored bytes', () => {
  it('answers a new client and a partly synced one exactly as the built doc would', () => {
    const { doc, stored } = storedMeeting();
    let built: Y.Doc | null = null;
    const lazy = new LazyDocument(stored, (materialized) => {
      built = materialized;
    });
    expect(lazy.encodeStateVector()).toEqual(Y.encodeStateVector(doc));

    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, lazy.encodeStateAsUpdate(new Uint8Array([0])));
    expect(Y.encodeStateAsUpdate(fresh)).toEqual(Y.encodeStateAsUpdate(doc));

    const behind = new Y.Doc();
    Y.applyUpdate(behind, stored.snapshot);
    Y.applyUpdate(behind, lazy.encodeStateAsUpdate(Y.encodeStateVector(behind)));
    expect(readItems(behind).map((item) => item.title)).toEqual(['Mötets öppnande', 'Ekonomi']);
    expect(Y.encodeStateVector(behind)).toEqual(Y.encodeStateVector(doc));

    // None of that needed the doc.
    expect(lazy.isMaterialized).toBe(false);
    expect(built).toBeNull();
  });

  it('gives the snapshot of snapshot + tail without building the doc, and the same once built', () => {
    const { doc, stored } = storedMeeting();
    const lazy = new LazyDocument(stored, () => {});
    const folded = lazy.encodeSnapshot();
    expect(lazy.isMaterialized).toBe(false);
    const fromSnapshot = new Y.Doc();
    Y.applyUpdate(fromSnapshot, folded.state);
    expect(Y.encodeStateAsUpdate(fromSnapshot)).toEqual(Y.encodeStateAsUpdate(doc));
    expect(folded.stateVector).toEqual(Y.encodeStateVector(doc));

    itemProposal(lazy.get(), readItems(lazy.get())[1]?.id ?? '').insert(0, 'Budget. ');
    const built = lazy.encodeSnapshot();
    expect(built.state).toEqual(Y.encodeStateAsUpdate(lazy.get()));
    expect(built.stateVector).toEqual(Y.encodeStateVector(lazy.get()));
  });

  it("takes the state vector from storage's copy and the tail, without decoding the snapshot", () => {
    const { doc, stored } = storedMeeting();
    const snapshotDoc = new Y.Doc();
    Y.applyUpdate(snapshotDoc, stored.snapshot);
    const snapshotStateVector = Y.encodeStateVector(snapshotDoc);
    // A snapshot that cannot be decoded proves it is not read for the state vector.
    const unreadable = new Uint8Array([255, 255, 255]);
    const lazy = new LazyDocument(
      { snapshot: unreadable, snapshotStateVector, updates: [], lastSeq: 1 },
      () => {},
    );
    expect(lazy.encodeStateVector()).toEqual(snapshotStateVector);
    const withTail = new LazyDocument({ ...stored, snapshotStateVector }, () => {});
    expect(withTail.encodeStateVector()).toEqual(Y.encodeStateVector(doc));
  });

  it('sends a compacted meeting as the stored snapshot itself', () => {
    const { doc } = storedMeeting();
    const snapshot = Y.encodeStateAsUpdate(doc);
    const lazy = new LazyDocument({ snapshot, updates: [], lastSeq: 1 }, () => {});
    expect(lazy.encodeStateAsUpdate(new Uint8Array([0]))).toBe(snapshot);
  });

  it('builds the doc once and tells its owner before anyone edits it, the load unseen', () => {
    const { doc, stored } = storedMeeting();
    const heard: Uint8Array[] = [];
    let calls = 0;
    const lazy = new LazyDocument(stored, (materialized) => {
      calls += 1;
      materialized.on('update', (update: Uint8Array) => heard.push(update));
    });
    const materialized = lazy.get();
    expect(lazy.get()).toBe(materialized);
    expect(calls).toBe(1);
    expect(Y.encodeStateAsUpdate(materialized)).toEqual(Y.encodeStateAsUpdate(doc));
    // The stored state is not an edit: the owner (the room, which stores edits) never hears it.
    expect(heard).toEqual([]);
    // Answers now come from the doc, and follow its edits.
    itemProposal(materialized, readItems(materialized)[1]?.id ?? '').insert(0, 'Ny text');
    expect(lazy.encodeStateVector()).toEqual(Y.encodeStateVector(materialized));
    expect(heard).toHaveLength(1);
  });

  it('encodes the full state once for every new client until the doc changes', () => {
    const { stored } = storedMeeting();
    const lazy = new LazyDocument(stored, () => {});
    const doc = lazy.get();
    const first = lazy.encodeStateAsUpdate(new Uint8Array([0]));
    expect(lazy.encodeStateAsUpdate(new Uint8Array([0]))).toBe(first);
    addItem(doc, { title: 'Övriga frågor' });
    const after = lazy.encodeStateAsUpdate(new Uint8Array([0]));
    expect(after).not.toBe(first);
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, after);
    expect(readItems(fresh).map((item) => item.title)).toContain('Övriga frågor');
  });

  it('recognises the empty sync step 2 of a client with nothing new', () => {
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    expect(isEmptyUpdate(empty)).toBe(true);
    const { stored } = storedMeeting();
    expect(isEmptyUpdate(stored.snapshot)).toBe(false);
  });
});
