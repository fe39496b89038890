import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Folds SQLite's write-ahead log back into the database file from a worker thread.
 *
 * SQLite checkpoints on its own inside the COMMIT that pushes the WAL past 1,000 pages, and a
 * checkpoint fsyncs the WAL and then the database file: with better-sqlite3 that is the event
 * loop, which then serves no socket of any meeting for as long as the disk takes (on a virtual
 * disk now and then 100 ms or more). So the server's connections turn automatic checkpoints off
 * and this worker, with its own connection, runs a PASSIVE checkpoint every `intervalMs`:
 * PASSIVE never waits for, nor blocks, readers or writers, and SQLite itself decides when the
 * log may start over, so nothing here can lose or reorder a commit.
 *
 * The worker is a few lines of plain JavaScript evaluated in the thread: Node 20 cannot start a
 * worker from a TypeScript file under tsx.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  constructor(
    databaseFile: string,
    /** Told when a checkpoint fails (the next tick tries again; the WAL keeps every commit). */
    onError: (error: Error) => void,
    intervalMs = 500,
  ) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(workerSource, {
      eval: true,
      workerData: { databaseFile, driver, intervalMs },
    });
    this.worker.on('message', (message: { error: string }) => onError(new Error(message.error)));
    this.worker.on('error', onError);
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    // A storage nobody closes must not keep the process alive.
    this.worker.unref();
  }

  /** Stops the worker after the checkpoint it may be running, and closes its connection. */
  async close(): Promise<void> {
    // Referenced again, or the process could end before the worker has closed its connection.
    this.worker.ref();
    this.worker.postMessage('close');
    await this.exited;
  }
}

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.databaseFile);
// Checkpoints fsync the WAL before and the database file after copying pages back.
db.pragma('synchronous = NORMAL');
db.pragma('wal_autocheckpoint = 0');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: 'WAL checkpoint failed: ' + (error && error.message) });
  }
}, workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;
