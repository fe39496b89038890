/**
 * Write throughput: 50 writers, each in its own meeting with one observer client, typing as fast
 * as the server takes it (closed loop: at most `window` of a writer's edits in flight). One writer
 * per room keeps the fan-out out of the figure: this measures accepting, validating, storing and
 * forwarding updates. Latency = edit → arrival at the observer.
 *
 * What frees a writer's slot is the strictest acknowledgement each server has. Justera tells the
 * author when an edit is on disk (its saved-state answer, sent after the fsync): a Justera
 * writer's edit is done only then, so its updates/s are fsynced updates. The reference servers
 * have no such answer: an edit is done when the observer has received it. Hocuspocus stores the
 * whole document after a 2 s debounce (at most 10 s), the y-websocket server never.
 * After the last repetition the server is killed (SIGKILL) right after the last edit arrived and
 * restarted: the check counts the writers whose text survived complete.
 */
import * as Y from 'yjs';
import { itemIds, itemProposalText, Typist } from '../lib/docs.ts';
import { type BenchClient, firstStructKey, nextStructKey } from '../lib/protocol.ts';
import {
  type BenchContext,
  closeAll,
  openDocClient,
  type ScenarioResult,
  within,
} from '../lib/scenario.ts';
import { sleep, type TargetName, TargetServer, targetLabels } from '../lib/servers.ts';
import { fmt, median, percentile, ratio, table } from '../lib/stats.ts';

const writerCount = 50;
const window = 4;

interface ThroughputRun {
  /** Justera: edits acknowledged on disk per second; the others: edits observed per second. */
  updatesPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Justera: edit → "saved" (on disk) at the author, ms; NaN for the others. */
  savedP50: number;
  savedP99: number;
  /** Server CPU time per update, ms. */
  serverCpuMs: number;
  /** Load-generator CPU time per update, ms. */
  loadgenCpuMs: number;
}

interface Writer {
  client: BenchClient;
  typist: Typist;
  room: string;
  itemId: string;
  inFlight: number;
  /** Justera: clocks and send times of edits not yet acknowledged on disk, oldest first. */
  unsaved: { clock: number; sentAt: number }[];
}

async function runOnce(
  server: TargetServer,
  durationMs: number,
  checkDurability: boolean,
): Promise<ThroughputRun & { survived?: number }> {
  const rooms = await server.createRooms(writerCount);
  const owner = new Map<string, Writer>();
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const savedLatencies: number[] = [];
  let done = 0;
  let measuring = false;
  let running = true;
  const ackOnDisk = server.isJustera;

  const pump = (writer: Writer) => {
    while (running && writer.inFlight < window) {
      const key = nextStructKey(writer.typist.doc);
      const now = performance.now();
      sentAt.set(key, now);
      owner.set(key, writer);
      if (ackOnDisk) {
        writer.unsaved.push({
          clock: Y.getState(writer.typist.doc.store, writer.typist.doc.clientID),
          sentAt: now,
        });
      }
      writer.inFlight += 1;
      writer.typist.type();
    }
  };
  const finish = (writer: Writer) => {
    if (measuring) done += 1;
    writer.inFlight -= 1;
  };
  const onObserved = (update: Uint8Array, at: number) => {
    const key = firstStructKey(update);
    if (key === null) return;
    const writer = owner.get(key);
    const sent = sentAt.get(key);
    if (writer === undefined || sent === undefined) return;
    owner.delete(key);
    sentAt.delete(key);
    if (measuring) latencies.push(at - sent);
    if (ackOnDisk) return; // done when it is on disk (onSaved)
    finish(writer);
    pump(writer);
  };
  const onSaved = (writer: Writer, stored: Map<number, number>, at: number) => {
    const onDisk = stored.get(writer.typist.doc.clientID) ?? 0;
    while ((writer.unsaved[0]?.clock ?? Number.POSITIVE_INFINITY) < onDisk) {
      const edit = writer.unsaved.shift();
      if (edit && measuring) savedLatencies.push(at - edit.sentAt);
      finish(writer);
    }
    pump(writer);
  };

  const writers: Writer[] = [];
  const observers: BenchClient[] = [];
  for (const room of rooms) {
    let self: Writer | null = null;
    const { client, doc } = await openDocClient(server, room, {
      seed: true,
      extra: {
        onSaved: (stored, at) => {
          if (self !== null) onSaved(self, stored, at);
        },
      },
    });
    const itemId = itemIds(doc)[0] as string;
    self = { client, typist: new Typist(doc, itemId), itemId, room, inFlight: 0, unsaved: [] };
    writers.push(self);
    if (ackOnDisk) client.subscribeSaved(1);
    const observer = server.client(room, { onUpdate: onObserved });
    await within(observer.synced, 30_000, 'observer sync');
    observers.push(observer);
  }

  for (const writer of writers) pump(writer);
  await sleep(1000); // warm-up
  const cpu0 = server.cpuSeconds();
  const own0 = process.cpuUsage();
  measuring = true;
  const t0 = performance.now();
  await sleep(durationMs);
  measuring = false;
  const elapsed = (performance.now() - t0) / 1000;
  const serverCpu = server.cpuSeconds() - cpu0;
  const own = process.cpuUsage(own0);
  const measured = done;
  running = false;
  const deadline = performance.now() + 10_000;
  while (writers.some((writer) => writer.inFlight > 0) && performance.now() < deadline) {
    await sleep(20);
  }

  const dropped = [...observers, ...writers.map((writer) => writer.client)].filter((c) => c.closed);
  if (dropped.length > 0) {
    throw new Error(
      `${server.name}: ${dropped.length} clients were disconnected (close code ${dropped[0]?.closeCode})`,
    );
  }
  const expected = writers.map((w) => ({
    room: w.room,
    itemId: w.itemId,
    text: itemProposalText(w.typist.doc, w.itemId),
  }));
  let survived: number | undefined;
  if (checkDurability && server.name !== 'y-websocket') {
    // Killed while the clients are still connected: what was acknowledged but not yet stored is lost.
    await server.restart('SIGKILL');
    await closeAll([...observers, ...writers.map((writer) => writer.client)]);
    survived = 0;
    for (const { room, itemId, text } of expected) {
      const doc = new Y.Doc();
      const reader = server.client(room, { doc });
      await within(reader.synced, 30_000, 'reader sync after crash');
      if (itemProposalText(doc, itemId) === text) survived += 1;
      await closeAll([reader]);
      doc.destroy();
    }
  } else {
    await closeAll([...observers, ...writers.map((writer) => writer.client)]);
  }
  for (const writer of writers) writer.typist.doc.destroy();
  return {
    updatesPerSecond: measured / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    savedP50: ackOnDisk ? percentile(savedLatencies, 50) : Number.NaN,
    savedP99: ackOnDisk ? percentile(savedLatencies, 99) : Number.NaN,
    serverCpuMs: (1000 * serverCpu) / Math.max(1, measured),
    loadgenCpuMs: (own.user + own.system) / 1000 / Math.max(1, measured),
    ...(survived === undefined ? {} : { survived }),
  };
}

export async function throughput(ctx: BenchContext): Promise<ScenarioResult> {
  const durationMs = ctx.quick ? 2000 : 5000;
  const servers = new Map<TargetName, TargetServer>();
  for (const name of ctx.targets) servers.set(name, await TargetServer.start(name));
  const runs = new Map<TargetName, ThroughputRun[]>();
  const survivedBy = new Map<TargetName, number>();
  try {
    // One short, unmeasured run per server first (JIT warm-up).
    for (const server of servers.values()) await runOnce(server, 1000, false);
    for (let rep = 0; rep < ctx.reps; rep += 1) {
      for (const [name, server] of servers) {
        // A SIGKILLed server writes no CPU profile: no crash check when profiling.
        const last = rep === ctx.reps - 1 && process.env.BENCH_CPU_PROF_DIR === undefined;
        const run = await runOnce(server, durationMs, last);
        if (run.survived !== undefined) survivedBy.set(name, run.survived);
        ctx.log(
          `  throughput ${name} rep ${rep + 1}: ${fmt(run.updatesPerSecond, 0)} updates/s, p99 ${fmt(run.p99, 1)} ms, server ${fmt(run.serverCpuMs, 3)} ms CPU/update` +
            (run.survived === undefined
              ? ''
              : `, ${run.survived}/${writerCount} texts survived SIGKILL`),
        );
        runs.set(name, [...(runs.get(name) ?? []), run]);
      }
    }
  } finally {
    for (const server of servers.values()) await server.stop();
  }
  const medians = new Map<TargetName, ThroughputRun>();
  for (const [name, list] of runs) {
    medians.set(name, {
      updatesPerSecond: median(list.map((r) => r.updatesPerSecond)),
      p50: median(list.map((r) => r.p50)),
      p99: median(list.map((r) => r.p99)),
      max: median(list.map((r) => r.max)),
      savedP50: median(list.map((r) => r.savedP50)),
      savedP99: median(list.map((r) => r.savedP99)),
      serverCpuMs: median(list.map((r) => r.serverCpuMs)),
      loadgenCpuMs: median(list.map((r) => r.loadgenCpuMs)),
    });
  }
  const durability: Record<TargetName, string> = {
    justera: 'committed before broadcast, fsynced before "saved"',
    'justera-normal': 'committed before broadcast and "saved", no fsync',
    'y-websocket': 'none (memory)',
    hocuspocus: 'debounced 2–10 s',
    relay: 'none (memory)',
    'relay-busy': 'none (memory)',
  };
  const rows = [...medians].map(([name, m]) => [
    targetLabels[name],
    fmt(m.updatesPerSecond, 0),
    fmt(m.p50, 1),
    fmt(m.p99, 1),
    fmt(m.max, 1),
    Number.isNaN(m.savedP50) ? 'n/a' : fmt(m.savedP50, 1),
    Number.isNaN(m.savedP99) ? 'n/a' : fmt(m.savedP99, 1),
    fmt(m.serverCpuMs, 3),
    fmt(m.loadgenCpuMs, 3),
    durability[name],
    survivedBy.has(name) ? `${survivedBy.get(name)}/${writerCount}` : 'n/a',
  ]);
  const justera = medians.get('justera');
  if (justera) {
    for (const [name, m] of medians) {
      if (name.startsWith('justera')) continue;
      rows.push([
        `Justera / ${name}`,
        ratio(justera.updatesPerSecond, m.updatesPerSecond),
        ratio(justera.p50, m.p50),
        ratio(justera.p99, m.p99),
        ratio(justera.max, m.max),
        '',
        '',
        ratio(justera.serverCpuMs, m.serverCpuMs),
        '',
        '',
        '',
      ]);
    }
  }
  const report = [
    '### 4. Write throughput',
    '',
    `${writerCount} writers, each in its own meeting with one observer client, typing one character per update, ` +
      `at most ${window} edits per writer in flight (the next is sent when the observer has received one), ` +
      `${durationMs / 1000} s after a 1 s warm-up (and one unmeasured run per server before the first). ` +
      "An edit is done, and frees its slot, when the server says it is on disk (Justera's saved-state answer, sent after the fsync) or, " +
      'for the servers that have no such answer, when the observer has received it: updates/s = edits done per second, ' +
      "so Justera's are fsynced updates. Latency in ms from the edit to its arrival at the observer; " +
      '"saved" = from the edit to the on-disk answer at the author; CPU in ms per update. ' +
      'After the last repetition the server is killed with SIGKILL as soon as the last edit has arrived, ' +
      'and restarted: "survived" counts the meetings whose whole text was still there. ' +
      `Median of ${ctx.reps}.`,
    '',
    table(
      [
        'server',
        'updates/s',
        'p50',
        'p99',
        'max',
        'saved p50',
        'saved p99',
        'server CPU/update',
        'load-gen CPU/update',
        'durability',
        'survived SIGKILL',
      ],
      rows,
    ),
  ].join('\n');
  return {
    report,
    figures: Object.fromEntries(
      [...medians].map(([name, m]) => [name, { ...m, survived: survivedBy.get(name) ?? null }]),
    ),
  };
}
