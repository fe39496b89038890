import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestMeeting } from '../helpers/apiClient.ts';
import {
  makeDataDir,
  removeDataDir,
  type ServerProcess,
  startServerProcess,
} from '../helpers/serverProcess.ts';
import { connectClient, type SyncClient, seedMeeting, waitFor } from '../helpers/syncClient.ts';

/** A port that is free now, so a restarted server can come back at the same address. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('chaos: the server is SIGKILLed and restarted while 30 clients edit', () => {
  const dirs: string[] = [];
  let server: ServerProcess | null = null;
  const clients: SyncClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.kill();
    for (const dir of dirs.splice(0)) removeDataDir(dir);
  });

  it('loses no edit over 5 kills: every client converges and storage holds every edit', async () => {
    const dataDir = makeDataDir();
    dirs.push(dataDir);
    const port = await freePort();
    server = await startServerProcess({ dataDir, port });
    const { meetingId, token } = await createTestMeeting(server.url);
    await seedMeeting(server.syncUrl, meetingId, token);
    const syncUrl = server.syncUrl;
    for (let i = 0; i < 30; i += 1) clients.push(connectClient(syncUrl, meetingId, `c${i}`, token));
    await Promise.all(clients.map((client) => client.synced));

    // Each client types numbered tokens at a steady rate, online or not: offline edits stay in
    // its local document and are sent when it reconnects.
    const produced: string[] = [];
    let typing = true;
    const typists = clients.map(async (client, i) => {
      for (let n = 0; typing; n += 1) {
        const word = `c${i}-${n};`;
        client.text.insert(client.text.length, word);
        produced.push(word);
        await sleep(80 + (i % 7) * 10);
      }
    });

    for (let kill = 0; kill < 5; kill += 1) {
      await sleep(1200);
      await server.kill();
      await sleep(400);
      server = await startServerProcess({ dataDir, port });
    }
    await sleep(800);
    typing = false;
    await Promise.all(typists);

    // Everyone reconnects and converges on the same text.
    await waitFor(
      () => clients.every((client) => client.provider.wsconnected && client.provider.synced),
      () =>
        `${clients.filter((client) => !client.provider.wsconnected).length} clients never reconnected`,
      30_000,
    );
    const reference = clients[0];
    if (!reference) throw new Error('no clients');
    await waitFor(
      () => clients.every((client) => client.text.toString() === reference.text.toString()),
      'clients did not converge',
      30_000,
    );
    const words = reference.text
      .toString()
      .split(';')
      .filter(Boolean)
      .map((word) => `${word};`);
    expect(produced.length).toBeGreaterThan(1000);
    expect(new Set(words).size).toBe(words.length);
    expect(words.sort()).toEqual([...produced].sort());

    // And storage holds every edit: a fresh client of a freshly restarted server sees them all.
    for (const client of clients.splice(0)) client.destroy();
    await server.kill();
    server = await startServerProcess({ dataDir, port });
    const fresh = connectClient(server.syncUrl, meetingId, 'fresh', token);
    clients.push(fresh);
    await fresh.synced;
    const stored = fresh.text.toString().split(';').filter(Boolean);
    expect(stored.length).toBe(produced.length);
  }, 120_000);
});
