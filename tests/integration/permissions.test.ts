import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { apiRoutes } from '../../shared/api/routes.ts';
import { addItem, itemTitle } from '../../shared/doc/index.ts';
import { CloseCode, MessageType } from '../../shared/protocol/index.ts';
import {
  ApiClient,
  adminCredentials,
  createTestMeeting,
  type TestMeeting,
} from '../helpers/apiClient.ts';
import { invitePerson, inviteToMeeting, type Person } from '../helpers/people.ts';
import {
  connectClient,
  notesText,
  type SyncClient,
  seedMeeting,
  waitFor,
} from '../helpers/syncClient.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { openSocket, syncUpdateFrame, upgradeStatus } from '../helpers/wire.ts';

describe('who may see and edit a meeting', () => {
  let server: TestServer;
  let meeting: TestMeeting;
  let member: Person;
  let outsider: Person;
  let otherBoardId: string;
  const logLines: string[] = [];
  const clients: SyncClient[] = [];

  beforeAll(async () => {
    server = await startTestServer({ ACTIVITY_FLUSH_MS: '50' }, undefined, (line) =>
      logLines.push(line),
    );
    meeting = await createTestMeeting(server.url);
    await seedMeeting(server.syncUrl, meeting.meetingId, meeting.token);
    member = await invitePerson(
      server.url,
      meeting.admin,
      meeting.boardId,
      'member',
      'Maja Medlem',
    );
    // The outsider belongs to another board only.
    const other = await meeting.admin.expect<{ id: string }>(201, 'POST', '/api/boards', {
      name: 'Annan styrelse',
    });
    otherBoardId = other.id;
    outsider = await invitePerson(server.url, meeting.admin, otherBoardId, 'admin', 'Olle Utanför');
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.destroy();
  });

  /** The route table's paths with real ids of board A and its meeting. */
  function concretePath(path: string): string {
    return path
      .replace(':boardId', meeting.boardId)
      .replace(':meetingId', meeting.meetingId)
      .replace(':userId', member.userId)
      .replace(':token', 'no-such-invitation');
  }

  it('answers 401 to anonymous requests on every route that is not public', async () => {
    const anonymous = new ApiClient(server.url);
    const guarded = apiRoutes.filter((route) => route.scope !== 'public');
    expect(guarded.length).toBeGreaterThan(10);
    for (const route of guarded) {
      const { status } = await anonymous.request(
        route.method.toUpperCase(),
        concretePath(route.path),
        route.method === 'get' ? undefined : {},
      );
      expect({ route: `${route.method} ${route.path}`, status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
      });
    }
  });

  it('answers 403 to signed-in non-members on every board and meeting route', async () => {
    const scoped = apiRoutes.filter(
      (route) => route.scope === 'board' || route.scope === 'meeting',
    );
    expect(scoped.length).toBeGreaterThan(5);
    for (const route of scoped) {
      const { status } = await outsider.api.request(
        route.method.toUpperCase(),
        concretePath(route.path),
        route.method === 'get' ? undefined : {},
      );
      expect({ route: `${route.method} ${route.path}`, status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 403,
      });
    }
  });

  it('keeps a title and an organisation per member in the directory, set by board admins only', async () => {
    const memberPath = `/api/boards/${meeting.boardId}/members/${member.userId}`;
    await meeting.admin.expect(204, 'PATCH', memberPath, {
      title: 'Ersättare',
      organisation: ' Region Testbygden ',
    });
    const board = await member.api.expect<{
      members: Array<{ userId: string; title: string; organisation: string }>;
    }>(200, 'GET', `/api/boards/${meeting.boardId}`);
    expect(board.members.find((entry) => entry.userId === member.userId)).toMatchObject({
      title: 'Ersättare',
      organisation: 'Region Testbygden',
    });
    const refused = await member.api.request('PATCH', memberPath, { organisation: 'Annat' });
    expect(refused.status).toBe(403);
  });

  it('answers 403 to signed-in users who are not instance admins on every admin route', async () => {
    const adminOnly = apiRoutes.filter((route) => route.scope === 'admin');
    expect(adminOnly.length).toBeGreaterThan(0);
    for (const person of [member, outsider]) {
      for (const route of adminOnly) {
        const { status } = await person.api.request(
          route.method.toUpperCase(),
          concretePath(route.path),
          route.method === 'get' ? undefined : { openSignup: true },
        );
        expect({ route: `${route.method} ${route.path}`, status }).toEqual({
          route: `${route.method} ${route.path}`,
          status: 403,
        });
      }
    }
  });

  it('refuses a socket without valid credentials, and a member of another board, before the upgrade', async () => {
    const room = `${server.syncUrl}/${meeting.meetingId}`;
    expect(await upgradeStatus(room)).toBe(401);
    expect(await upgradeStatus(`${room}?token=forged`)).toBe(401);
    expect(await upgradeStatus(`${room}?token=${outsider.token}`)).toBe(403);
    expect(await upgradeStatus(`${server.syncUrl}/unknownMeeting?token=${member.token}`)).toBe(404);
    expect(await upgradeStatus(`${room}?token=${member.token}`)).toBe(101);
  });

  it("never stores or forwards a reader's updates, while the reader still receives edits live", async () => {
    const secretary = connectClient(server.syncUrl, meeting.meetingId, 'secretary', meeting.token);
    const reader = connectClient(server.syncUrl, meeting.meetingId, 'member', member.token);
    clients.push(secretary, reader);
    await Promise.all([secretary.synced, reader.synced]);
    reader.text.insert(0, 'members may not write this');
    secretary.text.insert(0, 'Protokollet förs av sekreteraren. ');
    await waitFor(
      () => reader.text.toString().includes('förs av sekreteraren'),
      'reader did not receive the edit',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(secretary.text.toString()).not.toContain('may not write');
    await server.server.rooms.peek(meeting.meetingId)?.settle();
    const stored = await server.storage.loadDocument(meeting.meetingId);
    const replay = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(replay, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(replay, update);
    expect(notesText(replay).toString()).not.toContain('may not write');
    expect(notesText(replay).toString()).toContain('förs av sekreteraren');
  });

  it('lets an adjuster correct text but not change the agenda', async () => {
    const adjuster = await inviteToMeeting(server.url, meeting, 'adjuster', 'Anita Justerare');
    const client = connectClient(server.syncUrl, meeting.meetingId, 'adjuster', adjuster.token);
    const watcher = connectClient(server.syncUrl, meeting.meetingId, 'watcher', meeting.token);
    clients.push(client, watcher);
    await Promise.all([client.synced, watcher.synced]);
    itemTitle(client.doc, 'notes').insert(0, 'Justerat: ');
    await waitFor(
      () => itemTitle(watcher.doc, 'notes').toString().startsWith('Justerat: '),
      'correction did not arrive',
    );
    const closes: number[] = [];
    client.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event) closes.push(event.code);
    });
    addItem(client.doc, { title: 'Nytt ärende från justeraren' });
    await waitFor(() => closes.length > 0, 'adding an item was not refused');
    expect(closes[0]).toBe(CloseCode.invalidUpdate);
    expect(JSON.stringify(watcher.doc.toJSON())).not.toContain('från justeraren');
  });

  it("applies a demotion to the open socket at once: the demoted secretary's next update is refused", async () => {
    const secretary = await inviteToMeeting(server.url, meeting, 'secretary', 'Sven Sekreterare');
    const client = connectClient(server.syncUrl, meeting.meetingId, 'sven', secretary.token);
    const watcher = connectClient(server.syncUrl, meeting.meetingId, 'watcher', meeting.token);
    clients.push(client, watcher);
    await Promise.all([client.synced, watcher.synced]);
    client.text.insert(0, 'före degraderingen. ');
    await waitFor(
      () => watcher.text.toString().includes('före degraderingen'),
      'edit before demotion lost',
    );
    const closes: number[] = [];
    client.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event) closes.push(event.code);
    });
    await meeting.admin.expect(
      200,
      'PUT',
      `/api/meetings/${meeting.meetingId}/roles/${secretary.userId}`,
      { role: 'observer' },
    );
    await waitFor(
      () => closes.includes(CloseCode.roleChanged),
      'the client was not told its role changed',
    );
    await waitFor(() => client.provider.wsconnected, 'the client did not reconnect');
    client.text.insert(0, 'efter degraderingen. ');
    watcher.text.insert(0, 'kontroll. ');
    await waitFor(
      () => client.text.toString().includes('kontroll'),
      'the demoted client stopped receiving',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(watcher.text.toString()).not.toContain('efter degraderingen');
    await server.server.rooms.peek(meeting.meetingId)?.settle();
    const stored = await server.storage.loadDocument(meeting.meetingId);
    const replay = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(replay, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(replay, update);
    expect(notesText(replay).toString()).not.toContain('efter degraderingen');
  });

  it('lets the secretary assign meeting roles, and refuses a member with 403', async () => {
    const secretary = await invitePerson(
      server.url,
      meeting.admin,
      meeting.boardId,
      'member',
      'Siv Sekreterare',
    );
    const colleague = await invitePerson(
      server.url,
      meeting.admin,
      meeting.boardId,
      'member',
      'Kalle Kollega',
    );
    const roles = `/api/meetings/${meeting.meetingId}/roles`;
    // Before the admin makes her secretary, she is a plain member and may not assign.
    expect(
      (await secretary.api.request('PUT', `${roles}/${colleague.userId}`, { role: 'adjuster' }))
        .status,
    ).toBe(403);
    await meeting.admin.expect(200, 'PUT', `${roles}/${secretary.userId}`, { role: 'secretary' });
    expect(
      await secretary.api.expect(200, 'PUT', `${roles}/${colleague.userId}`, { role: 'adjuster' }),
    ).toEqual({ userId: colleague.userId, name: 'Kalle Kollega', role: 'adjuster' });
    const refused = await member.api.request('PUT', `${roles}/${colleague.userId}`, {
      role: 'chair',
    });
    expect(refused.status).toBe(403);
    expect((refused.body as { error: { code: string } }).error.code).toBe('forbidden');
    // A member may not promote themself either.
    expect(
      (await member.api.request('PUT', `${roles}/${member.userId}`, { role: 'secretary' })).status,
    ).toBe(403);
    const detail = await colleague.api.expect<{
      myRole: string;
      roles: Array<{ userId: string; role: string }>;
    }>(200, 'GET', `/api/meetings/${meeting.meetingId}`);
    expect(detail.myRole).toBe('adjuster');
    expect(detail.roles).not.toContainEqual(
      expect.objectContaining({ userId: colleague.userId, role: 'chair' }),
    );
    expect(detail.roles).not.toContainEqual(
      expect.objectContaining({ userId: member.userId, role: 'secretary' }),
    );
  });

  it("drops an observer's updates: neither stored nor forwarded, while the observer receives edits live", async () => {
    const observer = await inviteToMeeting(server.url, meeting, 'observer', 'Oskar Observatör');
    const watcher = connectClient(server.syncUrl, meeting.meetingId, 'secretary', meeting.token);
    const client = connectClient(server.syncUrl, meeting.meetingId, 'oskar', observer.token);
    clients.push(watcher, client);
    await Promise.all([watcher.synced, client.synced]);
    client.text.insert(0, 'observatören skriver detta. ');
    itemTitle(client.doc, 'notes').insert(0, 'Observerat: ');
    watcher.text.insert(0, 'Sekreteraren skriver. ');
    await waitFor(
      () => client.text.toString().includes('Sekreteraren skriver'),
      'the observer did not receive the edit',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(watcher.text.toString()).not.toContain('observatören');
    expect(itemTitle(watcher.doc, 'notes').toString()).not.toContain('Observerat');
    await server.server.rooms.peek(meeting.meetingId)?.settle();
    const stored = await server.storage.loadDocument(meeting.meetingId);
    const replay = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(replay, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(replay, update);
    expect(JSON.stringify(replay.toJSON())).not.toMatch(/observatören|Observerat/);
    expect(notesText(replay).toString()).toContain('Sekreteraren skriver');
    const authors = server.storage.database
      .prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE meeting_id = ? AND author_id = ?')
      .get(meeting.meetingId, observer.userId) as { n: number };
    expect(authors.n).toBe(0);
  });

  it('tells a read-only client with the protocol permission message that its update was not stored', async () => {
    const socket = await openSocket(`${server.syncUrl}/${meeting.meetingId}?token=${member.token}`);
    const frames: Uint8Array[] = [];
    socket.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
    try {
      // A real edit of the meeting, built on the stored state as a client would.
      const doc = new Y.Doc();
      const stored = await server.storage.loadDocument(meeting.meetingId);
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
      const before = Y.encodeStateVector(doc);
      notesText(doc).insert(0, 'läsaren försöker. ');
      socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(doc, before)));
      await waitFor(
        () => frames.some((frame) => frame[0] === MessageType.auth),
        'no permission message arrived',
      );
      const message = frames.find((frame) => frame[0] === MessageType.auth) as Uint8Array;
      const decoder = decoding.createDecoder(message);
      expect(decoding.readVarUint(decoder)).toBe(MessageType.auth);
      // y-protocols/auth: 0 is "permission denied", followed by the reason.
      expect(decoding.readVarUint(decoder)).toBe(0);
      expect(decoding.readVarString(decoder)).toContain('read-only');
      // The socket stays open: a reader keeps following the meeting.
      expect(socket.readyState).toBe(socket.OPEN);
    } finally {
      socket.close();
    }
  });

  it('uses an invitation once only', async () => {
    const invitation = await meeting.admin.expect<{ token: string }>(
      201,
      'POST',
      `/api/boards/${meeting.boardId}/invitations`,
      { role: 'member' },
    );
    const first = new ApiClient(server.url);
    await first.expect(200, 'POST', `/api/invitations/${invitation.token}/accept`, {
      email: 'forst@example.se',
      password: 'ett långt lösenord',
      name: 'Först',
    });
    const second = new ApiClient(server.url);
    const again = await second.request('POST', `/api/invitations/${invitation.token}/accept`, {
      email: 'sen@example.se',
      password: 'ett långt lösenord',
      name: 'Sen',
    });
    expect(again.status).toBe(410);
    expect((again.body as { error: { code: string } }).error.code).toBe('invitation_used');
    // The refused attempt created no account.
    expect(
      (
        await second.request('POST', '/api/auth/login', {
          email: 'sen@example.se',
          password: 'ett långt lösenord',
        })
      ).status,
    ).toBe(401);
  });

  it('slows down 20 wrong passwords for one account without locking out another', async () => {
    const attacker = new ApiClient(server.url);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const { status } = await attacker.request('POST', '/api/auth/login', {
        email: member.email,
        password: `gissning ${attempt}`,
      });
      statuses.push(status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(10);
    // Even the right password waits now, for this account only.
    expect(
      (
        await new ApiClient(server.url).request('POST', '/api/auth/login', {
          email: member.email,
          password: member.password,
        })
      ).status,
    ).toBe(429);
    const admin = new ApiClient(server.url);
    await admin.expect(200, 'POST', '/api/auth/login', {
      email: adminCredentials.email,
      password: adminCredentials.password,
    });
  });

  it('never writes a password or a token to the logs or an API response', async () => {
    const api = new ApiClient(server.url);
    const me = await api.request('POST', '/api/auth/login', {
      email: adminCredentials.email,
      password: adminCredentials.password,
    });
    expect(JSON.stringify(me.body)).not.toContain(adminCredentials.password);
    expect(JSON.stringify(me.body)).not.toMatch(/scrypt|passwordHash|password_hash/);
    const board = await meeting.admin.request('GET', `/api/boards/${meeting.boardId}`);
    expect(JSON.stringify(board.body)).not.toMatch(/scrypt|passwordHash/);
    const logs = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(10);
    for (const secret of [
      adminCredentials.password,
      member.password,
      outsider.password,
      member.token,
      meeting.token,
    ]) {
      expect(logs).not.toContain(secret);
    }
    expect(logs).not.toContain('scrypt$');
  });

  it('attributes every change to its author in the activity view', async () => {
    const writer = connectClient(server.syncUrl, meeting.meetingId, 'secretary', meeting.token);
    clients.push(writer);
    await writer.synced;
    itemTitle(writer.doc, 'notes').insert(0, 'Granskat ');
    type Entry = { userName: string | null; itemIds: string[] };
    let entries: Entry[] = [];
    // The activity log is written in batches (every 50 ms here): poll the API until it shows.
    for (let attempt = 0; attempt < 50; attempt += 1) {
      entries = await meeting.admin.expect<Entry[]>(
        200,
        'GET',
        `/api/meetings/${meeting.meetingId}/activity`,
      );
      if (
        entries.some(
          (entry) => entry.itemIds.includes('notes') && entry.userName === adminCredentials.name,
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(
      entries.some(
        (entry) => entry.itemIds.includes('notes') && entry.userName === adminCredentials.name,
      ),
    ).toBe(true);
    // Every stored update carries its author.
    const authors = server.storage.database
      .prepare('SELECT DISTINCT author_id AS author FROM doc_updates WHERE meeting_id = ?')
      .all(meeting.meetingId) as Array<{ author: string | null }>;
    expect(authors.every((row) => row.author !== null)).toBe(true);
  });

  it('shows an invitation before it is accepted, lists and withdraws invitations, and tells who is signed in', async () => {
    const anonymous = new ApiClient(server.url);
    expect(await anonymous.expect(200, 'GET', '/api/auth/session')).toEqual({
      user: null,
      signupOpen: false,
      firstAccount: false,
    });
    const session = await meeting.admin.expect<{ user: { name: string } | null }>(
      200,
      'GET',
      '/api/auth/session',
    );
    expect(session.user?.name).toBe(adminCredentials.name);

    const board = `/api/boards/${meeting.boardId}`;
    const invitation = await meeting.admin.expect<{ token: string }>(
      201,
      'POST',
      `${board}/invitations`,
      { role: 'guest', email: 'gast@example.se' },
    );
    expect(
      await anonymous.expect(200, 'GET', `/api/invitations/${invitation.token}`),
    ).toMatchObject({
      role: 'guest',
      forEmail: true,
      state: 'open',
    });
    type Summary = { id: string; email: string | null; usedAt: string | null };
    const listed = await meeting.admin.expect<Summary[]>(200, 'GET', `${board}/invitations`);
    const entry = listed.find((item) => item.email === 'gast@example.se');
    if (!entry) throw new Error('the invitation is not listed');
    expect(JSON.stringify(listed)).not.toContain(invitation.token);
    expect((await member.api.request('GET', `${board}/invitations`)).status).toBe(403);
    await meeting.admin.expect(204, 'DELETE', `${board}/invitations/${entry.id}`);
    expect((await anonymous.request('GET', `/api/invitations/${invitation.token}`)).status).toBe(
      404,
    );
    const accept = await anonymous.request('POST', `/api/invitations/${invitation.token}/accept`, {
      email: 'gast@example.se',
      password: 'ett långt lösenord',
      name: 'Gäst',
    });
    expect(accept.status).toBe(404);
  });
});
