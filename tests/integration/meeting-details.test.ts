import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addAdjuster,
  addAttendee,
  getMeta,
  getOfficers,
  removeAdjuster,
  setMeta,
  setOfficer,
} from '../../shared/doc/index.ts';
import { CloseCode } from '../../shared/protocol/index.ts';
import { createTestMeeting, type TestMeeting } from '../helpers/apiClient.ts';
import { inviteToMeeting } from '../helpers/people.ts';
import { connectClient, type SyncClient, waitFor } from '../helpers/syncClient.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

// The workspace's "Sammanträdet" panel writes the header fields and the officers with these
// shared/doc calls; the server must take every one of them from the chair or the secretary and
// refuse them (4422) from an adjuster, whose access is text only.

describe('meeting details and officers over the sync socket', () => {
  let server: TestServer;
  let meeting: TestMeeting;
  const clients: SyncClient[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    meeting = await createTestMeeting(server.url);
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.destroy();
  });

  function closesOf(client: SyncClient): number[] {
    const closes: number[] = [];
    client.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event) closes.push(event.code);
    });
    return closes;
  }

  it("accepts and forwards every write of the secretary's panel, clearing and removal included", async () => {
    const secretary = connectClient(server.syncUrl, meeting.meetingId, 'secretary', meeting.token);
    const watcher = connectClient(server.syncUrl, meeting.meetingId, 'watcher', meeting.token);
    clients.push(secretary, watcher);
    await Promise.all([secretary.synced, watcher.synced]);
    const closes = closesOf(secretary);

    const doc = secretary.doc;
    const anita = addAttendee(doc, { name: 'Anita Löfgren', category: 'beslutande' });
    setMeta(doc, {
      date: '2023-10-03',
      startTime: '09:00',
      endTime: '12:00',
      place: 'Skype',
      videoLink: 'https://meet.example/skaraborg',
      minutesNumber: '5/2023',
      storagePlace: 'Förbundets kansli',
    });
    setMeta(doc, { videoLink: null });
    setOfficer(doc, 'chair', { personId: null, name: 'Ulla-Karin Cannervik' });
    setOfficer(doc, 'secretary', { personId: null, name: 'Amanda Hermansson' });
    addAdjuster(doc, { personId: anita, name: 'Anita Löfgren' });
    addAdjuster(doc, { personId: null, name: 'Björn Thodenius' });
    removeAdjuster(doc, { personId: null, name: 'Björn Thodenius' });
    setOfficer(doc, 'secretary', null);

    await waitFor(
      () =>
        getMeta(watcher.doc).storagePlace === 'Förbundets kansli' &&
        getOfficers(watcher.doc).secretary === null,
      () => `the panel's writes did not arrive: ${JSON.stringify(getOfficers(watcher.doc))}`,
    );
    await waitFor(
      () => getOfficers(watcher.doc).adjusters.length === 1,
      'the removal did not arrive',
    );
    const meta = getMeta(watcher.doc);
    expect({
      date: meta.date,
      startTime: meta.startTime,
      endTime: meta.endTime,
      place: meta.place,
      videoLink: meta.videoLink,
      minutesNumber: meta.minutesNumber,
    }).toEqual({
      date: '2023-10-03',
      startTime: '09:00',
      endTime: '12:00',
      place: 'Skype',
      videoLink: '',
      minutesNumber: '5/2023',
    });
    expect(getOfficers(watcher.doc)).toEqual({
      chair: { personId: null, name: 'Ulla-Karin Cannervik' },
      secretary: null,
      adjusters: [{ personId: anita, name: 'Anita Löfgren' }],
    });
    expect(closes).toEqual([]);

    // Stored, not only forwarded: the export reads the stored meeting.
    const exported = await meeting.admin.request(
      'GET',
      `/api/meetings/${meeting.meetingId}/export/md`,
    );
    expect(exported.status).toBe(200);
    const markdown = String(exported.body);
    expect(markdown).toContain('Plats: Skype');
    expect(markdown).toContain('Ordförande: Ulla-Karin Cannervik');
    expect(markdown).toContain('Justerare: Anita Löfgren');
  });

  it("refuses an adjuster's change of the officers or the place with 4422 and keeps the document", async () => {
    const person = await inviteToMeeting(server.url, meeting, 'adjuster', 'Anita Justerare');
    for (const write of [
      (client: SyncClient) => addAdjuster(client.doc, { personId: null, name: 'Anita Justerare' }),
      (client: SyncClient) => setMeta(client.doc, { place: 'Någon annanstans' }),
    ]) {
      const adjuster = connectClient(server.syncUrl, meeting.meetingId, 'adjuster', person.token);
      clients.push(adjuster);
      await adjuster.synced;
      const closes = closesOf(adjuster);
      write(adjuster);
      await waitFor(() => closes.length > 0, 'the write was not refused');
      expect(closes[0]).toBe(CloseCode.invalidUpdate);
      adjuster.destroy();
    }
    const watcher = connectClient(server.syncUrl, meeting.meetingId, 'watcher', meeting.token);
    clients.push(watcher);
    await watcher.synced;
    expect(getMeta(watcher.doc).place).toBe('Skype');
    expect(getOfficers(watcher.doc).adjusters.map((ref) => ref.name)).toEqual(['Anita Löfgren']);
  });
});
