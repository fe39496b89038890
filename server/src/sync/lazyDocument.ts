import * as Y from 'yjs';
import type { StoredDocument } from '../storage/storage.ts';

/** What the content is built from: the stored document without its session owners. */
type StoredContent = Omit<StoredDocument, 'sessions'>;

/** Yjs's encoding of an empty state vector: a client that has nothing yet. */
const emptyStateVector = new Uint8Array([0]);

/**
 * A meeting's content as storage holds it (snapshot + log tail), turned into a Y.Doc only when
 * something needs one: an edit to check and apply, a change by the server, a read.
 *
 * Building the Y.Doc of a long meeting costs tens of milliseconds of CPU (200 §§ of minutes:
 * 30–90 ms here, more in a cold process), while what a joining client needs first — the
 * server's state vector and the state it lacks — can be computed from the stored update bytes
 * directly (Yjs's update API works on encoded updates; for a client with nothing yet the
 * answer is the stored update itself). So opening a meeting answers from the bytes, and the doc
 * is built right after, or when the first edit arrives. Both give the same bytes to the client:
 * applying the stored updates is exactly what the doc would do.
 */
export class LazyDocument {
  private doc: Y.Doc | null = null;
  private stored: StoredContent | null;
  /** The stored snapshot and tail as one update (computed on first use). */
  private merged: Uint8Array | null = null;
  private stateVector: Uint8Array | null = null;
  /**
   * Y.encodeStateAsUpdate(doc) while the doc is unchanged: every client that joins with nothing
   * (a meeting opening, 50 attendees at once) gets the same bytes, encoded once.
   */
  private fullState: Uint8Array | null = null;

  constructor(
    stored: StoredContent,
    /**
     * Called once, with the new doc, before anyone else uses it. The stored state is already in
     * it, so listeners added here hear only what happens after the load.
     */
    private readonly onMaterialized: (doc: Y.Doc) => void,
  ) {
    this.stored = stored;
  }

  get isMaterialized(): boolean {
    return this.doc !== null;
  }

  /** The Y.Doc, built from the stored state on first use. */
  get(): Y.Doc {
    if (this.doc !== null) return this.doc;
    const stored = this.stored;
    if (stored === null) throw new Error('the document was destroyed');
    const doc = new Y.Doc();
    Y.transact(doc, () => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    });
    this.doc = doc;
    // The doc answers from here on. The merged bytes are still exactly its state.
    this.fullState = this.merged;
    this.stored = null;
    this.merged = null;
    this.stateVector = null;
    doc.on('update', () => {
      this.fullState = null;
    });
    this.onMaterialized(doc);
    return doc;
  }

  /** Y.encodeStateVector of the content, without building the doc. */
  encodeStateVector(): Uint8Array {
    if (this.doc !== null) return Y.encodeStateVector(this.doc);
    this.stateVector ??= this.storedStateVector();
    return this.stateVector;
  }

  /** Y.encodeStateAsUpdate of the content against `stateVector`, without building the doc. */
  encodeStateAsUpdate(stateVector: Uint8Array): Uint8Array {
    if (this.doc !== null) {
      if (!isEmptyStateVector(stateVector)) return Y.encodeStateAsUpdate(this.doc, stateVector);
      this.fullState ??= Y.encodeStateAsUpdate(this.doc);
      return this.fullState;
    }
    const merged = this.mergedUpdate();
    if (isEmptyStateVector(stateVector)) return merged;
    return Y.diffUpdate(merged, stateVector);
  }

  /**
   * The whole content as one update, with its state vector: what a snapshot stores. Builds no
   * doc: a meeting opened only by readers folds its log tail from the stored bytes.
   */
  encodeSnapshot(): { state: Uint8Array; stateVector: Uint8Array } {
    return {
      state: this.encodeStateAsUpdate(emptyStateVector),
      stateVector: this.encodeStateVector(),
    };
  }

  destroy(): void {
    this.doc?.destroy();
    this.doc = null;
    this.fullState = null;
    this.stored = null;
    this.merged = null;
    this.stateVector = null;
  }

  /**
   * From the snapshot's stored state vector and the tail's, when storage kept one: decoding a
   * large snapshot only for its state vector costs as much as the rest of a join.
   */
  private storedStateVector(): Uint8Array {
    const stored = this.stored;
    if (stored === null) throw new Error('the document was destroyed');
    const known = stored.snapshotStateVector;
    if (!known) return Y.encodeStateVectorFromUpdate(this.mergedUpdate());
    if (stored.updates.length === 0) return known;
    const clocks = Y.decodeStateVector(known);
    // Where each client's structs in the tail end. (encodeStateVectorFromUpdate would leave out
    // a client whose tail does not start at clock 0.) The log has no gaps: the room refuses
    // updates that skip content, so a client's tail continues where its snapshot part ends.
    for (const update of stored.updates) {
      for (const [client, clock] of Y.parseUpdateMeta(update).to) {
        clocks.set(client, Math.max(clock, clocks.get(client) ?? 0));
      }
    }
    return Y.encodeStateVector(clocks);
  }

  private mergedUpdate(): Uint8Array {
    if (this.merged !== null) return this.merged;
    const stored = this.stored;
    if (stored === null) throw new Error('the document was destroyed');
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    // A compacted meeting is one snapshot: sent as it is, no copy.
    this.merged = parts.length === 1 && parts[0] ? parts[0] : Y.mergeUpdates(parts);
    return this.merged;
  }
}

function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return (
    stateVector.byteLength === emptyStateVector.byteLength && stateVector[0] === emptyStateVector[0]
  );
}

/** True for the encoding of an update with no content and no deletions (a no-op sync step 2). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}
