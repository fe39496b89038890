import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { ConnectionIdentity } from '../../../server/src/auth/syncAccess.ts';
import { addItem, itemProposal, setServerMeta } from '../../../shared/doc/index.ts';
import { CloseCode } from '../../../shared/protocol/index.ts';
import { connectReplica, createMemoryRoom, FakeSocket } from '../../helpers/memoryRoom.ts';
import { awarenessFrame, syncUpdateFrame } from '../../helpers/wire.ts';

/**
 * Yjs takes every struct under a client id as that editing session's: content sent under
 * someone else's id would make their own next edits look already stored, and they would be
 * dropped without a word. The room binds each client id to the account that first used it.
 */

const anna: ConnectionIdentity = { userId: 'anna', name: 'Anna', access: 'write' };
const bertil: ConnectionIdentity = { userId: 'bertil', name: 'Bertil', access: 'write' };

const editor = connectReplica;

/** Bertil's replica, made to write under `clientId`. */
function impersonating(room: ReturnType<typeof createMemoryRoom>['room'], clientId: number) {
  const mallory = editor(room, bertil);
  mallory.pull();
  mallory.doc.clientID = clientId;
  return mallory;
}

async function meetingWithNotes() {
  const memory = createMemoryRoom();
  const first = editor(memory.room, anna);
  const itemId = addItem(first.doc, { id: 'notes', title: 'Anteckningar' });
  await first.push();
  return { ...memory, anna: first, itemId };
}

describe('editing sessions bound to accounts', () => {
  it('refuses content under a client id another account has written under, and keeps its owner writing', async () => {
    const { room, stored, anna: annaClient, itemId } = await meetingWithNotes();
    const mallory = impersonating(room, annaClient.doc.clientID);
    itemProposal(mallory.doc, itemId).insert(0, 'smuggled');
    const before = stored.length;
    await mallory.push();
    expect(mallory.socket.closed?.code).toBe(CloseCode.invalidUpdate);
    expect(mallory.socket.closed?.reason).toContain("another person's editing session");
    expect(stored.length).toBe(before);
    // Anna's own next edit, at the clocks Bertil tried to take, is stored.
    itemProposal(annaClient.doc, itemId).insert(0, 'Annas text');
    await annaClient.push();
    expect(itemProposal(room.doc, itemId).toString()).toBe('Annas text');
  });

  it('refuses content under a client id announced in presence by another account, even after it left', async () => {
    const { room, itemId } = await meetingWithNotes();
    const cecilia = editor(room, { userId: 'cecilia', name: 'Cecilia', access: 'write' });
    cecilia.pull();
    const presence = new awarenessProtocol.Awareness(cecilia.doc);
    presence.setLocalStateField('user', { name: 'Cecilia' });
    room.receive(
      cecilia.socket,
      awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(presence, [cecilia.doc.clientID])),
    );
    room.leave(cecilia.socket);
    const mallory = impersonating(room, cecilia.doc.clientID);
    // Nor can Bertil take over her presence once she has gone.
    const spoof = new awarenessProtocol.Awareness(mallory.doc);
    spoof.setLocalStateField('user', { name: 'Cecilia' });
    room.receive(
      mallory.socket,
      awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(spoof, [cecilia.doc.clientID])),
    );
    expect(room.awareness.getStates().has(cecilia.doc.clientID)).toBe(false);
    itemProposal(mallory.doc, itemId).insert(0, 'smuggled');
    await mallory.push();
    expect(mallory.socket.closed?.code).toBe(CloseCode.invalidUpdate);
  });

  it("refuses content under the server's own client id", async () => {
    const { room, itemId } = await meetingWithNotes();
    const mallory = impersonating(room, room.doc.clientID);
    itemProposal(mallory.doc, itemId).insert(0, 'as the server');
    await mallory.push();
    expect(mallory.socket.closed?.code).toBe(CloseCode.invalidUpdate);
  });

  it('lets one account write under the same session from two connections (two tabs)', async () => {
    const { room, anna: annaClient, itemId } = await meetingWithNotes();
    const secondTab = editor(room, anna);
    secondTab.pull();
    secondTab.doc.clientID = annaClient.doc.clientID;
    itemProposal(secondTab.doc, itemId).insert(0, 'från andra fliken');
    await secondTab.push();
    expect(secondTab.socket.closed).toBeNull();
    expect(itemProposal(room.doc, itemId).toString()).toBe('från andra fliken');
  });

  it('stores the claim on a client id with the first content under it, and only then', async () => {
    const { room, stored, anna: annaClient, itemId } = await meetingWithNotes();
    const first = stored.find((entry) => entry.authorId === 'anna');
    expect(first?.claims).toEqual([annaClient.doc.clientID]);
    const before = stored.length;
    itemProposal(annaClient.doc, itemId).insert(0, 'mer text');
    await annaClient.push();
    expect(stored.slice(before).map((entry) => entry.claims)).toEqual([undefined]);
    // Bertil's update also relays Anna's content: it claims his own session only.
    const bertilClient = editor(room, bertil);
    bertilClient.pull();
    addItem(bertilClient.doc, { title: 'Bertils punkt' });
    room.receive(bertilClient.socket, syncUpdateFrame(Y.encodeStateAsUpdate(bertilClient.doc)));
    await room.settle();
    expect(stored.at(-1)?.claims).toEqual([bertilClient.doc.clientID]);
    // The server's own changes claim nothing.
    room.applyServerChange((doc) => setServerMeta(doc, 'status', 'draft'));
    await room.settle();
    expect(stored.at(-1)).toMatchObject({ authorId: null });
    expect(stored.at(-1)?.claims).toBeUndefined();
  });

  it('stores the claim of a client id first announced in presence with its first content', async () => {
    const { room, stored, itemId } = await meetingWithNotes();
    const cecilia = editor(room, { userId: 'cecilia', name: 'Cecilia', access: 'write' });
    cecilia.pull();
    const presence = new awarenessProtocol.Awareness(cecilia.doc);
    presence.setLocalStateField('user', { name: 'Cecilia' });
    room.receive(
      cecilia.socket,
      awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(presence, [cecilia.doc.clientID])),
    );
    itemProposal(cecilia.doc, itemId).insert(0, 'Cecilias text');
    await cecilia.push();
    expect(stored.at(-1)).toMatchObject({ authorId: 'cecilia', claims: [cecilia.doc.clientID] });
  });

  it('refuses content under a session owned according to storage, after the room was loaded again', async () => {
    const annaDoc = new Y.Doc();
    const itemId = addItem(annaDoc, { id: 'notes', title: 'Anteckningar' });
    const annaId = annaDoc.clientID;
    const { room, stored } = createMemoryRoom({
      stored: {
        snapshot: Y.encodeStateAsUpdate(annaDoc),
        updates: [],
        lastSeq: 1,
        sessions: [{ clientId: annaId, userId: 'anna' }],
      },
    });
    // Bertil comes first, with content under Anna's session the room does not have.
    const mallory = impersonating(room, annaId);
    itemProposal(mallory.doc, itemId).insert(0, 'smuggled');
    await mallory.push();
    expect(mallory.socket.closed?.code).toBe(CloseCode.invalidUpdate);
    expect(mallory.socket.closed?.reason).toContain("another person's editing session");
    expect(stored).toEqual([]);
    // Anna, back with the same session, keeps writing; her claim is stored already.
    const annaClient = editor(room, anna);
    annaClient.pull();
    annaClient.doc.clientID = annaId;
    itemProposal(annaClient.doc, itemId).insert(0, 'Annas text');
    await annaClient.push();
    expect(annaClient.socket.closed).toBeNull();
    expect(itemProposal(room.doc, itemId).toString()).toBe('Annas text');
    expect(stored.map((entry) => entry.claims)).toEqual([undefined]);
  });

  it('refuses presence under a session owned according to storage, before the doc is built', () => {
    const { room } = createMemoryRoom({
      stored: {
        snapshot: null,
        updates: [],
        lastSeq: 0,
        sessions: [{ clientId: 7, userId: 'anna' }],
      },
    });
    const sessionDoc = new Y.Doc();
    sessionDoc.clientID = 7;
    const presence = new awarenessProtocol.Awareness(sessionDoc);
    presence.setLocalStateField('user', { name: 'Anna' });
    const frame = awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(presence, [7]));
    const mallory = new FakeSocket();
    room.join(mallory, bertil);
    room.receive(mallory, frame);
    expect(room.awareness.getStates().has(7)).toBe(false);
    const annaSocket = new FakeSocket();
    room.join(annaSocket, anna);
    room.receive(annaSocket, frame);
    expect(room.awareness.getStates().has(7)).toBe(true);
    expect(room.documentBuilt).toBe(false);
  });

  it("accepts another account relaying content the room already has under someone's session", async () => {
    const { room, anna: annaClient } = await meetingWithNotes();
    const bertilClient = editor(room, bertil);
    bertilClient.pull();
    addItem(bertilClient.doc, { title: 'Bertils punkt' });
    // His update also carries Anna's structs (known): only new content counts.
    room.receive(bertilClient.socket, syncUpdateFrame(Y.encodeStateAsUpdate(bertilClient.doc)));
    await room.settle();
    expect(bertilClient.socket.closed).toBeNull();
    expect(annaClient.socket.closed).toBeNull();
  });
});
