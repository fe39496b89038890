import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WalFlusher } from '../../../server/src/storage/sqlite/walFlusher.ts';

/** A fake fdatasync whose calls finish only when the test says so. */
function heldSync() {
  const calls: Array<(error: Error | null) => void> = [];
  return {
    calls,
    sync: (_fd: number, done: (error: Error | null) => void) => {
      calls.push(done);
    },
    finish: (index: number, error: Error | null = null) => calls[index]?.(error),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('making the write-ahead log durable off the event loop', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  function walFile(): string {
    const dir = mkdtempSync(join(tmpdir(), 'justera-wal-'));
    dirs.push(dir);
    const file = join(dir, 'justera.sqlite-wal');
    writeFileSync(file, 'wal');
    return file;
  }

  it('resolves a flush only once its fdatasync has returned', async () => {
    const held = heldSync();
    const flusher = new WalFlusher(walFile(), held.sync);
    let done = false;
    const flushed = flusher.flush().then(() => {
      done = true;
    });
    await tick();
    expect(held.calls).toHaveLength(1);
    expect(done).toBe(false);
    held.finish(0);
    await flushed;
    expect(done).toBe(true);
    await flusher.close();
  });

  it('gives callers who ask during a running fdatasync one more, started after it', async () => {
    const held = heldSync();
    const flusher = new WalFlusher(walFile(), held.sync);
    const first = flusher.flush();
    // Written after the first fdatasync began: it may not cover these.
    const second = flusher.flush();
    const third = flusher.flush();
    await tick();
    expect(held.calls).toHaveLength(1);
    let secondDone = false;
    void second.then(() => {
      secondDone = true;
    });
    held.finish(0);
    await first;
    await tick();
    expect(held.calls).toHaveLength(2);
    expect(secondDone).toBe(false);
    held.finish(1);
    await Promise.all([second, third]);
    expect(held.calls).toHaveLength(2);
    await flusher.close();
  });

  it('fails the flush whose fdatasync fails, and the next one tries again', async () => {
    const held = heldSync();
    const flusher = new WalFlusher(walFile(), held.sync);
    const failing = flusher.flush();
    held.finish(0, new Error('EIO'));
    await expect(failing).rejects.toThrow('EIO');
    const retry = flusher.flush();
    await tick();
    held.finish(1);
    await expect(retry).resolves.toBeUndefined();
    await flusher.close();
  });
});
