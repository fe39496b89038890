import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createTestMeeting } from '../helpers/apiClient.ts';
import {
  connectClient,
  notesText,
  type SyncClient,
  seedMeeting,
  waitFor,
} from '../helpers/syncClient.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

/** How the server keeps a meeting in storage while it runs: compaction, loading, readiness. */
describe('a meeting in storage', () => {
  let server: TestServer;
  const clients: SyncClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.destroy();
  });

  function logRows(meetingId: string): number {
    const row = server.storage.database
      .prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE meeting_id = ?')
      .get(meetingId) as { n: number };
    return row.n;
  }

  it('folds the update log into a snapshot while clients are still editing', async () => {
    server = await startTestServer({ COMPACT_AFTER_UPDATES: '20' });
    const { meetingId, token } = await createTestMeeting(server.url);
    await seedMeeting(server.syncUrl, meetingId, token);
    const writer = connectClient(server.syncUrl, meetingId, 'writer', token);
    clients.push(writer);
    await writer.synced;
    for (let i = 0; i < 60; i += 1) {
      writer.text.insert(writer.text.length, `${i} `);
      // One update per keystroke, as a person types: each is its own stored row until folded.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const expected = writer.text.toString();
    const stored = async () => {
      const loaded = await server.storage.loadDocument(meetingId);
      const doc = new Y.Doc();
      if (loaded.snapshot) Y.applyUpdate(doc, loaded.snapshot);
      for (const update of loaded.updates) Y.applyUpdate(doc, update);
      return { text: notesText(doc).toString(), tail: loaded.updates.length, loaded };
    };
    await waitFor(
      () => logRows(meetingId) < 20,
      () => `log still has ${logRows(meetingId)} rows`,
    );
    // The room is still loaded and in use: the compaction ran in the background.
    expect(server.server.rooms.loadedRoomCount).toBe(1);
    let latest = await stored();
    for (let tries = 0; latest.text !== expected && tries < 100; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      latest = await stored();
    }
    const { loaded, tail, text } = latest;
    expect(text).toBe(expected);
    expect(loaded.snapshot).not.toBeNull();
    expect(tail).toBeLessThan(20);
  });

  it('loads a room from storage exactly once when many clients join at the same moment', async () => {
    server = await startTestServer({ ROOM_IDLE_MS: '50' });
    const { meetingId, token } = await createTestMeeting(server.url);
    await waitFor(() => server.server.rooms.loadedRoomCount === 0, 'room never unloaded');
    const loads = vi.spyOn(server.storage, 'loadDocument');
    const joiners = Array.from({ length: 8 }, (_, i) =>
      connectClient(server.syncUrl, meetingId, `j${i}`, token),
    );
    clients.push(...joiners);
    await Promise.all(joiners.map((client) => client.synced));
    expect(loads.mock.calls.filter(([id]) => id === meetingId)).toHaveLength(1);
  });

  it('answers /healthz always and /readyz only while storage answers', async () => {
    server = await startTestServer();
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    await expect(health.json()).resolves.toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    await expect(ready.json()).resolves.toEqual({ status: 'ready' });

    vi.spyOn(server.storage, 'ping').mockRejectedValue(new Error('database is locked'));
    const notReady = await fetch(`${server.url}/readyz`);
    expect(notReady.status).toBe(503);
    await expect(notReady.json()).resolves.toEqual({ status: 'unavailable' });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
