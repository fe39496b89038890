import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import {
  addAttendee,
  approveAgenda,
  decisionsOfMeeting,
  readItems,
  setItemBody,
  setOfficer,
} from '../../shared/doc/index.ts';
import { ApiClient, createTestMeeting, type TestMeeting } from '../helpers/apiClient.ts';
import { docxText, pdfText, squash } from '../helpers/documents.ts';
import { invitePerson, type Person } from '../helpers/people.ts';
import { connectClient, type SyncClient, waitFor } from '../helpers/syncClient.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { syncUpdateFrame } from '../helpers/wire.ts';

interface LifecycleState {
  status: string;
  signatures: Array<{ name: string; role: string; sha256: string }>;
  pendingSigners: unknown[];
  adjustedOn: string | null;
}

interface Verdict {
  valid: boolean;
  adjustedOn?: string | null;
  signatures?: Array<{ name: string; role: string; signedAt: string }>;
  superseded?: { reason: string; correctedOn: string } | null;
}

/** "role name" of every signer, sorted: what two rounds of justering are compared by. */
const signersOf = (state: { signatures?: Array<{ name: string; role: string }> }) =>
  (state.signatures ?? []).map((signature) => `${signature.role} ${signature.name}`).sort();

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function download(api: TestMeeting['admin'], path: string): Promise<Uint8Array> {
  const response = await fetch(`${api.baseUrl}${path}`, {
    headers: { cookie: api.sessionCookie ?? '' },
  });
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

describe('from live minutes to a signed, posted protocol', () => {
  let server: TestServer;
  let meeting: TestMeeting;
  let chair: Person;
  let adjuster: Person;
  let member: Person;
  let observer: Person;
  const clients: SyncClient[] = [];
  const lifecycle = () => `/api/meetings/${meeting.meetingId}/lifecycle`;

  beforeAll(async () => {
    server = await startTestServer();
    meeting = await createTestMeeting(server.url, 'Styrelsemöte november');
    chair = await invitePerson(
      server.url,
      meeting.admin,
      meeting.boardId,
      'member',
      'Ulla Ordförande',
    );
    adjuster = await invitePerson(
      server.url,
      meeting.admin,
      meeting.boardId,
      'member',
      'Anita Justerare',
    );
    member = await invitePerson(
      server.url,
      meeting.admin,
      meeting.boardId,
      'member',
      'Maja Ledamot',
    );
    observer = await invitePerson(
      server.url,
      meeting.admin,
      meeting.boardId,
      'guest',
      'Olle Observatör',
    );
    const roles = `/api/meetings/${meeting.meetingId}/roles`;
    await meeting.admin.expect(200, 'PUT', `${roles}/${chair.userId}`, { role: 'chair' });
    await meeting.admin.expect(200, 'PUT', `${roles}/${adjuster.userId}`, { role: 'adjuster' });
    await meeting.admin.expect(200, 'PUT', `${roles}/${observer.userId}`, { role: 'observer' });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.destroy();
  });

  it('runs a whole meeting: notice, session, lock, three signatures, posting, and files PDF and DOCX', async () => {
    const admin = meeting.admin;
    expect(
      (await admin.expect<LifecycleState>(200, 'POST', lifecycle(), { action: 'sendNotice' }))
        .status,
    ).toBe('noticeSent');
    const notice = await pdfText(
      await download(admin, `/api/meetings/${meeting.meetingId}/export/pdf?document=notice`),
    );
    expect(notice.text).toContain('Kallelse och föredragningslista');
    expect(
      (await admin.expect<LifecycleState>(200, 'POST', lifecycle(), { action: 'openSession' }))
        .status,
    ).toBe('inSession');

    // The session: the secretary writes the minutes live over the socket.
    const secretary = connectClient(server.syncUrl, meeting.meetingId, 'secretary', meeting.token);
    const watcher = connectClient(server.syncUrl, meeting.meetingId, 'chair', chair.token);
    clients.push(secretary, watcher);
    await Promise.all([secretary.synced, watcher.synced]);
    const doc = secretary.doc;
    approveAgenda(doc);
    const anna = addAttendee(doc, {
      name: 'Anna Ek',
      organisation: 'Skövde kommun',
      category: 'beslutande',
    });
    addAttendee(doc, { name: 'Bo Berg', category: 'franvarande', absenceNotified: true });
    setOfficer(doc, 'chair', { personId: anna, name: 'Anna Ek' });
    const items = readItems(doc);
    const budget = items[4];
    if (!budget) throw new Error('the template has fewer items than expected');
    setItemBody(doc, budget.id, [
      'Kassören redogör för budgetläget.',
      {
        type: 'decision',
        content: ['Styrelsen beslutar att fastställa budgeten för 2027.'],
        votes: { for: 6, against: 1, abstain: 0 },
      },
      {
        type: 'assignment',
        assignee: 'Kassören',
        text: 'redovisa utfallet i mars',
        dueDate: '2027-03-31',
      },
    ]);
    await waitFor(
      () =>
        decisionsOfMeeting(watcher.doc).some((decision) =>
          decision.text.includes('fastställa budgeten'),
        ),
      'minutes did not sync',
    );
    expect(
      (await admin.expect<LifecycleState>(200, 'POST', lifecycle(), { action: 'closeSession' }))
        .status,
    ).toBe('minutesDrafted');

    // Locking: every client sees it live, and the server refuses every further update.
    expect(
      (await admin.expect<LifecycleState>(200, 'POST', lifecycle(), { action: 'lock' })).status,
    ).toBe('lockedForAdjustment');
    await waitFor(
      () => watcher.doc.getMap('meta').get('locked') === true,
      'the lock did not reach the clients',
    );
    const raw = new WebSocket(`${server.syncUrl}/${meeting.meetingId}?token=${meeting.token}`);
    await new Promise((resolve) => raw.once('open', resolve));
    const denied = new Promise<string>((resolve) =>
      raw.on('message', (data: Buffer) => {
        if (data[0] === 2) resolve(data.subarray(2).toString());
      }),
    );
    const late = new Y.Doc();
    Y.applyUpdate(late, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(late);
    late.getMap('meta').set('title', 'Ändrad efter låsning');
    const update = Y.encodeStateAsUpdate(late, before);
    raw.send(syncUpdateFrame(update));
    expect(await denied).toMatch(/locked for justering/);
    raw.close();
    await server.server.rooms.peek(meeting.meetingId)?.settle();
    expect(watcher.doc.getMap('meta').get('title')).not.toBe('Ändrad efter låsning');
    const stored = await server.storage.loadDocument(meeting.meetingId);
    const replay = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(replay, stored.snapshot);
    for (const entry of stored.updates) Y.applyUpdate(replay, entry);
    expect(replay.getMap('meta').get('title')).not.toBe('Ändrad efter låsning');

    // Three signatures; the last one makes the minutes justerat.
    const first = await chair.api.expect<LifecycleState>(
      201,
      'POST',
      `/api/meetings/${meeting.meetingId}/signatures`,
    );
    expect(first.status).toBe('lockedForAdjustment');
    await adjuster.api.expect(201, 'POST', `/api/meetings/${meeting.meetingId}/signatures`);
    const signed = await admin.expect<LifecycleState>(
      201,
      'POST',
      `/api/meetings/${meeting.meetingId}/signatures`,
    );
    expect(signed.status).toBe('signed');
    expect(signed.pendingSigners).toEqual([]);
    expect(signed.adjustedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Every signer signed the same bytes.
    expect(new Set(signed.signatures.map((signature) => signature.sha256)).size).toBe(1);

    const posted = await admin.expect<LifecycleState>(200, 'POST', lifecycle(), {
      action: 'post',
      postedFrom: '2026-12-01',
      postedTo: '2026-12-22',
      storagePlace: 'Kansliet, Skövde',
    });
    expect(posted.status).toBe('posted');

    const pdf = await download(admin, `/api/meetings/${meeting.meetingId}/export/pdf`);
    const docx = await download(admin, `/api/meetings/${meeting.meetingId}/export/docx`);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const pdfContent = squash((await pdfText(pdf)).text);
    const { text: wordText, xml } = docxText(docx);
    const wordContent = squash(wordText);
    expect(xml).toContain('w:pStyle w:val="Heading2"');
    for (const content of [pdfContent, wordContent]) {
      for (const item of readItems(watcher.doc))
        expect(content).toContain(squash(`§ ${item.label} ${item.title}`));
      for (const text of [
        'fastställa budgeten för 2027',
        'Anna Ek',
        'Bo Berg',
        'anmält förhinder',
        'Kassören',
        'redovisa utfallet i mars',
      ]) {
        expect(content).toContain(squash(text));
      }
      for (const name of [
        'Ulla Ordförande',
        'Anita Justerare',
        'Sara Sekreterare',
        'Ordförande',
        'Justerare',
        'Sekreterare',
      ]) {
        expect(content).toContain(squash(name));
      }
      expect(content).toContain(squash('Anslaget under tiden: 2026-12-01 – 2026-12-22'));
      expect(content).toContain(squash('Kansliet, Skövde'));
    }
  });

  it('hashes the canonical export identically every time, and verifies exactly the issued file', async () => {
    const admin = meeting.admin;
    const json1 = await download(admin, `/api/meetings/${meeting.meetingId}/export/json`);
    const json2 = await download(admin, `/api/meetings/${meeting.meetingId}/export/json`);
    expect(sha(json1)).toBe(sha(json2));
    const pdf = await download(admin, `/api/meetings/${meeting.meetingId}/export/pdf`);
    expect(sha(await download(admin, `/api/meetings/${meeting.meetingId}/export/pdf`))).toBe(
      sha(pdf),
    );

    const anonymous = new ApiClient(server.url);
    const verdict = await anonymous.expect<{
      valid: boolean;
      signatures?: Array<{ name: string }>;
      title?: string;
    }>(200, 'GET', `/api/verify/${sha(pdf)}`);
    expect(verdict.valid).toBe(true);
    expect(verdict.title).toBe('Styrelsemöte november');
    expect(verdict.signatures?.map((signature) => signature.name).sort()).toEqual([
      'Anita Justerare',
      'Sara Sekreterare',
      'Ulla Ordförande',
    ]);
    const altered = pdf.slice();
    altered[Math.floor(altered.length / 2)] = (altered[Math.floor(altered.length / 2)] ?? 0) ^ 0xff;
    expect(
      await anonymous.expect<{ valid: boolean }>(200, 'GET', `/api/verify/${sha(altered)}`),
    ).toEqual({ valid: false });
  });

  it('refuses lifecycle steps a role may not take, double signatures and unlocking after a signature', async () => {
    const second = await createTestMeeting(server.url, 'Extra möte');
    const path = `/api/meetings/${second.meetingId}`;
    const roles = `${path}/roles`;
    // People of this meeting's board, one per role that matters here.
    const people = {
      chair: await invitePerson(server.url, second.admin, second.boardId, 'member', 'Ordf'),
      adjuster: await invitePerson(server.url, second.admin, second.boardId, 'member', 'Just'),
      member: await invitePerson(server.url, second.admin, second.boardId, 'member', 'Led'),
      observer: await invitePerson(server.url, second.admin, second.boardId, 'guest', 'Obs'),
    };
    await second.admin.expect(200, 'PUT', `${roles}/${people.chair.userId}`, { role: 'chair' });
    const refusedLock = await people.member.api.request('POST', `${path}/lifecycle`, {
      action: 'lock',
    });
    expect(refusedLock.status).toBe(403);
    expect((refusedLock.body as { error: { message: string } }).error.message).toMatch(
      /member may not lock/,
    );
    // Locking needs an adjuster.
    const noAdjuster = await second.admin.request('POST', `${path}/lifecycle`, { action: 'lock' });
    expect(noAdjuster.status).toBe(409);
    expect((noAdjuster.body as { error: { code: string } }).error.code).toBe('signers_missing');
    await second.admin.expect(200, 'PUT', `${roles}/${people.adjuster.userId}`, {
      role: 'adjuster',
    });
    const early = await people.chair.api.request('POST', `${path}/signatures`);
    expect(early.status).toBe(409);
    expect((early.body as { error: { code: string } }).error.code).toBe('not_locked');
    await second.admin.expect(200, 'POST', `${path}/lifecycle`, { action: 'lock' });
    const observerSigns = await people.observer.api.request('POST', `${path}/signatures`);
    expect(observerSigns.status).toBe(403);
    await people.chair.api.expect(201, 'POST', `${path}/signatures`);
    const twice = await people.chair.api.request('POST', `${path}/signatures`);
    expect(twice.status).toBe(409);
    expect((twice.body as { error: { code: string } }).error.code).toBe('already_signed');
    const unlock = await second.admin.request('POST', `${path}/lifecycle`, { action: 'unlock' });
    expect(unlock.status).toBe(409);
    expect((unlock.body as { error: { code: string } }).error.code).toBe('already_signed');
    const skipAhead = await second.admin.request('POST', `${path}/lifecycle`, {
      action: 'archive',
    });
    expect(skipAhead.status).toBe(409);
  });

  it('keeps versions, shows what changed, and corrects signed minutes without losing the signed file', async () => {
    const admin = meeting.admin;
    const path = `/api/meetings/${meeting.meetingId}`;
    type Version = { id: number; label: string; reason: string | null };
    const versions = await admin.expect<Version[]>(200, 'GET', `${path}/versions`);
    expect(versions.map((version) => version.label)).toEqual([
      'Låst för justering',
      'Justerat',
      'Anslaget',
    ]);
    const locked = versions[0] as Version;
    // Signing and posting change only the lifecycle, which a comparison leaves out.
    expect(await admin.expect(200, 'GET', `${path}/versions/${locked.id}/diff/current`)).toEqual({
      header: [],
      officers: [],
      attendance: [],
      items: [],
    });
    const signedFiles = await admin.expect<Array<{ sha256: string; format: string }>>(
      200,
      'GET',
      `${path}/signed-files`,
    );
    const signedPdf = signedFiles.find((file) => file.format === 'pdf');
    if (!signedPdf) throw new Error('no signed PDF was issued');

    const signedRound = await admin.expect<LifecycleState>(200, 'GET', lifecycle());

    // Members may not correct; the secretary may, with a reason.
    expect(
      (await member.api.request('POST', `${path}/corrections`, { reason: 'Stavfel i § 5' })).status,
    ).toBe(403);
    const corrected = await admin.expect<LifecycleState>(200, 'POST', `${path}/corrections`, {
      reason: 'Fel belopp i budgetbeslutet',
    });
    expect(corrected.status).toBe('minutesDrafted');
    expect(corrected.signatures).toEqual([]);

    const secretary = connectClient(server.syncUrl, meeting.meetingId, 'secretary', meeting.token);
    clients.push(secretary);
    await secretary.synced;
    await waitFor(
      () => secretary.doc.getMap('meta').get('locked') === false,
      'the unlock did not arrive',
    );
    const budget = readItems(secretary.doc)[4];
    if (!budget) throw new Error('no budget item');
    setItemBody(secretary.doc, budget.id, [
      {
        type: 'decision',
        content: ['Styrelsen beslutar att fastställa den rättade budgeten för 2027.'],
      },
    ]);
    const after = await admin.expect<Version[]>(200, 'GET', `${path}/versions`);
    const beforeCorrection = after.find(
      (version) => version.label === 'Justerat protokoll före rättelse',
    );
    expect(beforeCorrection?.reason).toBe('Fel belopp i budgetbeslutet');
    type Change = {
      itemId: string;
      change: string;
      parts: Array<{ text: string; change: string }>;
    };
    let changes: Change[] = [];
    for (let attempt = 0; attempt < 50 && changes.length === 0; attempt += 1) {
      const diff = await admin.expect<{ items: Change[] }>(
        200,
        'GET',
        `${path}/versions/${beforeCorrection?.id}/diff/current`,
      );
      changes = diff.items;
      if (changes.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(changes.map((change) => [change.itemId, change.change])).toEqual([
      [budget.id, 'changed'],
    ]);
    expect(
      changes[0]?.parts.some((part) => part.change === 'added' && part.text.includes('rättade')),
    ).toBe(true);

    // The signed version stays retrievable, byte for byte, and still verifies as what it was:
    // signed by the round that signed it, on its justeringsdatum, superseded by the correction.
    const response = await fetch(`${server.url}${path}/signed-files/${signedPdf.sha256}`, {
      headers: { cookie: admin.sessionCookie ?? '' },
    });
    expect(sha(new Uint8Array(await response.arrayBuffer()))).toBe(signedPdf.sha256);
    const verdict = await new ApiClient(server.url).expect<Verdict>(
      200,
      'GET',
      `/api/verify/${signedPdf.sha256}`,
    );
    expect(verdict.valid).toBe(true);
    expect(verdict.adjustedOn).toBe(signedRound.adjustedOn);
    expect(signersOf(verdict)).toEqual(signersOf(signedRound));
    expect(
      verdict.signatures?.every((signature) =>
        /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(signature.signedAt),
      ),
    ).toBe(true);
    expect(verdict.superseded).toEqual({
      reason: 'Fel belopp i budgetbeslutet',
      correctedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });

    // The corrected minutes say so, with reason and date, in every format.
    const correctedOn = verdict.superseded?.correctedOn ?? '';
    const pdfContent = squash((await pdfText(await download(admin, `${path}/export/pdf`))).text);
    const wordContent = squash(docxText(await download(admin, `${path}/export/docx`)).text);
    const htmlContent = squash(
      new TextDecoder().decode(await download(admin, `${path}/export/html`)),
    );
    const mdContent = squash(new TextDecoder().decode(await download(admin, `${path}/export/md`)));
    for (const [format, content] of [
      ['pdf', pdfContent],
      ['docx', wordContent],
      ['html', htmlContent],
      ['md', mdContent],
    ] as const) {
      expect(content, format).toContain(squash('Rättat protokoll'));
      expect(content, format).toContain(
        squash(`Rättelse ${correctedOn}: Fel belopp i budgetbeslutet`),
      );
    }
  });

  it('verifies an old signed file by the round that signed it after a new round of justering', async () => {
    const admin = meeting.admin;
    const path = `/api/meetings/${meeting.meetingId}`;
    const oldFiles = await admin.expect<Array<{ sha256: string; format: string }>>(
      200,
      'GET',
      `${path}/signed-files`,
    );
    const oldPdf = oldFiles.find((file) => file.format === 'pdf');
    if (!oldPdf) throw new Error('no signed PDF');
    const oldVerdict = await new ApiClient(server.url).expect<Verdict>(
      200,
      'GET',
      `/api/verify/${oldPdf.sha256}`,
    );
    // The second round has one more adjuster, so the rounds' signers differ.
    await admin.expect(200, 'PUT', `${path}/roles/${member.userId}`, { role: 'adjuster' });
    await admin.expect(200, 'POST', lifecycle(), { action: 'lock' });
    for (const person of [chair, adjuster, member])
      await person.api.expect(201, 'POST', `${path}/signatures`);
    const resigned = await admin.expect<LifecycleState>(201, 'POST', `${path}/signatures`);
    expect(resigned.status).toBe('signed');
    expect(signersOf(resigned)).toContain('adjuster Maja Ledamot');

    const newFiles = await admin.expect<Array<{ sha256: string; format: string }>>(
      200,
      'GET',
      `${path}/signed-files`,
    );
    const newPdf = newFiles.find(
      (file) => file.format === 'pdf' && !oldFiles.some((old) => old.sha256 === file.sha256),
    );
    if (!newPdf) throw new Error('the second round issued no PDF');
    const anonymous = new ApiClient(server.url);
    const current = await anonymous.expect<Verdict>(200, 'GET', `/api/verify/${newPdf.sha256}`);
    expect(current.superseded).toBeNull();
    expect(signersOf(current)).toEqual(signersOf(resigned));
    expect(current.adjustedOn).toBe(resigned.adjustedOn);

    const old = await anonymous.expect<Verdict>(200, 'GET', `/api/verify/${oldPdf.sha256}`);
    expect(old).toEqual(oldVerdict);
    expect(signersOf(old)).not.toContain('adjuster Maja Ledamot');
    expect(old.superseded?.reason).toBe('Fel belopp i budgetbeslutet');
    // Back to a single adjuster for the tests that follow.
    await admin.expect(200, 'PUT', `${path}/roles/${member.userId}`, { role: 'member' });
  });

  it("lists the board's decisions and assignments across meetings, searchable, with follow-up", async () => {
    const admin = meeting.admin;
    const board = `/api/boards/${meeting.boardId}`;
    type Decision = { meetingId: string; label: string | null; text: string };
    const found = await admin.expect<Decision[]>(
      200,
      'GET',
      `${board}/decisions?q=${encodeURIComponent('rättade budgeten')}`,
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.meetingId).toBe(meeting.meetingId);
    expect(found[0]?.label).toMatch(/^\d+/);
    expect(await admin.expect<Decision[]>(200, 'GET', `${board}/decisions?q=finns-inte`)).toEqual(
      [],
    );

    // An assignment written into a later meeting's minutes shows up as open until marked done.
    const next = await admin.expect<{ id: string }>(201, 'POST', `${board}/meetings`, {
      title: 'Decembermöte',
      videoLink: 'https://zoom.us/j/123456789',
      kind: 'board',
      date: '2026-12-15',
    });
    const writer = connectClient(server.syncUrl, next.id, 'secretary', meeting.token);
    clients.push(writer);
    await writer.synced;
    expect(writer.doc.getMap('meta').get('videoLink')).toBe('https://zoom.us/j/123456789');
    const firstItem = readItems(writer.doc)[1];
    if (!firstItem) throw new Error('no item');
    setItemBody(writer.doc, firstItem.id, [
      { type: 'assignment', assignee: 'Ordföranden', text: 'kontakta revisorn', dueDate: null },
    ]);
    type Assignment = { meetingId: string; key: string; assignee: string; done: boolean };
    let open: Assignment[] = [];
    for (let attempt = 0; attempt < 50; attempt += 1) {
      open = await admin.expect<Assignment[]>(200, 'GET', `${board}/assignments?status=open`);
      if (open.some((assignment) => assignment.assignee === 'Ordföranden')) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const task = open.find((assignment) => assignment.assignee === 'Ordföranden');
    if (!task) throw new Error('the new assignment is not in the register');
    expect(
      (
        await observer.api.request('PUT', `${board}/assignments/${task.meetingId}/${task.key}`, {
          done: true,
        })
      ).status,
    ).toBe(403);
    await admin.expect(204, 'PUT', `${board}/assignments/${task.meetingId}/${task.key}`, {
      done: true,
    });
    const stillOpen = await admin.expect<Assignment[]>(
      200,
      'GET',
      `${board}/assignments?status=open`,
    );
    expect(stillOpen.some((assignment) => assignment.key === task.key)).toBe(false);
    const done = await admin.expect<Assignment[]>(200, 'GET', `${board}/assignments?status=done`);
    expect(done.map((assignment) => assignment.key)).toContain(task.key);
  });

  it('lists the open assignments of earlier meetings at the next meeting and in its notice', async () => {
    const admin = meeting.admin;
    const board = `/api/boards/${meeting.boardId}`;
    const january = await admin.expect<{ id: string }>(201, 'POST', `${board}/meetings`, {
      title: 'Januarimöte',
      kind: 'board',
      date: '2027-01-20',
    });
    const february = await admin.expect<{ id: string }>(201, 'POST', `${board}/meetings`, {
      title: 'Februarimöte',
      kind: 'board',
      date: '2027-02-17',
    });
    const writer = connectClient(server.syncUrl, january.id, 'secretary', meeting.token);
    clients.push(writer);
    await writer.synced;
    const item = readItems(writer.doc)[2];
    if (!item) throw new Error('no item');
    setItemBody(writer.doc, item.id, [
      {
        type: 'assignment',
        assignee: 'Sekreteraren',
        text: 'boka lokal för årsmötet',
        dueDate: '2027-02-10',
      },
    ]);
    type FollowUp = {
      meetingId: string;
      date: string;
      label: string | null;
      assignee: string;
      text: string;
      done: boolean;
    };
    const followUpOf = (meetingId: string) =>
      admin.expect<FollowUp[]>(200, 'GET', `/api/meetings/${meetingId}/follow-up`);
    let followUp: FollowUp[] = [];
    for (let attempt = 0; attempt < 50; attempt += 1) {
      followUp = await followUpOf(february.id);
      if (followUp.some((assignment) => assignment.assignee === 'Sekreteraren')) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const task = followUp.find((assignment) => assignment.assignee === 'Sekreteraren');
    expect(task).toMatchObject({
      meetingId: january.id,
      date: '2027-01-20',
      label: item.label,
      text: 'boka lokal för årsmötet',
      done: false,
    });
    // December's assignment was marked done in the register, so it is not followed up.
    expect(followUp.some((assignment) => assignment.assignee === 'Ordföranden')).toBe(false);
    // Only earlier meetings: January's own follow-up does not hold its own assignment.
    expect(
      (await followUpOf(january.id)).some((assignment) => assignment.assignee === 'Sekreteraren'),
    ).toBe(false);
    // The notice (kallelse) lists them under "Uppföljning av uppdrag", in every format.
    const line = squash(
      `Sekreteraren – boka lokal för årsmötet (senast 2027-02-10). Från Januarimöte 2027-01-20, § ${item.label}.`,
    );
    const notice = `/api/meetings/${february.id}/export`;
    const contents = {
      pdf: squash((await pdfText(await download(admin, `${notice}/pdf?document=notice`))).text),
      docx: squash(docxText(await download(admin, `${notice}/docx?document=notice`)).text),
      html: squash(
        new TextDecoder().decode(await download(admin, `${notice}/html?document=notice`)),
      ),
      md: squash(new TextDecoder().decode(await download(admin, `${notice}/md?document=notice`))),
    };
    for (const [format, content] of Object.entries(contents)) {
      expect(content, format).toContain(squash('Uppföljning av uppdrag'));
      expect(content, format).toContain(line);
    }
    // The minutes do not: what the meeting did with them is written into its own §.
    const minutes = squash((await pdfText(await download(admin, `${notice}/pdf`))).text);
    expect(minutes).not.toContain(squash('Uppföljning av uppdrag'));
  });
});
