import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { itemProposal } from '../../shared/doc/index.ts';
import { CloseCode } from '../../shared/protocol/index.ts';
import { ApiClient, createTestMeeting, type TestMeeting } from '../helpers/apiClient.ts';
import { connectClient, type SyncClient, seedMeeting, waitFor } from '../helpers/syncClient.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import {
  announceFrame,
  closeOf,
  openSocket,
  syncUpdateFrame,
  upgradeRefusal,
  upgradeStatus,
} from '../helpers/wire.ts';

describe('limits are enforced and answered as documented', () => {
  let server: TestServer;
  const clients: SyncClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.destroy();
  });

  /** A meeting with an honest client in it, and a copy of its state to build raw updates on. */
  async function meetingWithHonestClient(env: Record<string, string>) {
    server = await startTestServer(env);
    const meeting = await createTestMeeting(server.url);
    await seedMeeting(server.syncUrl, meeting.meetingId, meeting.token);
    const honest = connectClient(server.syncUrl, meeting.meetingId, 'honest', meeting.token);
    clients.push(honest);
    await honest.synced;
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(honest.doc));
    return { meeting, honest, copy };
  }

  /** The room still syncs between honest clients. */
  async function expectRoomHealthy(meeting: TestMeeting, honest: SyncClient, marker: string) {
    const other = connectClient(server.syncUrl, meeting.meetingId, 'other', meeting.token);
    clients.push(other);
    await other.synced;
    honest.text.insert(honest.text.length, marker);
    await waitFor(() => other.text.toString().includes(marker), 'room stopped syncing');
  }

  /** Polls /metrics (open to loopback) until the server counts `count` open sockets. */
  async function waitForOpenConnections(count: number) {
    const api = new ApiClient(server.url);
    let body = '';
    for (let attempt = 0; attempt < 200; attempt += 1) {
      body = String((await api.request('GET', '/metrics')).body);
      if (new RegExp(`justera_connections ${count}\\b`).test(body)) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`never ${count} open connections:\n${body}`);
  }

  it('closes a connection that sends updates faster than its rate with 4529 (the client retries)', async () => {
    const { meeting, honest, copy } = await meetingWithHonestClient({
      MAX_UPDATES_PER_SECOND: '5',
      UPDATE_BURST: '10',
    });
    const socket = await openSocket(
      `${server.syncUrl}/${meeting.meetingId}?token=${meeting.token}`,
    );
    const closed = closeOf(socket);
    copy.on('update', (update: Uint8Array) => socket.send(syncUpdateFrame(update)));
    for (let i = 0; i < 40; i += 1) itemProposal(copy, 'notes').insert(0, 'x');
    const { code, reason } = await closed;
    expect(code).toBe(CloseCode.rateLimited);
    expect(reason).toMatch(/too many updates/);
    await expectRoomHealthy(meeting, honest, 'efter flod. ');
  });

  it('refuses an update that would take the document over its size limit with 4413', async () => {
    const { meeting, honest, copy } = await meetingWithHonestClient({
      MAX_DOCUMENT_BYTES: String(96 * 1024),
    });
    const socket = await openSocket(
      `${server.syncUrl}/${meeting.meetingId}?token=${meeting.token}`,
    );
    const closed = closeOf(socket);
    copy.on('update', (update: Uint8Array) => socket.send(syncUpdateFrame(update)));
    itemProposal(copy, 'notes').insert(0, 'a'.repeat(60 * 1024));
    itemProposal(copy, 'notes').insert(0, 'b'.repeat(60 * 1024));
    const { code, reason } = await closed;
    expect(code).toBe(CloseCode.messageTooLarge);
    expect(reason).toMatch(/would exceed its limit of 98304 bytes/);
    await waitFor(
      () => honest.text.toString().includes('aaaa'),
      'the first update should have been accepted',
    );
    expect(honest.text.toString()).not.toContain('bbbb');
    await expectRoomHealthy(meeting, honest, 'efter storleksgränsen. ');
  });

  it('closes frames of any size above MAX_MESSAGE_BYTES with 4413, not ws 1009, before buffering them', async () => {
    const { meeting, honest } = await meetingWithHonestClient({
      MAX_MESSAGE_BYTES: String(16 * 1024),
    });
    const room = `${server.syncUrl}/${meeting.meetingId}?token=${meeting.token}`;
    // Far above the limit (the transport used to accept up to 4× and answer 1009 beyond that).
    const big = await openSocket(room);
    const bigClosed = closeOf(big);
    big.send(syncUpdateFrame(new Uint8Array(10 * 16 * 1024)));
    expect(await bigClosed).toEqual({
      code: CloseCode.messageTooLarge,
      reason: 'message exceeds the limit of 16384 bytes',
    });
    // Headers announcing 1 TiB and 2^63 bytes: refused as soon as the header arrives.
    for (const length of [2n ** 40n, 2n ** 63n]) {
      const socket = await openSocket(room);
      const closed = closeOf(socket);
      announceFrame(socket, length);
      expect((await closed).code).toBe(CloseCode.messageTooLarge);
    }
    await expectRoomHealthy(meeting, honest, 'efter jätteramar. ');
  });

  it('answers 503 to a socket beyond the connection limit, and to a meeting beyond the room limit', async () => {
    server = await startTestServer({ MAX_CONNECTIONS: '2', MAX_ROOMS: '1' });
    const first = await createTestMeeting(server.url, 'Första');
    const second = await createTestMeeting(server.url, 'Andra');
    const url = (meeting: TestMeeting) =>
      `${server.syncUrl}/${meeting.meetingId}?token=${meeting.token}`;
    await seedMeeting(server.syncUrl, first.meetingId, first.token);
    // y-websocket retries a refused upgrade, so this gets in once the seeding clients have left.
    const a = connectClient(server.syncUrl, first.meetingId, 'a', first.token);
    clients.push(a);
    await a.synced;
    await waitForOpenConnections(1);
    expect(await upgradeRefusal(url(second))).toEqual({
      status: 503,
      retryAfter: '5',
      body: {
        error: {
          code: 'too_many_rooms',
          message: 'The server has reached its limit of 1 open meetings. Try again in a moment.',
        },
      },
    });
    const b = connectClient(server.syncUrl, first.meetingId, 'b', first.token);
    clients.push(b);
    await b.synced;
    expect(await upgradeRefusal(url(first))).toEqual({
      status: 503,
      retryAfter: '5',
      body: {
        error: {
          code: 'too_many_connections',
          message: 'The server has reached its limit of 2 open connections. Try again in a moment.',
        },
      },
    });
    // The meeting that is open keeps syncing between the two accepted connections.
    a.text.insert(0, 'trots gränserna. ');
    await waitFor(() => b.text.toString().includes('trots gränserna.'), 'room stopped syncing');
    // The limits are transient: once a connection goes, the next one is accepted.
    b.destroy();
    let status = 0;
    for (let attempt = 0; attempt < 100 && status !== 101; attempt += 1) {
      status = await upgradeStatus(url(first));
      if (status !== 101) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(status).toBe(101);
  });

  it('counts connections, rooms, updates and refusals in /metrics, readable only by the operator', async () => {
    const { meeting, honest } = await meetingWithHonestClient({
      METRICS_TOKEN: 'metrics-token-0123456789',
    });
    honest.text.insert(0, 'räknas. ');
    const text = await openSocket(`${server.syncUrl}/${meeting.meetingId}?token=${meeting.token}`);
    const closed = closeOf(text);
    text.send('not binary');
    await closed;
    const anonymous = new ApiClient(server.url);
    expect((await anonymous.request('GET', '/metrics')).status).toBe(403);
    let body = '';
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const response = await anonymous.request('GET', '/metrics', undefined, {
        authorization: 'Bearer metrics-token-0123456789',
      });
      expect(response.status).toBe(200);
      body = String(response.body);
      if (/justera_updates_total [1-9]/.test(body)) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(body).toMatch(/justera_connections 1\b/);
    expect(body).toMatch(/justera_rooms 1\b/);
    expect(body).toMatch(/justera_updates_total [1-9]/);
    expect(body).toMatch(/justera_refused_messages_total\{reason="text_frame"\} 1\b/);
    expect(body).toMatch(/justera_storage_append_seconds_count [1-9]/);
  });
});
