import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const lockFileName = 'justera.pid';

/** Records that a server runs on this data directory (for tools such as restore). */
export function writeRunLock(dataDir: string): void {
  writeFileSync(join(dataDir, lockFileName), String(process.pid));
}

export function removeRunLock(dataDir: string): void {
  rmSync(join(dataDir, lockFileName), { force: true });
}

/** True when the pid in the lock file belongs to a live process (a stale file is ignored). */
export function isServerRunning(dataDir: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dataDir, lockFileName), 'utf8'));
  } catch {
    // No lock file: no server has this directory open.
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else: still running.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
