/**
 * Fan-out latency: one room of N clients; a few writers type at a human rate, one character per
 * update, each in its own item's proposal text; every client records when each edit of another
 * client arrives. Latency = arrival − the moment the writer made the edit.
 */
import { itemIds, Typist } from '../lib/docs.ts';
import { type BenchClient, firstStructKey, nextStructKey } from '../lib/protocol.ts';
import {
  type BenchContext,
  closeAll,
  connectAll,
  openDocClient,
  type ScenarioResult,
} from '../lib/scenario.ts';
import { sleep, type TargetName, TargetServer, targetLabels } from '../lib/servers.ts';
import { fmt, median, percentile, ratio, table } from '../lib/stats.ts';

const writerCount = 5;
/** Each writer types one character every ~100 ms (±20 %): 50 edits/s in the room. */
const typingIntervalMs = 100;
/** The unmeasured warm-up run: each writer types every ~5 ms for 4 s (about 4,000 edits). */
const warmUpIntervalMs = 5;
const warmUpMs = 4000;

interface FanoutRun {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Deliveries received / expected (edits × (clients − 1)), in %. */
  delivered: number;
  edits: number;
}

async function runOnce(
  server: TargetServer,
  clientCount: number,
  durationMs: number,
  intervalMs = typingIntervalMs,
): Promise<FanoutRun> {
  const [room] = await server.createRooms(1);
  if (room === undefined) throw new Error('no room');
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let measuring = false;
  const record = (self: string | null) => (update: Uint8Array, at: number) => {
    const key = firstStructKey(update);
    if (key === null || !measuring) return;
    if (self !== null && key.startsWith(self)) return; // an echo of our own edit
    const sent = sentAt.get(key);
    if (sent !== undefined) latencies.push(at - sent);
  };

  const writers: { client: BenchClient; typist: Typist; self: string }[] = [];
  for (let i = 0; i < writerCount; i += 1) {
    let self = '';
    const { client, doc } = await openDocClient(server, room, {
      seed: i === 0,
      extra: { onUpdate: (update, at) => record(self)(update, at) },
    });
    self = `${doc.clientID}:`;
    const ids = itemIds(doc);
    writers.push({ client, typist: new Typist(doc, ids[i % ids.length] as string), self });
  }
  const receivers = await connectAll(clientCount - writerCount, () =>
    server.client(room, { onUpdate: record(null) }),
  );

  let edits = 0;
  let running = true;
  const typing = writers.map(async (writer, index) => {
    await sleep((index * intervalMs) / writerCount);
    while (running) {
      const key = nextStructKey(writer.typist.doc);
      if (measuring) {
        sentAt.set(key, performance.now());
        edits += 1;
      }
      writer.typist.type();
      await sleep(intervalMs * (0.8 + 0.4 * Math.random()));
    }
  });
  await sleep(500); // warm-up: edits before this are not measured
  measuring = true;
  await sleep(durationMs);
  running = false;
  await Promise.all(typing);
  const expected = edits * (clientCount - 1);
  const deadline = performance.now() + 5000;
  while (latencies.length < expected && performance.now() < deadline) await sleep(50);
  measuring = false;
  const clients = [...writers.map((writer) => writer.client), ...receivers];
  const dropped = clients.filter((client) => client.closed);
  if (dropped.length > 0) {
    throw new Error(
      `${server.name}: ${dropped.length} clients were disconnected (close code ${dropped[0]?.closeCode})`,
    );
  }
  await closeAll(clients);
  for (const writer of writers) writer.typist.doc.destroy();
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    delivered: expected === 0 ? Number.NaN : (100 * latencies.length) / expected,
    edits,
  };
}

export async function fanout(ctx: BenchContext): Promise<ScenarioResult> {
  const sizes = ctx.fanoutClients;
  const durationMs = ctx.quick ? 2500 : 5000;
  // The relay floor runs with the targets: what a server that does nothing would get here; with
  // --relay-work-ms also a relay that first works that long on each update (servers/relay.ts).
  const names: TargetName[] = [
    ...ctx.targets,
    'relay',
    ...(ctx.relayWorkMs === null ? [] : ['relay-busy' as const]),
  ];
  const servers = new Map<TargetName, TargetServer>();
  for (const name of names) {
    const env = name === 'relay-busy' ? { RELAY_WORK_MS: String(ctx.relayWorkMs) } : undefined;
    servers.set(name, await TargetServer.start(name, env ? { env } : {}));
  }
  const runs = new Map<string, FanoutRun[]>();
  try {
    // An unmeasured run per server first, typing fast, so that no figure includes JIT warm-up:
    // V8 optimises a server's update path only after a few thousand updates (a room's own code
    // took about 2,000 before it ran at its steady speed), which a long meeting's server, or one
    // serving several meetings, is past within minutes; the 50 edits/s of the measured runs
    // would take a minute per server to get there.
    for (const server of servers.values()) await runOnce(server, 20, warmUpMs, warmUpIntervalMs);
    for (const size of sizes) {
      for (let rep = 0; rep < ctx.reps; rep += 1) {
        // Targets interleaved per repetition, so that noise from the shared machine spreads evenly.
        for (const [name, server] of servers) {
          const run = await runOnce(server, size, durationMs);
          ctx.log(
            `  fan-out ${size} clients, ${name} rep ${rep + 1}: p50 ${fmt(run.p50, 2)} p99 ${fmt(run.p99, 2)} max ${fmt(run.max, 1)} ms, ${fmt(run.delivered, 1)} % delivered`,
          );
          const key = `${size}/${name}`;
          runs.set(key, [...(runs.get(key) ?? []), run]);
        }
      }
    }
  } finally {
    for (const server of servers.values()) await server.stop();
  }

  const figures: Record<string, unknown> = {};
  const sections: string[] = [
    '### 1. Fan-out latency',
    '',
    `One room; ${writerCount} writers each type one character every ~${typingIntervalMs} ms (±20 %), ` +
      `i.e. ${(1000 / typingIntervalMs) * writerCount} edits/s in the room, for ${durationMs / 1000} s after a 0.5 s warm-up ` +
      `(after an unmeasured warm-up run per server: 20 clients, about ${Math.round((1000 / warmUpIntervalMs) * writerCount * (warmUpMs / 1000))} fast edits, so that every server's update path is JIT-optimised as in a server that has run for a while); ` +
      'latency from the edit to its arrival at every other client, in ms. ' +
      'The relay floor is not a competitor but the least any server can get here: it frames each ' +
      'update once and writes it to the other sockets, with no document, storage or checks ' +
      '(`bench/servers/relay.ts`); the rest of its latency is the kernel and the load generator. ' +
      (ctx.relayWorkMs === null
        ? ''
        : `"relay + ${ctx.relayWorkMs} ms" is the same relay keeping the CPU busy for ${ctx.relayWorkMs} ms on each update before it forwards it, as a server's checks and storage would: what that work alone costs in latency. `) +
      `Median of ${ctx.reps} repetitions of each percentile.`,
  ];
  for (const size of sizes) {
    const rows: string[][] = [];
    const medians = new Map<TargetName, FanoutRun>();
    for (const name of names) {
      const list = runs.get(`${size}/${name}`) ?? [];
      const m: FanoutRun = {
        p50: median(list.map((r) => r.p50)),
        p95: median(list.map((r) => r.p95)),
        p99: median(list.map((r) => r.p99)),
        max: median(list.map((r) => r.max)),
        delivered: median(list.map((r) => r.delivered)),
        edits: median(list.map((r) => r.edits)),
      };
      medians.set(name, m);
      figures[`${size}/${name}`] = m;
      rows.push([
        name === 'relay-busy'
          ? `relay + ${ctx.relayWorkMs} ms of work per update`
          : targetLabels[name],
        fmt(m.p50, 2),
        fmt(m.p95, 2),
        fmt(m.p99, 2),
        fmt(m.max, 1),
        fmt(m.delivered, 1),
      ]);
    }
    const justera = medians.get('justera');
    if (justera) {
      for (const [name, m] of medians) {
        if (name.startsWith('justera')) continue;
        rows.push([
          `Justera / ${name}`,
          ratio(justera.p50, m.p50),
          ratio(justera.p95, m.p95),
          ratio(justera.p99, m.p99),
          ratio(justera.max, m.max),
          '',
        ]);
      }
    }
    sections.push(
      '',
      `**${size} clients**`,
      '',
      table(['server', 'p50', 'p95', 'p99', 'max', 'delivered %'], rows),
    );
  }
  return { report: sections.join('\n'), figures };
}
