import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  isStoredOnServer,
  type SaveRequest,
  stateVectorCovers,
} from '../../../client/src/sync/savedState.ts';

function docWith(clientId: number, text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  doc.getText('t').insert(0, text);
  return doc;
}

function requestFor(doc: Y.Doc, request: number): SaveRequest {
  return { request, localStateVector: Y.encodeStateVector(doc) };
}

describe('"all changes saved": comparing the stored state with the local one', () => {
  it('counts as saved when the server stores every client at least as far as the local doc', () => {
    const local = docWith(1, 'abc');
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(local));
    server.getText('t').insert(0, 'more from someone else');
    expect(stateVectorCovers(Y.encodeStateVector(server), Y.encodeStateVector(local))).toBe(true);
    expect(
      isStoredOnServer(requestFor(local, 3), {
        request: 3,
        storedStateVector: Y.encodeStateVector(server),
      }),
    ).toBe(true);
  });

  it('is not saved while the server lacks a local edit or a whole client', () => {
    const local = docWith(1, 'abc');
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(local));
    local.getText('t').insert(3, 'd');
    expect(stateVectorCovers(Y.encodeStateVector(server), Y.encodeStateVector(local))).toBe(false);
    expect(stateVectorCovers(Y.encodeStateVector(new Y.Doc()), Y.encodeStateVector(local))).toBe(
      false,
    );
  });

  it('is not saved on an answer to an older request, even when the state vectors match (a deletion)', () => {
    const local = docWith(1, 'abc');
    const stored = Y.encodeStateVector(local);
    // Deleting adds nothing to the state vector: only the request number can tell.
    local.getText('t').delete(0, 1);
    expect(Y.encodeStateVector(local)).toEqual(stored);
    const pending = requestFor(local, 8);
    expect(isStoredOnServer(pending, { request: 7, storedStateVector: stored })).toBe(false);
    expect(isStoredOnServer(pending, { request: null, storedStateVector: stored })).toBe(false);
    expect(isStoredOnServer(pending, { request: 8, storedStateVector: stored })).toBe(true);
  });

  it('is not saved before anything was asked or answered', () => {
    const local = docWith(1, 'abc');
    expect(isStoredOnServer(null, null)).toBe(false);
    expect(isStoredOnServer(requestFor(local, 1), null)).toBe(false);
  });

  it('holds exactly when the stored doc has applied every local update (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.string({ minLength: 1 })), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.integer({ min: 0, max: 12 }),
        (edits, storedCount) => {
          const local = new Y.Doc();
          const server = new Y.Doc();
          const updates: Uint8Array[] = [];
          const writers = new Map<number, Y.Doc>();
          for (const [clientId, text] of edits) {
            const writer = writers.get(clientId) ?? new Y.Doc();
            writer.clientID = clientId;
            writers.set(clientId, writer);
            const before = Y.encodeStateVector(writer);
            writer.getText('t').insert(0, text);
            updates.push(Y.encodeStateAsUpdate(writer, before));
          }
          for (const update of updates) Y.applyUpdate(local, update);
          for (const update of updates.slice(0, storedCount)) Y.applyUpdate(server, update);
          const covered = stateVectorCovers(
            Y.encodeStateVector(server),
            Y.encodeStateVector(local),
          );
          expect(covered).toBe(storedCount >= updates.length);
        },
      ),
    );
  });
});
