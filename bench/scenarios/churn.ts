/**
 * Churn: clients keep connecting and leaving. 10 rooms each keep one client for the whole run (so
 * every server keeps its rooms loaded); 40 concurrent loops each open a client on a random room,
 * sync into a fresh Y.Doc, announce presence (awareness), type one character, stay 50–250 ms and
 * leave. Server memory is read after a forced GC after a warm-up churn (before) and once every
 * churn client is gone (after): a leak shows as growth. The typed characters themselves add a
 * little (each is a separate Yjs item, tens of bytes, the same on every server).
 */
import * as Y from 'yjs';
import { itemProposal } from '../../shared/doc/index.ts';
import { itemIds } from '../lib/docs.ts';
import type { BenchClient } from '../lib/protocol.ts';
import {
  type BenchContext,
  closeAll,
  openDocClient,
  type ScenarioResult,
  within,
} from '../lib/scenario.ts';
import {
  type MemorySample,
  sleep,
  type TargetName,
  TargetServer,
  targetLabels,
} from '../lib/servers.ts';
import { fmt, kib, medianOf, mib, ratio, table } from '../lib/stats.ts';

const roomCount = 10;
const concurrency = 40;

interface ChurnRun extends Record<string, number> {
  sessionsPerSecond: number;
  /** Heap growth divided by the sessions of the measured phase, bytes. */
  heapGrowthPerSession: number;
  failures: number;
  rssBefore: number;
  rssAfter: number;
  rssGrowth: number;
  heapBefore: number;
  heapAfter: number;
  heapGrowth: number;
}

async function churnFor(
  server: TargetServer,
  rooms: string[],
  seconds: number,
): Promise<{ sessions: number; failures: number }> {
  const deadline = performance.now() + seconds * 1000;
  let sessions = 0;
  let failures = 0;
  const loop = async () => {
    while (performance.now() < deadline) {
      const doc = new Y.Doc();
      const room = rooms[Math.floor(Math.random() * rooms.length)] as string;
      let client: BenchClient | null = null;
      try {
        client = server.client(room, { doc });
        await within(client.synced, 10_000, 'churn sync');
        client.sendAwareness(doc.clientID, 1, { user: { name: `Gäst ${sessions}` } });
        const ids = itemIds(doc);
        const itemId = ids[Math.floor(Math.random() * ids.length)];
        if (itemId !== undefined) itemProposal(doc, itemId).insert(0, 'x');
        await sleep(50 + Math.random() * 200);
        sessions += 1;
      } catch {
        failures += 1;
      } finally {
        if (client) await closeAll([client]);
        doc.destroy();
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { sessions, failures };
}

async function runOnce(
  name: TargetName,
  seconds: number,
  warmupSeconds: number,
): Promise<ChurnRun> {
  const server = await TargetServer.start(name);
  const anchors: BenchClient[] = [];
  try {
    const rooms = await server.createRooms(roomCount);
    for (const room of rooms)
      anchors.push((await openDocClient(server, room, { seed: true })).client);
    await churnFor(server, rooms, warmupSeconds);
    await sleep(1000);
    const before: MemorySample = await server.memory();
    const { sessions, failures } = await churnFor(server, rooms, seconds);
    await sleep(2000);
    const after = await server.memory();
    return {
      sessionsPerSecond: sessions / seconds,
      heapGrowthPerSession: (after.heapUsed - before.heapUsed) / Math.max(1, sessions),
      failures,
      rssBefore: before.rss,
      rssAfter: after.rss,
      rssGrowth: after.rss - before.rss,
      heapBefore: before.heapUsed,
      heapAfter: after.heapUsed,
      heapGrowth: after.heapUsed - before.heapUsed,
    };
  } finally {
    await closeAll(anchors);
    await server.stop();
  }
}

export async function churn(ctx: BenchContext): Promise<ScenarioResult> {
  const warmupSeconds = ctx.quick ? 1 : 3;
  const runs = new Map<TargetName, ChurnRun[]>();
  for (let rep = 0; rep < ctx.reps; rep += 1) {
    for (const name of ctx.targets) {
      const run = await runOnce(name, ctx.churnSeconds, warmupSeconds);
      ctx.log(
        `  churn ${name} rep ${rep + 1}: ${fmt(run.sessionsPerSecond, 0)} sessions/s, ${run.failures} failed, ` +
          `RSS ${mib(run.rssBefore)} → ${mib(run.rssAfter)} MiB, heap ${mib(run.heapBefore)} → ${mib(run.heapAfter)} MiB`,
      );
      runs.set(name, [...(runs.get(name) ?? []), run]);
    }
  }
  const medians = new Map([...runs].map(([name, list]) => [name, medianOf(list)] as const));
  const rows = [...medians].map(([name, m]) => [
    targetLabels[name],
    fmt(m.sessionsPerSecond, 0),
    fmt(m.failures, 0),
    `${mib(m.rssBefore)} → ${mib(m.rssAfter)}`,
    kib(m.rssGrowth, 0),
    `${mib(m.heapBefore)} → ${mib(m.heapAfter)}`,
    kib(m.heapGrowth, 0),
    fmt(m.heapGrowthPerSession, 0),
  ]);
  const justera = medians.get('justera');
  if (justera) {
    for (const [name, m] of medians) {
      if (name.startsWith('justera')) continue;
      rows.push([
        `Justera / ${name}`,
        ratio(justera.sessionsPerSecond, m.sessionsPerSecond),
        '',
        ratio(justera.rssAfter, m.rssAfter),
        '',
        ratio(justera.heapAfter, m.heapAfter),
        '',
        ratio(justera.heapGrowthPerSession, m.heapGrowthPerSession),
      ]);
    }
  }
  const report = [
    '### 5. Churn',
    '',
    `${roomCount} rooms, each with one client that stays; ${concurrency} loops connect a client to a random room, ` +
      'sync, announce presence, type one character, stay 50–250 ms and leave, for ' +
      `${ctx.churnSeconds} s after a ${warmupSeconds} s warm-up churn. Memory after a forced GC, before ` +
      'and after (once every churn client is gone); growth in KiB, and per churn session in bytes (each session leaves ' +
      'a new Yjs client id with one typed character in the document). ' +
      `Fresh server per repetition; median of ${ctx.reps}.`,
    '',
    table(
      [
        'server',
        'sessions/s',
        'failed',
        'RSS MiB before → after',
        'RSS growth KiB',
        'heap MiB before → after',
        'heap growth KiB',
        'heap growth B/session',
      ],
      rows,
    ),
  ].join('\n');
  return { report, figures: Object.fromEntries(medians) };
}
