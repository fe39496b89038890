import type { Storage, UpdateEntry } from './storage.ts';

interface Pending {
  entry: UpdateEntry;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

/**
 * Collects updates that arrive in the same event-loop turn (often from many sockets and rooms) and
 * writes them in one storage transaction, so a burst of keystrokes costs one commit (and one fsync)
 * instead of one each. Batches are written strictly one after another, and each caller's promise
 * resolves in arrival order, so per-room ordering is preserved.
 */
export class GroupCommitWriter {
  private queue: Pending[] = [];
  private scheduled = false;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly storage: Storage,
    /** Told the duration and size of every committed batch (metrics). */
    private readonly onCommitted: (seconds: number, updates: number) => void = () => undefined,
    private readonly maxBatch = 1000,
  ) {}

  /** Resolves with the update's sequence number once it is committed. */
  append(entry: UpdateEntry): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate runs after the current I/O phase: every socket message already read in
        // this turn joins the batch.
        setImmediate(() => {
          this.scheduled = false;
          this.inFlight = this.inFlight.then(() => this.flushQueued());
        });
      }
    });
  }

  /** Resolves once everything appended so far is committed (or failed). */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.scheduled) {
      if (this.scheduled) await new Promise<void>((resolve) => setImmediate(resolve));
      this.inFlight = this.inFlight.then(() => this.flushQueued());
      await this.inFlight;
    }
    await this.inFlight;
  }

  private async flushQueued(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const started = performance.now();
        const seqs = await this.storage.appendUpdates(batch.map((pending) => pending.entry));
        this.onCommitted((performance.now() - started) / 1000, batch.length);
        batch.forEach((pending, index) => {
          pending.resolve(seqs[index] ?? 0);
        });
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
  }
}
