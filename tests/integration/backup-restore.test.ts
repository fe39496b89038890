import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestMeeting, type TestMeeting } from '../helpers/apiClient.ts';
import { useProcessFixtures } from '../helpers/processFixtures.ts';
import { makeDataDir, startServerProcess } from '../helpers/serverProcess.ts';
import { connectClient, type SyncClient, seedMeeting, waitFor } from '../helpers/syncClient.ts';

const opsArgs = (command: 'backup' | 'restore', file: string) => [
  '--import',
  'tsx',
  `server/src/ops/${command}.ts`,
  file,
];

/** Runs `npm run restore -- <file>` the way an operator would, on `dataDir`. */
function runRestore(file: string, dataDir: string) {
  return spawnSync('node', opsArgs('restore', file), {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}

/**
 * Runs `npm run backup -- <file>` without blocking this process, so the writers below keep
 * typing (and the server keeps committing) while the copy is made.
 */
function runBackup(
  file: string,
  dataDir: string,
): Promise<{ status: number | null; stderr: string }> {
  const child = spawn('node', opsArgs('backup', file), {
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.once('exit', (status) => resolve({ status, stderr })));
}

const markerPattern = /\[(\w+):(\d+):(\d+)\]/g;

/** Per writer ("A:0"), the sequence numbers of its markers found in `text`. */
function markersIn(text: string): Map<string, number[]> {
  const found = new Map<string, number[]>();
  for (const [, meeting, writer, seq] of text.matchAll(markerPattern)) {
    const key = `${meeting}:${writer}`;
    found.set(key, [...(found.get(key) ?? []), Number(seq)]);
  }
  return found;
}

/** A client that appends `[meeting:writer:n]` every few milliseconds until stopped. */
function startTyping(client: SyncClient, meeting: string, writer: number) {
  let next = 0;
  const timer = setInterval(() => {
    client.text.insert(client.text.length, `[${meeting}:${writer}:${next}]`);
    next += 1;
  }, 25);
  return {
    get typed() {
      return next;
    },
    stop: () => clearInterval(timer),
  };
}

describe('backup and restore', () => {
  const { dirs, processes, clients } = useProcessFixtures();

  it('copies the database while clients edit two meetings, and the restore loads every meeting with all that was stored before', async () => {
    const dataDir = makeDataDir();
    const backupDir = makeDataDir();
    dirs.push(dataDir, backupDir);
    const server = await startServerProcess({ dataDir });
    processes.push(server);
    const meetings: Record<string, TestMeeting> = {
      A: await createTestMeeting(server.url, 'Styrelsemöte'),
      B: await createTestMeeting(server.url, 'Arbetsutskott'),
    };
    const checkers: Record<string, SyncClient> = {};
    const typists = new Map<string, ReturnType<typeof startTyping>>();
    for (const [name, meeting] of Object.entries(meetings)) {
      await seedMeeting(server.syncUrl, meeting.meetingId, meeting.token);
      // What the checker sees the server has committed: it broadcasts only after the commit.
      const checker = connectClient(
        server.syncUrl,
        meeting.meetingId,
        `check${name}`,
        meeting.token,
      );
      clients.push(checker);
      await checker.synced;
      checkers[name] = checker;
      for (const writer of [0, 1]) {
        const client = connectClient(
          server.syncUrl,
          meeting.meetingId,
          `${name}${writer}`,
          meeting.token,
        );
        clients.push(client);
        await client.synced;
        typists.set(`${name}:${writer}`, startTyping(client, name, writer));
      }
    }
    const storedMarkers = (name: string) => markersIn(checkers[name]?.text.toString() ?? '');
    await waitFor(
      () => Object.keys(meetings).every((name) => storedMarkers(name).size === 2),
      'the writers never got going',
    );

    // Everything acknowledged as stored before the backup starts must be in the copy.
    const acknowledged = Object.fromEntries(
      Object.keys(meetings).map((name) => [name, storedMarkers(name)]),
    );
    const typedCount = () => new Map([...typists].map(([key, typist]) => [key, typist.typed]));
    const typedBefore = typedCount();
    const backupFile = join(backupDir, 'justera-backup.sqlite');
    const backup = await runBackup(backupFile, dataDir);
    expect(backup.status, backup.stderr).toBe(0);
    // Nothing typed after the copy was finished can be in it.
    const typedAfter = typedCount();
    // The copy really was made with edits in flight, in both meetings.
    for (const [key, count] of typedAfter) {
      expect(count - (typedBefore.get(key) ?? 0), key).toBeGreaterThan(2);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const typist of typists.values()) typist.stop();
    const final = Object.fromEntries(
      Object.keys(meetings).map((name) => [name, checkers[name]?.text.toString() ?? '']),
    );

    const refused = runRestore(backupFile, dataDir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/stop it before restoring/);

    for (const client of clients.splice(0)) client.destroy();
    expect(await server.stop()).toBe(0);
    const restore = runRestore(backupFile, dataDir);
    expect(restore.status, restore.stderr).toBe(0);

    const restarted = await startServerProcess({ dataDir, port: server.port });
    processes.push(restarted);
    for (const [name, meeting] of Object.entries(meetings)) {
      // The meeting is there for the API …
      const listed = await meeting.admin.expect<Array<{ id: string }>>(
        200,
        'GET',
        `/api/boards/${meeting.boardId}/meetings`,
      );
      expect(listed.map((entry) => entry.id)).toContain(meeting.meetingId);
      await meeting.admin.expect(200, 'GET', `/api/meetings/${meeting.meetingId}`);
      // … and its document loads.
      const reader = connectClient(restarted.syncUrl, meeting.meetingId, 'reader', meeting.token);
      clients.push(reader);
      await reader.synced;
      const restored = markersIn(reader.text.toString());
      for (const [writer, seqs] of acknowledged[name] ?? new Map<string, number[]>()) {
        const kept = new Set(restored.get(writer) ?? []);
        expect(
          seqs.filter((seq) => !kept.has(seq)),
          `${writer}: acknowledged before the backup, missing after the restore`,
        ).toEqual([]);
      }
      // A consistent copy, not a torn one: each writer's edits are a gap-free prefix of what
      // it typed (its updates depend on each other), and nothing is there that was not stored.
      const finalMarkers = markersIn(final[name] ?? '');
      for (const [writer, seqs] of restored) {
        const sorted = [...seqs].sort((a, b) => a - b);
        expect(sorted, writer).toEqual(sorted.map((_, index) => index));
        expect(sorted.length).toBeLessThanOrEqual(finalMarkers.get(writer)?.length ?? 0);
        expect(
          sorted.length,
          `${writer}: typed after the backup, yet restored`,
        ).toBeLessThanOrEqual(typedAfter.get(writer) ?? 0);
      }
    }
  }, 90_000);
});
