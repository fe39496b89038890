import { afterEach, describe, expect, it } from 'vitest';
import {
  connectClient,
  notesText,
  type SyncClient,
  seedMeeting,
  waitFor,
} from '../helpers/syncClient.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

describe('sync between y-websocket clients', () => {
  let server: TestServer;
  const clients: SyncClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.destroy();
  });

  it('converges five concurrent writers and gives a late joiner everything', async () => {
    server = await startTestServer();
    await seedMeeting(server.syncUrl, 'board-1');
    for (let i = 0; i < 5; i += 1) clients.push(connectClient(server.syncUrl, 'board-1', `w${i}`));
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

    const late = connectClient(server.syncUrl, 'board-1', 'late');
    clients.push(late);
    await late.synced;
    await waitFor(() => late.text.toString() === content, 'late joiner did not receive everything');
  });

  it('keeps different meetings apart', async () => {
    server = await startTestServer();
    await seedMeeting(server.syncUrl, 'meeting-a');
    await seedMeeting(server.syncUrl, 'meeting-b');
    const a = connectClient(server.syncUrl, 'meeting-a');
    const b = connectClient(server.syncUrl, 'meeting-b');
    const a2 = connectClient(server.syncUrl, 'meeting-a');
    clients.push(a, b, a2);
    await Promise.all([a.synced, b.synced, a2.synced]);
    a.text.insert(0, 'only in A');
    b.text.insert(0, 'only in B');
    await waitFor(() => a2.text.toString() === 'only in A', 'A did not reach its second client');

    const b2 = connectClient(server.syncUrl, 'meeting-b');
    clients.push(b2);
    await b2.synced;
    await waitFor(() => b2.text.toString() === 'only in B', 'B did not reach a new client');
    expect(a.text.toString()).toBe('only in A');
    expect(b.text.toString()).toBe('only in B');
  });

  it('unloads an empty room after the idle period and reloads identical state', async () => {
    server = await startTestServer({ ROOM_IDLE_MS: '50', COMPACT_AFTER_UPDATES: '1000' });
    await seedMeeting(server.syncUrl, 'reload-me');
    const writer = connectClient(server.syncUrl, 'reload-me');
    clients.push(writer);
    await writer.synced;
    writer.doc.getMap('meta').set('title', 'Styrelsemöte');
    writer.text.insert(0, 'Protokoll fört vid styrelsemöte');
    await waitFor(() => {
      const roomDoc = server.server.rooms.peek('reload-me')?.doc;
      return roomDoc !== undefined && notesText(roomDoc).length === 31;
    }, 'server did not receive the text');
    writer.destroy();
    clients.pop();
    await waitFor(() => server.server.rooms.peek('reload-me') === undefined, 'room not unloaded');
    // Unloading compacted the log into a snapshot.
    const stored = await server.storage.loadDocument('reload-me');
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates).toHaveLength(0);

    const reader = connectClient(server.syncUrl, 'reload-me');
    clients.push(reader);
    await reader.synced;
    await waitFor(() => reader.text.toString() === 'Protokoll fört vid styrelsemöte', 'no reload');
    expect(reader.doc.getMap('meta').get('title')).toBe('Styrelsemöte');
  });

  it('loads a room once when many clients join at the same moment', async () => {
    server = await startTestServer();
    const joiners = Array.from({ length: 8 }, (_, i) =>
      connectClient(server.syncUrl, 'simultaneous', `j${i}`),
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

  it('shares presence (awareness) between clients', async () => {
    server = await startTestServer();
    const a = connectClient(server.syncUrl, 'presence', 'Anna');
    const b = connectClient(server.syncUrl, 'presence', 'Bertil');
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    const names = (client: SyncClient) =>
      [...client.provider.awareness.getStates().values()]
        .map((state) => (state.user as { name?: string } | undefined)?.name)
        .sort();
    await waitFor(
      () => names(a).join() === 'Anna,Bertil',
      () => `a sees ${names(a).join()}`,
    );
    await waitFor(
      () => names(b).join() === 'Anna,Bertil',
      () => `b sees ${names(b).join()}`,
    );
    b.destroy();
    clients.pop();
    await waitFor(() => names(a).join() === 'Anna', 'departed client still present');
  });
});
