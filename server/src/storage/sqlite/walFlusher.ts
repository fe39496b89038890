import { closeSync, fdatasync, openSync } from 'node:fs';

/**
 * Makes SQLite's write-ahead log durable without blocking the event loop.
 *
 * With `synchronous=FULL` SQLite fsyncs the WAL inside every COMMIT, on the calling thread: with
 * better-sqlite3 that is the event loop, so no socket of any meeting is served for the 3–13 ms of
 * each fsync here. Instead the update log's connection commits with `synchronous=NORMAL` (the
 * commit is in the OS's cache, and atomic) and this class runs fdatasync on the WAL file in
 * libuv's thread pool; an author hears "saved" only once it has returned, so "saved" means on
 * disk exactly as with FULL. fsync works on the file, whichever descriptor wrote it.
 *
 * Requests coalesce: while one fdatasync runs, every caller who asks gets the next one, which
 * starts when the running one ends and covers all their writes.
 */
export class WalFlusher {
  private fd: number | null = null;
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(
    private readonly walPath: string,
    /** fs.fdatasync; a seam for tests that need to hold a flush. */
    private readonly sync: (fd: number, done: (error: Error | null) => void) => void = fdatasync,
  ) {}

  /** Resolves once everything written to the WAL before this call is on disk. */
  flush(): Promise<void> {
    const running = this.running;
    if (running === null) return this.start();
    // The running fdatasync may have started before the caller's write reached the file.
    this.next ??= running.then(
      () => this.startNext(),
      () => this.startNext(),
    );
    return this.next;
  }

  /** Waits for pending flushes and closes the file. */
  async close(): Promise<void> {
    await Promise.allSettled([this.running, this.next]);
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private startNext(): Promise<void> {
    this.next = null;
    return this.start();
  }

  private start(): Promise<void> {
    // Opened on first use: SQLite creates the WAL with the connection's first write.
    this.fd ??= openSync(this.walPath, 'r+');
    const fd = this.fd;
    const run = new Promise<void>((resolve, reject) => {
      this.sync(fd, (error) => (error ? reject(error) : resolve()));
    });
    const tracked = run.finally(() => {
      this.running = null;
    });
    this.running = tracked;
    return tracked;
  }
}
