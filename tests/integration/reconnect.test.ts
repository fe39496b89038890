import { describe, expect, it } from 'vitest';
import { controlReconnects } from '../../client/src/sync/reconnect.ts';
import { createTestMeeting } from '../helpers/apiClient.ts';
import { useProcessFixtures } from '../helpers/processFixtures.ts';
import { startServerProcess } from '../helpers/serverProcess.ts';
import { connectClient, seedMeeting, waitFor } from '../helpers/syncClient.ts';

describe('reconnecting with jittered back-off', () => {
  const { dataDir, processes, clients } = useProcessFixtures();

  it('reconnects after a server restart, every attempt on our jittered schedule', async () => {
    const dir = dataDir();
    const server = await startServerProcess({ dataDir: dir });
    processes.push(server);
    const { meetingId, token } = await createTestMeeting(server.url);
    await seedMeeting(server.syncUrl, meetingId, token);
    const writer = connectClient(server.syncUrl, meetingId, 'writer', token);
    clients.push(writer);
    const draws: number[] = [];
    const control = controlReconnects(writer.provider, { baseMs: 200, capMs: 1_000 }, () => {
      const draw = Math.random();
      draws.push(draw);
      return draw;
    });
    await writer.synced;
    let attempts = 0;
    writer.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connecting') attempts += 1;
    });

    await server.kill();
    // Down for a while: several attempts fail, each one scheduled by us, none by y-websocket.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    writer.text.insert(0, 'under avbrottet. ');
    const restarted = await startServerProcess({ dataDir: dir, port: server.port });
    processes.push(restarted);
    await waitFor(() => writer.provider.synced, 'never reconnected after the restart', 15_000);

    expect(draws.length).toBeGreaterThanOrEqual(3);
    expect(attempts).toBe(draws.length);
    control.cancel();

    const reader = connectClient(restarted.syncUrl, meetingId, 'reader', token);
    clients.push(reader);
    await reader.synced;
    await waitFor(
      () => reader.text.toString().includes('under avbrottet.'),
      'the edit made during the outage never reached the server',
    );
  }, 60_000);

  it('leaves a permanent refusal and a wanted disconnect alone', async () => {
    const server = await startServerProcess({ dataDir: dataDir() });
    processes.push(server);
    const { meetingId, token } = await createTestMeeting(server.url);
    const client = connectClient(server.syncUrl, meetingId, 'client', token);
    clients.push(client);
    let draws = 0;
    const control = controlReconnects(client.provider, { baseMs: 50, capMs: 100 }, () => {
      draws += 1;
      return 0.5;
    });
    await client.synced;
    client.provider.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(client.provider.wsconnected || client.provider.wsconnecting).toBe(false);
    expect(draws).toBe(0);

    // A text frame is refused with 4415: y-websocket stops retrying, and so do we.
    client.provider.connect();
    await waitFor(() => client.provider.wsconnected, 'did not connect again');
    const closed = new Promise<number>((resolve) =>
      client.provider.once('closed', ({ code }: { code: number }) => resolve(code)),
    );
    client.provider.ws?.send('text');
    expect(await closed).toBe(4415);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(client.provider.wsconnected || client.provider.wsconnecting).toBe(false);
    expect(draws).toBe(0);
    control.cancel();
  });
});
