import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { addItem, itemBody } from '../../shared/doc/index.ts';
import { CloseCode } from '../../shared/protocol/index.ts';
import { createTestMeeting } from '../helpers/apiClient.ts';
import {
  connectClient,
  notesText,
  type SyncClient,
  seedMeeting,
  waitFor,
} from '../helpers/syncClient.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { closeOf, syncUpdateFrame } from '../helpers/wire.ts';

let meetingId = '';
let token = '';

/** Opens a raw socket to the meeting and resolves once it is open. */
async function rawSocket(server: TestServer): Promise<WebSocket> {
  const socket = new WebSocket(`${server.syncUrl}/${meetingId}?token=${token}`);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return socket;
}

describe('bad input on the sync socket', () => {
  let server: TestServer;
  let alice: SyncClient;
  let bob: SyncClient;

  beforeEach(async () => {
    server = await startTestServer({ MAX_MESSAGE_BYTES: String(64 * 1024) });
    ({ meetingId, token } = await createTestMeeting(server.url));
    await seedMeeting(server.syncUrl, meetingId, token);
    alice = connectClient(server.syncUrl, meetingId, 'alice', token);
    bob = connectClient(server.syncUrl, meetingId, 'bob', token);
    await Promise.all([alice.synced, bob.synced]);
    alice.text.insert(0, 'before. ');
    await waitFor(() => bob.text.toString() === 'before. ', 'initial edit did not sync');
  });
  afterEach(async () => {
    alice.destroy();
    bob.destroy();
    await server.destroy();
  });

  /** The room still works and storage holds exactly what the honest clients have. */
  async function expectRoomUnaffected(marker: string): Promise<void> {
    expect(alice.provider.wsconnected).toBe(true);
    expect(bob.provider.wsconnected).toBe(true);
    alice.text.insert(alice.text.length, marker);
    await waitFor(() => bob.text.toString() === alice.text.toString(), 'room stopped syncing');
    await server.server.rooms.peek(meetingId)?.settle();
    const stored = await server.storage.loadDocument(meetingId);
    const reloaded = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(reloaded, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(reloaded, update);
    expect(notesText(reloaded).toString()).toBe(alice.text.toString());
    expect(Y.encodeStateVector(reloaded)).toEqual(Y.encodeStateVector(alice.doc));
  }

  it('closes a connection that sends a truncated binary frame with 4400', async () => {
    const socket = await rawSocket(server);
    const closed = closeOf(socket);
    socket.send(new Uint8Array([0, 2, 200, 200]));
    const { code, reason } = await closed;
    expect(code).toBe(CloseCode.malformedMessage);
    expect(reason).toMatch(/malformed message/);
    await expectRoomUnaffected('after truncated frame. ');
  });

  it('closes a connection that sends a valid header with a corrupt Yjs update with 4400', async () => {
    const socket = await rawSocket(server);
    const closed = closeOf(socket);
    const donor = new Y.Doc();
    addItem(donor, { title: 'this should never be stored' });
    const corrupt = Y.encodeStateAsUpdate(donor);
    corrupt.fill(0xff, 4, 12);
    socket.send(syncUpdateFrame(corrupt));
    const { code, reason } = await closed;
    expect(code).toBe(CloseCode.malformedMessage);
    expect(reason).toMatch(/invalid Yjs update/);
    await expectRoomUnaffected('after corrupt update. ');
    expect(JSON.stringify(alice.doc.toJSON())).not.toContain('never be stored');
  });

  it('closes a connection that sends a text frame with 4415', async () => {
    const socket = await rawSocket(server);
    const closed = closeOf(socket);
    socket.send('hello, is this JSON?');
    const { code, reason } = await closed;
    expect(code).toBe(CloseCode.unsupportedData);
    expect(reason).toMatch(/text frames are not supported/);
    await expectRoomUnaffected('after text frame. ');
  });

  it('closes a connection that sends an unknown message type with 4400', async () => {
    const socket = await rawSocket(server);
    const closed = closeOf(socket);
    socket.send(new Uint8Array([7, 1, 2, 3]));
    const { code, reason } = await closed;
    expect(code).toBe(CloseCode.malformedMessage);
    expect(reason).toBe('unknown message type 7');
    await expectRoomUnaffected('after unknown type. ');
  });

  it('closes a connection that sends a frame over the size limit with 4413', async () => {
    const socket = await rawSocket(server);
    const closed = closeOf(socket);
    const donor = new Y.Doc();
    addItem(donor, { body: ['x'.repeat(100 * 1024)] });
    socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(donor)));
    const { code, reason } = await closed;
    expect(code).toBe(CloseCode.messageTooLarge);
    expect(reason).toMatch(/exceeds the limit of 65536/);
    await expectRoomUnaffected('after oversized frame. ');
    expect(alice.text.length).toBeLessThan(1000);
  });

  /**
   * Sends, on a raw socket, an update made on a copy of the room's document, as a buggy or hostile
   * client would, and returns how the server closed that socket.
   */
  async function sendEdit(edit: (doc: Y.Doc) => void): Promise<{ code: number; reason: string }> {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(alice.doc));
    const before = Y.encodeStateVector(copy);
    edit(copy);
    const socket = await rawSocket(server);
    const closed = closeOf(socket);
    socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(copy, before)));
    return closed;
  }

  describe('updates the meeting schema does not allow', () => {
    const cases: Array<[string, (doc: Y.Doc) => void, RegExp]> = [
      ['an unknown root', (doc) => doc.getText('scratch').insert(0, 'x'), /unknown document root/],
      [
        'an unknown block type',
        (doc) => itemBody(doc, 'notes').insert(0, [new Y.XmlElement('iframe')]),
        /"iframe" block is not allowed/,
      ],
      [
        'an attribute the schema does not have',
        (doc) => {
          const block = new Y.XmlElement('paragraph');
          block.setAttribute('style', 'color: red');
          itemBody(doc, 'notes').insert(0, [block]);
        },
        /"paragraph" has no attribute "style"/,
      ],
      [
        'an attribute of the wrong type',
        (doc) => {
          const block = new Y.XmlElement('decision');
          block.setAttribute('votesFor', 'alla' as never);
          itemBody(doc, 'notes').insert(0, [block]);
        },
        /votesFor/,
      ],
      [
        'a write to a server-owned field',
        (doc) => doc.getMap('meta').set('locked', false),
        /meta\.locked is written only by the server/,
      ],
    ];
    for (const [what, edit, expected] of cases) {
      it(`closes a connection that writes ${what} with 4422 and stores nothing`, async () => {
        const before = Y.encodeStateVector(server.server.rooms.peek(meetingId)?.doc ?? new Y.Doc());
        const { code, reason } = await sendEdit(edit);
        expect(code).toBe(CloseCode.invalidUpdate);
        expect(reason).toMatch(expected);
        expect(
          Y.encodeStateVector(server.server.rooms.peek(meetingId)?.doc ?? new Y.Doc()),
        ).toEqual(before);
        await expectRoomUnaffected(`after ${what}. `);
      });
    }
  });
});
