import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { adminCredentials, createTestMeeting } from '../helpers/apiClient.ts';
import { invitePerson } from '../helpers/people.ts';
import {
  connectClient,
  notesText,
  type SyncClient,
  seedMeeting,
  waitFor,
} from '../helpers/syncClient.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { awarenessFrame } from '../helpers/wire.ts';

describe('sync between y-websocket clients', () => {
  let server: TestServer;
  const clients: SyncClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.destroy();
  });

  it('converges five concurrent writers and gives a late joiner everything', async () => {
    server = await startTestServer();
    const { meetingId, token } = await createTestMeeting(server.url);
    await seedMeeting(server.syncUrl, meetingId, token);
    for (let i = 0; i < 5; i += 1) {
      clients.push(connectClient(server.syncUrl, meetingId, `w${i}`, token));
    }
    await Promise.all(clients.map((client) => client.synced));

    // Each writer inserts its own words concurrently, without waiting for the others.
    for (let round = 0; round < 20; round += 1) {
      clients.forEach((client, i) => {
        client.text.insert(0, `[w${i}r${round}]`);
      });
    }
    const expectedLength = clients.reduce((sum, client) => sum + client.text.length, 0);
    await waitFor(
      () => clients.every((client) => client.text.length === expectedLength),
      () => `not converged: ${clients.map((client) => client.text.length).join(', ')}`,
    );
    const content = clients[0]?.text.toString();
    for (const client of clients) expect(client.text.toString()).toBe(content);
    for (let i = 0; i < 5; i += 1) {
      for (let round = 0; round < 20; round += 1) expect(content).toContain(`[w${i}r${round}]`);
    }

    const late = connectClient(server.syncUrl, meetingId, 'late', token);
    clients.push(late);
    await late.synced;
    await waitFor(() => late.text.toString() === content, 'late joiner did not receive everything');
  });

  it('keeps different meetings apart', async () => {
    server = await startTestServer();
    const meetingA = await createTestMeeting(server.url, 'Möte A');
    const meetingB = await createTestMeeting(server.url, 'Möte B');
    const { token } = meetingA;
    await seedMeeting(server.syncUrl, meetingA.meetingId, token);
    await seedMeeting(server.syncUrl, meetingB.meetingId, token);
    const a = connectClient(server.syncUrl, meetingA.meetingId, 'a', token);
    const b = connectClient(server.syncUrl, meetingB.meetingId, 'b', token);
    const a2 = connectClient(server.syncUrl, meetingA.meetingId, 'a2', token);
    clients.push(a, b, a2);
    await Promise.all([a.synced, b.synced, a2.synced]);
    a.text.insert(0, 'only in A');
    b.text.insert(0, 'only in B');
    await waitFor(() => a2.text.toString() === 'only in A', 'A did not reach its second client');

    const b2 = connectClient(server.syncUrl, meetingB.meetingId, 'b2', token);
    clients.push(b2);
    await b2.synced;
    await waitFor(() => b2.text.toString() === 'only in B', 'B did not reach a new client');
    expect(a.text.toString()).toBe('only in A');
    expect(b.text.toString()).toBe('only in B');
  });

  it('unloads an empty room after the idle period and reloads identical state', async () => {
    server = await startTestServer({ ROOM_IDLE_MS: '50', COMPACT_AFTER_UPDATES: '1000' });
    const { meetingId, token } = await createTestMeeting(server.url);
    await seedMeeting(server.syncUrl, meetingId, token);
    const writer = connectClient(server.syncUrl, meetingId, 'writer', token);
    clients.push(writer);
    await writer.synced;
    writer.doc.getMap('meta').set('title', 'Styrelsemöte');
    writer.text.insert(0, 'Protokoll fört vid styrelsemöte');
    await waitFor(() => {
      const roomDoc = server.server.rooms.peek(meetingId)?.doc;
      return roomDoc !== undefined && notesText(roomDoc).length === 31;
    }, 'server did not receive the text');
    writer.destroy();
    clients.pop();
    await waitFor(() => server.server.rooms.peek(meetingId) === undefined, 'room not unloaded');
    // Unloading compacted the log into a snapshot.
    const stored = await server.storage.loadDocument(meetingId);
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates).toHaveLength(0);

    const reader = connectClient(server.syncUrl, meetingId, 'reader', token);
    clients.push(reader);
    await reader.synced;
    await waitFor(() => reader.text.toString() === 'Protokoll fört vid styrelsemöte', 'no reload');
    expect(reader.doc.getMap('meta').get('title')).toBe('Styrelsemöte');
  });

  it('loads a room once when many clients join at the same moment', async () => {
    server = await startTestServer();
    const { meetingId, token } = await createTestMeeting(server.url);
    const joiners = Array.from({ length: 8 }, (_, i) =>
      connectClient(server.syncUrl, meetingId, `j${i}`, token),
    );
    clients.push(...joiners);
    await Promise.all(joiners.map((client) => client.synced));
    joiners[3]?.doc.getMap('meta').set('title', 'hello');
    await waitFor(
      () => joiners.every((client) => client.doc.getMap('meta').get('title') === 'hello'),
      'joiners ended up in different rooms',
    );
    expect(server.server.rooms.loadedRoomCount).toBe(1);
  });

  it('shares presence between clients under their account names, whatever name they claim', async () => {
    server = await startTestServer();
    const meeting = await createTestMeeting(server.url);
    const bertil = await invitePerson(
      server.url,
      meeting.admin,
      meeting.boardId,
      'member',
      'Bertil Berg',
    );
    // Both claim a name of their own choosing; the server stamps the account's name on.
    const a = connectClient(server.syncUrl, meeting.meetingId, 'Sara Sekreterare', meeting.token);
    const b = connectClient(server.syncUrl, meeting.meetingId, 'Ordföranden', bertil.token);
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    const remoteNames = (client: SyncClient) =>
      [...client.provider.awareness.getStates()]
        .filter(([clientId]) => clientId !== client.doc.clientID)
        .map(([, state]) => (state.user as { name?: string } | undefined)?.name);
    await waitFor(
      () => remoteNames(a).join() === 'Bertil Berg',
      () => `a sees ${remoteNames(a).join()}`,
    );
    await waitFor(
      () => remoteNames(b).join() === 'Sara Sekreterare',
      () => `b sees ${remoteNames(b).join()}`,
    );
    b.destroy();
    clients.pop();
    await waitFor(() => remoteNames(a).length === 0, 'departed client still present');
  });

  it("never lets one connection change or remove another client's presence", async () => {
    server = await startTestServer();
    const meeting = await createTestMeeting(server.url);
    const honest = connectClient(server.syncUrl, meeting.meetingId, 'Sara', meeting.token);
    const observer = connectClient(server.syncUrl, meeting.meetingId, 'Olle', meeting.token);
    clients.push(honest, observer);
    await Promise.all([honest.synced, observer.synced]);
    const victim = honest.doc.clientID;
    await waitFor(
      () => observer.provider.awareness.getStates().has(victim),
      'presence never arrived',
    );
    // A hostile client claims the honest client's id with a newer clock, and then removes it.
    const forger = new awarenessProtocol.Awareness(new Y.Doc());
    forger.clientID = victim;
    forger.setLocalState({ user: { name: 'Förfalskad' } });
    for (let i = 0; i < 5; i += 1) forger.setLocalState({ user: { name: 'Förfalskad' }, n: i });
    const mallory = await invitePerson(
      server.url,
      meeting.admin,
      meeting.boardId,
      'member',
      'Mallory',
    );
    const socket = new WebSocket(`${server.syncUrl}/${meeting.meetingId}?token=${mallory.token}`);
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(forger, [victim])));
    awarenessProtocol.removeAwarenessStates(forger, [victim], 'forged');
    socket.send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(forger, [victim])));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const seen = observer.provider.awareness.getStates().get(victim) as
      | { user?: { name?: string } }
      | undefined;
    expect(seen?.user?.name).toBe(adminCredentials.name);
    socket.close();
  });
});
