import type { Storage, UpdateEntry } from './storage.ts';

interface Pending {
  entry: UpdateEntry;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

/**
 * Collects updates that arrive in the same event-loop turn (often from many sockets and rooms) and
 * writes them in one storage transaction, so a burst of keystrokes costs one commit instead of one
 * each.
 *
 * Batches are pipelined: the next batch is written while the previous one may still be
 * committing (storage that commits asynchronously), so under load a commit's wait overlaps the
 * next batch's work instead of adding to it. Storage commits batches in the order they are
 * started, and every caller's promise resolves in arrival order — never before the promises of
 * earlier batches — so per-room ordering holds and nothing is reported committed ahead of what
 * came before it. Durability (the fsync) is asked for separately: whenDurable.
 */
export class GroupCommitWriter {
  private queue: Pending[] = [];
  private scheduled = false;
  /** Settles after every batch started so far has settled (in order). */
  private settled: Promise<void> = Promise.resolve();
  /** The fsync covering every batch committed so far; null when a commit came after it. */
  private durable: Promise<void> | null = null;

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
          this.startQueued();
        });
      }
    });
  }

  /**
   * Resolves once everything committed before the call is on disk. One fsync per committed batch,
   * however many rooms ask, started by the first to ask: rooms ask after their broadcast, so the
   * fsync's start-up is not on the way of the first one.
   */
  whenDurable(): Promise<void> {
    this.durable ??= this.storage.whenDurable();
    return this.durable;
  }

  /** Resolves once everything appended so far is committed (or failed). */
  async drain(): Promise<void> {
    this.startQueued();
    await this.settled;
  }

  private startQueued(): void {
    while (this.queue.length > 0) this.startBatch(this.queue.splice(0, this.maxBatch));
  }

  private startBatch(batch: Pending[]): void {
    const started = performance.now();
    let committed: Promise<number[]>;
    try {
      // Storage orders batches by this call: it commits (or queues) synchronously here.
      committed = this.storage.appendUpdates(batch.map((pending) => pending.entry));
    } catch (error) {
      committed = Promise.reject(error);
    }
    const outcome = committed.then(
      (seqs) => {
        this.onCommitted((performance.now() - started) / 1000, batch.length);
        return { ok: true as const, seqs };
      },
      (error: unknown) => ({ ok: false as const, error }),
    );
    const previous = this.settled;
    this.settled = previous.then(async () => {
      const result = await outcome;
      if (result.ok) {
        // The callers below may ask for durability; an fsync started before this commit does
        // not cover it.
        this.durable = null;
        batch.forEach((pending, index) => {
          pending.resolve(result.seqs[index] ?? 0);
        });
      } else {
        for (const pending of batch) pending.reject(result.error);
      }
    });
  }
}
