import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addItem } from '../../shared/doc/index.ts';
import { createTestMeeting } from '../helpers/apiClient.ts';
import { inviteToMeeting } from '../helpers/people.ts';
import {
  connectClient,
  notesItemId,
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

  it('folds a log tail that no room folded when only readers open the meeting', async () => {
    server = await startTestServer({ ROOM_IDLE_MS: '50' });
    const meeting = await createTestMeeting(server.url);
    const { meetingId } = meeting;
    await waitFor(() => server.server.rooms.loadedRoomCount === 0, 'room never unloaded');
    // What a crash in the middle of a meeting leaves: edits in the log, never folded.
    const doc = new Y.Doc();
    const before = await server.storage.loadDocument(meetingId);
    if (before.snapshot) Y.applyUpdate(doc, before.snapshot);
    const stateBefore = Y.encodeStateVector(doc);
    addItem(doc, { id: notesItemId, title: 'Anteckningar' });
    notesText(doc).insert(0, 'Skrivet före kraschen');
    await server.storage.appendUpdates([
      { meetingId, update: Y.encodeStateAsUpdate(doc, stateBefore), authorId: null },
    ]);
    expect(logRows(meetingId)).toBe(1);

    const observer = await inviteToMeeting(server.url, meeting, 'observer', 'Oskar Observatör');
    const reader = connectClient(server.syncUrl, meetingId, 'oskar', observer.token);
    await reader.synced;
    expect(reader.text.toString()).toBe('Skrivet före kraschen');
    reader.destroy();
    await waitFor(() => server.server.rooms.loadedRoomCount === 0, 'room never unloaded');

    // Folded: no row left to scan the log for, and the content is the snapshot's.
    expect(logRows(meetingId)).toBe(0);
    const heads = server.storage.database
      .prepare('SELECT COUNT(*) AS n FROM doc_log_heads WHERE meeting_id = ?')
      .get(meetingId) as { n: number };
    expect(heads.n).toBe(0);
    const after = await server.storage.loadDocument(meetingId);
    expect(after.updates).toHaveLength(0);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, after.snapshot ?? new Uint8Array([0, 0]));
    expect(Y.encodeStateVector(reloaded)).toEqual(Y.encodeStateVector(doc));
    expect(notesText(reloaded).toString()).toBe('Skrivet före kraschen');
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
