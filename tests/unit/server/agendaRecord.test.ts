import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { Room } from '../../../server/src/sync/room.ts';
import { ItemKey, MetaKey, RootName } from '../../../shared/doc/constants.ts';
import { addItem, approveAgenda, readItems, removeItem } from '../../../shared/doc/index.ts';
import { CloseCode } from '../../../shared/protocol/index.ts';
import { connectReplica, createMemoryRoom } from '../../helpers/memoryRoom.ts';

/**
 * After the agenda is approved the minutes must say what was added and struck, so the server
 * keeps that record whatever a client sends (server/src/sync/validation/agendaRecord.ts).
 */

const secretary = { userId: 'secretary', name: 'Sara', access: 'write' } as const;

function createRoom() {
  return createMemoryRoom({ limits: { maxBufferedBytes: 1024 * 1024 } });
}

/** The secretary's replica of the room. */
function client(room: Room) {
  return connectReplica(room, secretary);
}

/** A room with a two-item agenda, approved, and the secretary's replica of it. */
async function approvedMeeting() {
  const { room, stored } = createRoom();
  const secretaryClient = client(room);
  const first = addItem(secretaryClient.doc, { title: 'Mötets öppnande' });
  const second = addItem(secretaryClient.doc, { title: 'Ekonomi' });
  approveAgenda(secretaryClient.doc, '2026-12-02T18:05:00.000Z');
  await secretaryClient.push();
  return { room, stored, secretaryClient, first, second };
}

describe('the agenda record after approval', () => {
  it('refuses deleting an item outright with 4422 and keeps it, storing nothing', async () => {
    const { room, stored, secretaryClient, second } = await approvedMeeting();
    const before = stored.length;
    secretaryClient.doc.getMap(RootName.items).delete(second);
    await secretaryClient.push();
    expect(secretaryClient.socket.closed?.code).toBe(CloseCode.invalidUpdate);
    expect(secretaryClient.socket.closed?.reason).toContain('struck, not deleted');
    expect(readItems(room.doc).map((item) => item.title)).toEqual(['Mötets öppnande', 'Ekonomi']);
    expect(stored.length).toBe(before);
  });

  it('accepts striking an item, which the minutes can then report', async () => {
    const { room, secretaryClient, second } = await approvedMeeting();
    removeItem(secretaryClient.doc, second);
    await secretaryClient.push();
    expect(secretaryClient.socket.closed).toBeNull();
    expect(readItems(room.doc).find((item) => item.id === second)?.removedAfterApproval).toBe(true);
  });

  it('refuses withdrawing or rewriting the approval', async () => {
    const withdrawn = await approvedMeeting();
    withdrawn.secretaryClient.doc.getMap(RootName.meta).delete(MetaKey.agendaApprovedAt);
    await withdrawn.secretaryClient.push();
    expect(withdrawn.secretaryClient.socket.closed?.code).toBe(CloseCode.invalidUpdate);
    expect(withdrawn.room.doc.getMap(RootName.meta).get(MetaKey.agendaApprovedAt)).toBe(
      '2026-12-02T18:05:00.000Z',
    );

    const rewritten = await approvedMeeting();
    approveAgenda(rewritten.secretaryClient.doc, '2026-12-02T19:00:00.000Z');
    await rewritten.secretaryClient.push();
    expect(rewritten.secretaryClient.socket.closed?.code).toBe(CloseCode.invalidUpdate);
  });

  it('refuses unmarking an addition', async () => {
    const { room, secretaryClient } = await approvedMeeting();
    const added = addItem(secretaryClient.doc, { title: 'Övrig fråga' });
    await secretaryClient.push();
    const item = secretaryClient.doc.getMap<Y.Map<unknown>>(RootName.items).get(added);
    item?.delete(ItemKey.addedAfterApproval);
    await secretaryClient.push();
    expect(secretaryClient.socket.closed?.code).toBe(CloseCode.invalidUpdate);
    expect(readItems(room.doc).find((entry) => entry.id === added)?.addedAfterApproval).toBe(true);
  });

  it('marks an item added offline before the approval was heard of, as the server', async () => {
    const { room } = createRoom();
    const secretaryClient = client(room);
    addItem(secretaryClient.doc, { title: 'Mötets öppnande' });
    await secretaryClient.push();
    const offline = client(room);
    offline.pull();
    // The chair, offline, adds an item; meanwhile the secretary approves the agenda.
    const added = addItem(offline.doc, { title: 'Tillägg: lokalfrågan' });
    approveAgenda(secretaryClient.doc);
    await secretaryClient.push();
    await offline.push();
    expect(offline.socket.closed).toBeNull();
    const item = readItems(room.doc).find((entry) => entry.id === added);
    expect(item?.addedAfterApproval).toBe(true);
    // Both replicas learn the flag from the room.
    offline.pull();
    expect(readItems(offline.doc).find((entry) => entry.id === added)?.addedAfterApproval).toBe(
      true,
    );
  });

  it('lets anything happen to the agenda before it is approved', async () => {
    const { room } = createRoom();
    const secretaryClient = client(room);
    const itemId = addItem(secretaryClient.doc, { title: 'Utkast' });
    await secretaryClient.push();
    secretaryClient.doc.getMap(RootName.items).delete(itemId);
    await secretaryClient.push();
    expect(secretaryClient.socket.closed).toBeNull();
    expect(readItems(room.doc)).toEqual([]);
  });
});
