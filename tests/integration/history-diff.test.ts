import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addAdjuster,
  addAttendee,
  editAttendee,
  markDeparture,
  readItems,
  setItemBody,
  setMeta,
  setOfficer,
} from '../../shared/doc/index.ts';
import { createTestMeeting, type TestMeeting } from '../helpers/apiClient.ts';
import { invitePerson, type Person } from '../helpers/people.ts';
import { connectClient, type SyncClient } from '../helpers/syncClient.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

// What the adjuster reviews in the version history: between two save points of the minutes,
// the header, the officers and the attendance list as well as the wording of each §. The
// server checks every response against the route table here (NODE_ENV=test).

interface Snapshot {
  meta: { place: string; title: string };
  items: Array<{ id: string; title: string; label: string | null }>;
}

interface Diff {
  header: Array<{ field: string; before: string | null; after: string | null }>;
  officers: Array<{ office: string; before: string[]; after: string[] }>;
  attendance: Array<{
    personId: string;
    change: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    fields: string[];
  }>;
  items: Array<{ itemId: string; change: string; parts: Array<{ text: string; change: string }> }>;
}

describe('the changes between two versions through the API', () => {
  let server: TestServer;
  let meeting: TestMeeting;
  let member: Person;
  let secretary: SyncClient;
  let path = '';

  /** Waits until the server's copy of the meeting satisfies `check` (the socket is async). */
  async function serverHas(check: (snapshot: Snapshot) => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const current = await meeting.admin.expect<Snapshot>(200, 'GET', `${path}/versions/current`);
      if (check(current)) return;
      if (Date.now() > deadline) throw new Error(`the server never saw ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function saveVersion(label: string): Promise<number> {
    const { id } = await meeting.admin.expect<{ id: number }>(201, 'POST', `${path}/versions`, {
      label,
    });
    return id;
  }

  beforeAll(async () => {
    server = await startTestServer();
    meeting = await createTestMeeting(server.url, 'Styrelsemöte december');
    member = await invitePerson(server.url, meeting.admin, meeting.boardId, 'member', 'Maja Asp');
    path = `/api/meetings/${meeting.meetingId}`;
    secretary = connectClient(server.syncUrl, meeting.meetingId, 'secretary', meeting.token);
    await secretary.synced;
  });
  afterAll(async () => {
    secretary.destroy();
    await server.destroy();
  });

  it('compares two stored versions: header, officers, attendance and wording', async () => {
    const doc = secretary.doc;
    const items = readItems(doc).filter((item) => item.label !== null);
    const [first, second] = items;
    if (!first || !second) throw new Error('the standard agenda has fewer than two §');

    // Save point A: the meeting as the notice described it.
    // One socket's updates are applied in order, so the server having the last one (the
    // header) means it has them all.
    addAttendee(doc, { id: 'karin', name: 'Karin Ek', category: 'beslutande' });
    addAttendee(doc, { id: 'lars', name: 'Lars Berg', category: 'beslutande', role: 'Kassör' });
    setOfficer(doc, 'chair', { personId: null, name: 'Karin Ek' });
    addAdjuster(doc, { personId: null, name: 'Lars Berg' });
    setItemBody(doc, second.id, ['Styrelsen diskuterar budgeten.']);
    setMeta(doc, { place: 'Kansliet', startTime: '18:00', endTime: '20:00' });
    await serverHas((now) => now.meta.place === 'Kansliet', 'save point A');
    const planned = await saveVersion('Före mötet');

    // Save point B: the meeting as it was held.
    addAttendee(doc, { id: 'anna', name: 'Anna Andersson', category: 'ersattare' });
    editAttendee(doc, 'lars', { category: 'franvarande', absenceNotified: true });
    markDeparture(doc, 'karin', first.id);
    setOfficer(doc, 'chair', { personId: null, name: 'Anna Andersson' });
    setItemBody(doc, second.id, ['Styrelsen fastställer budgeten.']);
    setMeta(doc, { place: 'Stadshuset, sal 3', endTime: '21:15' });
    await serverHas((now) => now.meta.place === 'Stadshuset, sal 3', 'save point B');
    const held = await saveVersion('Efter mötet');

    // After B, the title changes: a comparison of A and B must not see it.
    setMeta(doc, { title: 'Styrelsemöte december (rättat)' });
    await serverHas((now) => now.meta.title.endsWith('(rättat)'), 'the new title');

    // A member who only reads the minutes sees the same comparison as the secretary.
    const diff = await member.api.expect<Diff>(
      200,
      'GET',
      `${path}/versions/${planned}/diff/${held}`,
    );
    expect(diff.header).toEqual([
      { field: 'endTime', before: '20:00', after: '21:15' },
      { field: 'place', before: 'Kansliet', after: 'Stadshuset, sal 3' },
    ]);
    expect(diff.officers).toEqual([
      { office: 'chair', before: ['Karin Ek'], after: ['Anna Andersson'] },
    ]);
    expect(
      diff.attendance.map((change) => [change.personId, change.change, change.fields]),
    ).toEqual([
      ['karin', 'changed', ['presence']],
      ['lars', 'changed', ['category', 'absenceNotified']],
      ['anna', 'added', []],
    ]);
    expect(diff.attendance[0]?.after).toMatchObject({
      presentFrom: null,
      presentTo: { label: first.label, title: first.title },
    });
    expect(diff.attendance[2]?.after).toMatchObject({
      name: 'Anna Andersson',
      category: 'ersattare',
    });
    expect(diff.items.map((change) => [change.itemId, change.change])).toEqual([
      [second.id, 'changed'],
    ]);
    expect(diff.items[0]?.parts).toContainEqual({ text: 'fastställer', change: 'added' });

    // Backwards, Anna was never there and Karin stayed to the end.
    const back = await meeting.admin.expect<Diff>(
      200,
      'GET',
      `${path}/versions/${held}/diff/${planned}`,
    );
    expect(back.header).toContainEqual({
      field: 'place',
      before: 'Stadshuset, sal 3',
      after: 'Kansliet',
    });
    expect(back.attendance.find((change) => change.personId === 'anna')?.change).toBe('removed');

    // From B to now: only the title.
    const since = await meeting.admin.expect<Diff>(
      200,
      'GET',
      `${path}/versions/${held}/diff/current`,
    );
    expect(since).toEqual({
      header: [
        {
          field: 'title',
          before: 'Styrelsemöte december',
          after: 'Styrelsemöte december (rättat)',
        },
      ],
      officers: [],
      attendance: [],
      items: [],
    });
  });

  it('refuses an unknown version (404) and a malformed one (400)', async () => {
    const unknown = await meeting.admin.request('GET', `${path}/versions/999999/diff/current`);
    expect(unknown.status).toBe(404);
    expect((unknown.body as { error: { code: string } }).error.code).toBe('not_found');
    const malformed = await meeting.admin.request('GET', `${path}/versions/latest/diff/current`);
    expect(malformed.status).toBe(400);
  });
});
