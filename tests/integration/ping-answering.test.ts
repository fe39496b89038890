/**
 * The sync endpoint answers WebSocket pings itself (ws's automatic answering is off, see
 * SyncWebSocket.answerPing): pongs must carry the ping's data, and a peer that keeps pinging
 * without reading what it is sent must be cut off instead of growing the server's queue.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { ApiClient, createTestMeeting } from '../helpers/apiClient.ts';
import { connectClient, waitFor } from '../helpers/syncClient.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { closeOf, openSocket } from '../helpers/wire.ts';

describe('WebSocket pings', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.destroy();
  });

  async function openRoomSocket(): Promise<{
    socket: WebSocket;
    meetingId: string;
    token: string;
  }> {
    server = await startTestServer();
    const { meetingId, token } = await createTestMeeting(server.url);
    const socket = await openSocket(`${server.syncUrl}/${meetingId}?token=${token}`);
    return { socket, meetingId, token };
  }

  it('answers each ping with a pong that carries its data', async () => {
    const { socket } = await openRoomSocket();
    const answers: string[] = [];
    socket.on('pong', (data: Buffer) => answers.push(data.toString()));
    for (const payload of ['ett', 'två', 'tre']) socket.ping(Buffer.from(payload));
    await waitFor(() => answers.length === 3, 'pongs did not arrive');
    expect(answers).toEqual(['ett', 'två', 'tre']);
    socket.close();
  });

  it('cuts off a peer that keeps pinging without reading, and the room stays usable', async () => {
    const { socket, meetingId, token } = await openRoomSocket();
    const closed = closeOf(socket);
    const raw = (socket as unknown as { _socket: import('node:net').Socket })._socket;
    // Stop reading: the server's pongs fill the kernel's buffers, then queue in the server.
    raw.pause();
    const ping = Buffer.alloc(125, 1);
    for (let sent = 0; sent < 200_000 && !raw.destroyed; sent += 1) {
      socket.ping(ping);
      if (sent % 2000 === 1999) await new Promise((resolve) => setImmediate(resolve));
    }
    const api = new ApiClient(server.url);
    let metrics = '';
    for (let attempt = 0; attempt < 500; attempt += 1) {
      metrics = String((await api.request('GET', '/metrics')).body);
      if (/justera_refused_messages_total\{reason="slow_consumer"\} [1-9]/.test(metrics)) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(metrics).toMatch(/justera_refused_messages_total\{reason="slow_consumer"\} [1-9]/);
    raw.resume();
    expect((await closed).code).toBe(1006);

    const honest = connectClient(server.syncUrl, meetingId, 'honest', token);
    await honest.synced;
    honest.destroy();
  });
});
