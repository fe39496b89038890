import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { addItem, readItems } from '../../shared/doc/index.ts';
import { CloseCode } from '../../shared/protocol/index.ts';
import { createTestMeeting } from '../helpers/apiClient.ts';
import { useProcessFixtures } from '../helpers/processFixtures.ts';
import { makeDataDir, removeDataDir, startServerProcess } from '../helpers/serverProcess.ts';
import { connectClient, waitFor } from '../helpers/syncClient.ts';

describe('the server process', () => {
  const { dirs, processes, clients, startWithWriter, readAfterRestart } = useProcessFixtures();

  it('loses nothing that was broadcast when it is SIGKILLed mid-edit', async () => {
    const dataDir = makeDataDir();
    dirs.push(dataDir);
    const first = await startServerProcess({ dataDir, env: { SQLITE_SYNCHRONOUS: 'full' } });
    processes.push(first);
    const { meetingId, token } = await createTestMeeting(first.url);
    const writers = [0, 1, 2].map((i) => connectClient(first.syncUrl, meetingId, `w${i}`, token));
    clients.push(...writers);
    await Promise.all(writers.map((writer) => writer.synced));

    // Every writer appends numbered entries as fast as a busy meeting would, concurrently.
    let counter = 0;
    const timers = writers.map((writer, i) =>
      setInterval(() => {
        counter += 1;
        addItem(writer.doc, { title: `w${i}-${counter}` });
      }, 3),
    );
    const titles = (doc: Y.Doc) => readItems(doc).map((item) => item.title);
    const seenFromPeers = (i: number) =>
      titles(writers[i]?.doc ?? new Y.Doc()).filter((title) => !title.startsWith(`w${i}-`));
    await waitFor(() => seenFromPeers(0).length >= 100, 'writers never saw each other');

    // Record what each client has received from a peer, then kill at once.
    const received = new Set(writers.flatMap((_, i) => seenFromPeers(i)));
    await first.kill();
    for (const timer of timers) clearInterval(timer);
    // Destroy the clients so they cannot resend their state to the restarted server.
    for (const writer of clients.splice(0)) writer.destroy();

    const second = await startServerProcess({ dataDir });
    processes.push(second);
    const fresh = connectClient(second.syncUrl, meetingId, 'fresh', token);
    clients.push(fresh);
    await fresh.synced;
    const recovered = new Set(titles(fresh.doc));
    const missing = [...received].filter((entry) => !recovered.has(entry));
    expect(received.size).toBeGreaterThanOrEqual(100);
    expect(missing).toEqual([]);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'shuts down gracefully on %s: clients get 1001 and every edit is kept',
    async (signal) => {
      const { dataDir, server, meetingId, token, writer: client } = await startWithWriter();
      await client.synced;
      const closeCodes: number[] = [];
      client.provider.on('connection-close', (event: CloseEvent | null) => {
        if (event) closeCodes.push(event.code);
      });
      client.text.insert(0, 'sista ändringen');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await server.stop(signal)).toBe(0);
      await waitFor(() => closeCodes.length > 0, 'client saw no close');
      expect(closeCodes[0]).toBe(CloseCode.goingAway);
      expect(server.output()).toContain('"msg":"stopped"');
      client.destroy();
      clients.pop();

      const reader = await readAfterRestart(dataDir, meetingId, token);
      expect(reader.text.toString()).toBe('sista ändringen');
    },
  );

  it('drops a client that stops answering pings within the heartbeat interval', async () => {
    const dataDir = makeDataDir();
    dirs.push(dataDir);
    const server = await startServerProcess({ dataDir, env: { HEARTBEAT_INTERVAL_MS: '100' } });
    processes.push(server);
    const { meetingId, token } = await createTestMeeting(server.url);
    const room = `${server.syncUrl}/${meetingId}?token=${token}`;
    const silent = new WebSocket(room, { autoPong: false });
    const healthy = new WebSocket(room);
    const openedAt = Date.now();
    const silentClosed = new Promise<number>((resolve) => silent.once('close', resolve));
    let healthyClosed = false;
    healthy.once('close', () => {
      healthyClosed = true;
    });
    await silentClosed;
    // Terminated after missing one ping: at most two intervals plus scheduling slack.
    expect(Date.now() - openedAt).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(healthyClosed).toBe(false);
    healthy.close();
  });
});

describe('start-up configuration', () => {
  const run = async (env: Record<string, string>) => {
    const dataDir = makeDataDir();
    try {
      await startServerProcess({ dataDir, env });
      throw new Error('server started with a bad configuration');
    } catch (error) {
      return (error as Error).message;
    } finally {
      removeDataDir(dataDir);
    }
  };

  it('exits non-zero with a readable message for an invalid PORT', async () => {
    const message = await run({ PORT: 'eighty' });
    expect(message).toMatch(/exited with 1/);
    expect(message).toContain('PORT="eighty": must be a whole number');
    expect(await run({ PORT: '70000' })).toMatch(/PORT="70000"/);
  });

  it('exits non-zero with a readable message for an unwritable DATA_DIR', async () => {
    const parent = makeDataDir();
    const file = join(parent, 'not-a-directory');
    writeFileSync(file, 'x');
    try {
      const message = await run({ DATA_DIR: join(file, 'data') });
      expect(message).toMatch(/exited with 1/);
      expect(message).toMatch(/DATA_DIR ".*not-a-directory\/data" is not a writable directory/);
    } finally {
      removeDataDir(parent);
    }
  });
});
