import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { addItem, approveAgenda, readItems } from '../../shared/doc/index.ts';
import { ApiClient, createTestMeeting, type TestMeeting } from '../helpers/apiClient.ts';
import { invitePerson } from '../helpers/people.ts';
import { connectClient, type SyncClient, waitFor } from '../helpers/syncClient.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { syncUpdateFrame } from '../helpers/wire.ts';

// Locking, unlocking before any signature, and archiving: the lifecycle steps around justering
// that the whole-meeting story in lifecycle.test.ts does not take.

interface LifecycleState {
  status: string;
  signatures: unknown[];
}

async function download(api: TestMeeting['admin'], path: string): Promise<Uint8Array> {
  const response = await fetch(`${api.baseUrl}${path}`, {
    headers: { cookie: api.sessionCookie ?? '' },
  });
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

describe('locking for justering, unlocking and archiving', () => {
  let server: TestServer;
  const clients: SyncClient[] = [];

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.destroy();
  });

  it('freezes the § numbers at lock, unlocks before any signature (recorded), relocks, and archives', async () => {
    const third = await createTestMeeting(server.url, 'Låsmöte');
    const path = `/api/meetings/${third.meetingId}`;
    const people = {
      chair: await invitePerson(server.url, third.admin, third.boardId, 'member', 'Ordf Ek'),
      adjuster: await invitePerson(server.url, third.admin, third.boardId, 'member', 'Just Al'),
      member: await invitePerson(server.url, third.admin, third.boardId, 'member', 'Led Asp'),
    };
    await third.admin.expect(200, 'PUT', `${path}/roles/${people.chair.userId}`, {
      role: 'chair',
    });
    await third.admin.expect(200, 'PUT', `${path}/roles/${people.adjuster.userId}`, {
      role: 'adjuster',
    });
    const secretary = connectClient(server.syncUrl, third.meetingId, 'secretary', third.token);
    clients.push(secretary);
    await secretary.synced;
    approveAgenda(secretary.doc);
    const labelsOf = (doc: Y.Doc) =>
      Object.fromEntries(
        readItems(doc).flatMap((item) => (item.label ? [[item.id, item.label]] : [])),
      );
    const exportedLabels = async () => {
      const json = JSON.parse(
        new TextDecoder().decode(await download(third.admin, `${path}/export/json`)),
      ) as { paragraphs: Array<{ label: string; title: string }> };
      return json.paragraphs.map((paragraph) => `${paragraph.label} ${paragraph.title}`);
    };
    const before = labelsOf(secretary.doc);
    const listed = readItems(secretary.doc).map((item) => `${item.label} ${item.title}`);

    const preLock = Y.encodeStateAsUpdate(secretary.doc);
    // Lock: the numbers as they are now are written into the document, for everyone.
    await third.admin.expect(200, 'POST', `${path}/lifecycle`, { action: 'lock' });
    await waitFor(
      () => secretary.doc.getMap('meta').get('locked') === true,
      'the lock did not arrive',
    );
    expect(secretary.doc.getMap('meta').get('lockedNumbers')).toEqual(before);
    // A new § at the top while locked: the document API refuses it, and so does the server when
    // a client that went offline before the lock sends one; no number moves.
    const top0 = readItems(secretary.doc)[0];
    expect(() => addItem(secretary.doc, { title: 'Insmuget' }, { before: top0?.id ?? '' })).toThrow(
      /locked/,
    );
    const offline = new Y.Doc();
    Y.applyUpdate(offline, preLock);
    const vector = Y.encodeStateVector(offline);
    addItem(offline, { title: 'Insmuget ärende' }, { before: top0?.id ?? '' });
    const raw = new WebSocket(`${server.syncUrl}/${third.meetingId}?token=${third.token}`);
    await new Promise((resolve) => raw.once('open', resolve));
    const denied = new Promise<string>((resolve) =>
      raw.on('message', (data: Buffer) => {
        if (data[0] === 2) resolve(data.subarray(2).toString());
      }),
    );
    raw.send(syncUpdateFrame(Y.encodeStateAsUpdate(offline, vector)));
    expect(await denied).toMatch(/locked for justering/);
    raw.close();
    await server.server.rooms.peek(third.meetingId)?.settle();
    expect(await exportedLabels()).toEqual(listed);

    // Unlock before any signature: allowed for the secretary only, and recorded.
    expect(
      (await people.member.api.request('POST', `${path}/lifecycle`, { action: 'unlock' })).status,
    ).toBe(403);
    const unlocked = await third.admin.expect<LifecycleState>(200, 'POST', `${path}/lifecycle`, {
      action: 'unlock',
    });
    expect(unlocked.status).toBe('minutesDrafted');
    await waitFor(
      () => secretary.doc.getMap('meta').get('locked') === false,
      'the unlock did not arrive',
    );
    expect(secretary.doc.getMap('meta').has('lockedNumbers')).toBe(false);
    type Version = { label: string; createdBy: string | null };
    const versions = await third.admin.expect<Version[]>(200, 'GET', `${path}/versions`);
    expect(versions.map((version) => version.label)).toEqual(['Låst för justering', 'Upplåst']);
    expect(versions[1]?.createdBy).toBeTruthy();

    // Unlocked, the agenda may change again; the next lock freezes the new numbers.
    const top = readItems(secretary.doc)[0];
    addItem(secretary.doc, { title: 'Extra ärende' }, top ? { before: top.id } : {});
    await waitFor(
      () => readItems(secretary.doc).some((item) => item.title === 'Extra ärende'),
      'the new item did not apply',
    );
    await server.server.rooms.peek(third.meetingId)?.settle();
    const renumbered = labelsOf(secretary.doc);
    expect(renumbered).not.toEqual(before);
    await third.admin.expect(200, 'POST', `${path}/lifecycle`, { action: 'lock' });
    await waitFor(
      () => secretary.doc.getMap('meta').get('locked') === true,
      'the second lock did not arrive',
    );
    expect(secretary.doc.getMap('meta').get('lockedNumbers')).toEqual(renumbered);
    expect((await exportedLabels())[0]).toMatch(/ Extra ärende$/);

    // Signed and posted, then archived by the secretary: the last step, and the file verifies.
    for (const person of [people.chair, people.adjuster])
      await person.api.expect(201, 'POST', `${path}/signatures`);
    await third.admin.expect(201, 'POST', `${path}/signatures`);
    await third.admin.expect(200, 'POST', `${path}/lifecycle`, {
      action: 'post',
      postedFrom: '2026-12-01',
      postedTo: '2026-12-22',
      storagePlace: 'Kansliet',
    });
    expect(
      (await people.chair.api.request('POST', `${path}/lifecycle`, { action: 'archive' })).status,
    ).toBe(403);
    const archived = await third.admin.expect<LifecycleState>(200, 'POST', `${path}/lifecycle`, {
      action: 'archive',
    });
    expect(archived.status).toBe('archived');
    expect(archived.signatures).toHaveLength(3);
    for (const action of ['archive', 'unlock', 'lock'])
      expect(
        (await third.admin.request('POST', `${path}/lifecycle`, { action })).status,
        action,
      ).toBe(409);
    await waitFor(
      () => secretary.doc.getMap('meta').get('status') === 'archived',
      'the archive did not reach the clients',
    );
    const files = await third.admin.expect<Array<{ sha256: string; format: string }>>(
      200,
      'GET',
      `${path}/signed-files`,
    );
    const pdf = files.find((file) => file.format === 'pdf');
    const verdict = await new ApiClient(server.url).expect<{ valid: boolean }>(
      200,
      'GET',
      `/api/verify/${pdf?.sha256}`,
    );
    expect(verdict).toMatchObject({ valid: true, superseded: null });
    expect(
      Buffer.from((await download(third.admin, `${path}/export/pdf`)).subarray(0, 5)).toString(),
    ).toBe('%PDF-');
  });
});
