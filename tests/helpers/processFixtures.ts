import { afterEach } from 'vitest';
import { makeDataDir, removeDataDir, type ServerProcess } from './serverProcess.ts';
import type { SyncClient } from './syncClient.ts';

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
  return {
    dirs,
    processes,
    clients,
    /** A fresh data directory, removed after the test. */
    dataDir(): string {
      const dir = makeDataDir();
      dirs.push(dir);
      return dir;
    },
  };
}
