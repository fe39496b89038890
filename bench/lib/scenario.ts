/** What every scenario gets and gives back, and helpers they share. */
import * as Y from 'yjs';
import { itemIds, writeNewMeeting } from './docs.ts';
import type { BenchClient, ClientOptions } from './protocol.ts';
import { sleep, type TargetName, type TargetServer } from './servers.ts';

export interface BenchContext {
  targets: TargetName[];
  quick: boolean;
  /** Repetitions per measurement (medians are reported). */
  reps: number;
  /** Seconds of the churn phase. */
  churnSeconds: number;
  /** Room sizes of the fan-out scenario. */
  fanoutClients: number[];
  /**
   * Fan-out only: also run the relay with this much CPU work (ms) per update before it forwards
   * it (`--relay-work-ms`), to see what a server's work before its broadcast costs in latency.
   */
  relayWorkMs: number | null;
  log: (line: string) => void;
}

export interface ScenarioResult {
  /** Markdown: a heading, the tables and notes. */
  report: string;
  /** Figures for the target check and the JSON record, by target. */
  figures: Record<string, unknown>;
}

/** Resolves `promise`, or rejects after `ms` with `what`. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Opens clients made by `make(i)` with at most `concurrency` handshakes at a time; all synced. */
export async function connectAll(
  count: number,
  make: (index: number) => BenchClient,
  concurrency = 50,
  afterSync?: (client: BenchClient, index: number) => void,
): Promise<BenchClient[]> {
  const clients: BenchClient[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      const client = make(index);
      clients[index] = client;
      await within(client.synced, 30_000, `client ${index} sync`);
      afterSync?.(client, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return clients;
}

export async function closeAll(clients: readonly (BenchClient | undefined)[]): Promise<void> {
  for (const client of clients) client?.close();
  await Promise.all(clients.map((client) => client?.whenClosed()));
}

/**
 * A client with a Y.Doc synced to `room` holding at least the standard agenda. On the reference
 * servers the first such client seeds the room with the same new-meeting document Justera
 * creates (the doc is filled before connecting, so it goes out in the client's sync step 2).
 * Later clients retry until they see the seeded items.
 */
export async function openDocClient(
  server: TargetServer,
  room: string,
  options: { seed: boolean; extra?: Partial<ClientOptions> },
): Promise<{ client: BenchClient; doc: Y.Doc }> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const doc = new Y.Doc();
    if (options.seed && !server.roomsPreloaded) writeNewMeeting(doc);
    const client = server.client(room, { ...options.extra, doc });
    await within(client.synced, 30_000, `${server.name} doc client sync`);
    if (itemIds(doc).length > 0) return { client, doc };
    client.close();
    await client.whenClosed();
    doc.destroy();
    await sleep(50);
  }
  throw new Error(`${server.name}: room ${room} never showed its items`);
}
