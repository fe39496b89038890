import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestMeeting } from '../helpers/apiClient.ts';
import { useProcessFixtures } from '../helpers/processFixtures.ts';
import { makeDataDir, startServerProcess } from '../helpers/serverProcess.ts';
import { connectClient, seedMeeting, waitFor } from '../helpers/syncClient.ts';

/** Runs `npm run backup|restore -- <file>` the way an operator would, on `dataDir`. */
function runOps(command: 'backup' | 'restore', file: string, dataDir: string) {
  return spawnSync('node', ['--import', 'tsx', `server/src/ops/${command}.ts`, file], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}

describe('backup and restore', () => {
  const { dirs, processes, clients } = useProcessFixtures();

  it('copies the database while the server runs and brings that state back after a restore', async () => {
    const dataDir = makeDataDir();
    const backupDir = makeDataDir();
    dirs.push(dataDir, backupDir);
    const server = await startServerProcess({ dataDir });
    processes.push(server);
    const { meetingId, token } = await createTestMeeting(server.url);
    await seedMeeting(server.syncUrl, meetingId, token);
    const writer = connectClient(server.syncUrl, meetingId, 'writer', token);
    clients.push(writer);
    await writer.synced;
    writer.text.insert(0, 'före säkerhetskopian. ');
    const checker = connectClient(server.syncUrl, meetingId, 'checker', token);
    clients.push(checker);
    await checker.synced;
    await waitFor(() => checker.text.toString().includes('före'), 'edit not stored');

    const backupFile = join(backupDir, 'justera-backup.sqlite');
    const backup = runOps('backup', backupFile, dataDir);
    expect(backup.status, backup.stderr).toBe(0);
    // Writing goes on while and after the copy is made; the copy must not contain this.
    writer.text.insert(0, 'efter säkerhetskopian. ');
    await waitFor(() => checker.text.toString().includes('efter'), 'edit not stored');

    const refused = runOps('restore', backupFile, dataDir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/stop it before restoring/);

    for (const client of clients.splice(0)) client.destroy();
    expect(await server.stop()).toBe(0);
    const restore = runOps('restore', backupFile, dataDir);
    expect(restore.status, restore.stderr).toBe(0);

    const restarted = await startServerProcess({ dataDir });
    processes.push(restarted);
    const reader = connectClient(restarted.syncUrl, meetingId, 'reader', token);
    clients.push(reader);
    await reader.synced;
    expect(reader.text.toString()).toContain('före säkerhetskopian');
    expect(reader.text.toString()).not.toContain('efter säkerhetskopian');
  });
});
