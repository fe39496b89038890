import { afterEach } from 'vitest';
import { createTestMeeting } from './apiClient.ts';
import {
  makeDataDir,
  removeDataDir,
  type ServerProcess,
  type StartOptions,
  startServerProcess,
} from './serverProcess.ts';
import { connectClient, type SyncClient, seedMeeting } from './syncClient.ts';

/**
 * What a test that runs real server processes leaves behind, cleaned up after each test in the
 * right order: clients first (so they stop reconnecting), then processes, then data directories.
 */
export function useProcessFixtures() {
  const dirs: string[] = [];
  const processes: ServerProcess[] = [];
  const clients: SyncClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const proc of processes.splice(0)) await proc.kill();
    for (const dir of dirs.splice(0)) removeDataDir(dir);
  });
  const dataDir = (): string => {
    const dir = makeDataDir();
    dirs.push(dir);
    return dir;
  };
  return {
    dirs,
    processes,
    clients,
    /** A fresh data directory, removed after the test. */
    dataDir,
    /**
     * A server process on a fresh data directory, a meeting with its notes item (the
     * TestMeeting fields: its admin may invite more people), and one y-websocket writer
     * connecting to it as the admin (not yet synced: await `writer.synced`).
     */
    async startWithWriter(options: Omit<StartOptions, 'dataDir'> = {}) {
      const dir = dataDir();
      const server = await startServerProcess({ ...options, dataDir: dir });
      processes.push(server);
      const meeting = await createTestMeeting(server.url);
      await seedMeeting(server.syncUrl, meeting.meetingId, meeting.token);
      const writer = connectClient(server.syncUrl, meeting.meetingId, 'writer', meeting.token);
      clients.push(writer);
      return { ...meeting, dataDir: dir, server, writer };
    },
    /** Starts a new server process on `dir` and opens the meeting with a fresh, synced reader. */
    async readAfterRestart(dir: string, meetingId: string, token: string): Promise<SyncClient> {
      const restarted = await startServerProcess({ dataDir: dir });
      processes.push(restarted);
      const reader = connectClient(restarted.syncUrl, meetingId, 'reader', token);
      clients.push(reader);
      await reader.synced;
      return reader;
    },
  };
}
