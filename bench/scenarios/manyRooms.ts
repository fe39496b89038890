/**
 * Many rooms: 1,000 rooms × 2 idle clients. Server memory is read after a forced GC with the
 * rooms created but not loaded (M0), with one client per room (M1) and two (M2), and then, for
 * the per-connection figure only, with three, four … eight (M3 … M8).
 * Per idle connection = the median of the seven steps M1→M2 … M7→M8, per connection added: what
 * one more idle client of a room costs. RSS does not grow evenly: within one run a process now
 * and then hands ~14 MiB of pages freed since start-up back to the OS (one step of 1,000
 * connections then shows −12 MiB), or reuses them, and between repetitions one step moved RSS by
 * −10…+8 KiB per connection, the size of the figure itself. A least-squares line through four
 * samples took those jumps in (2026-12-04: Justera −0.5…4.6 KiB per connection in one run); the
 * median of seven steps ignores them. The heap after GC grows evenly and is exact either way.
 * Per room = (M1 − M0) / rooms − per connection: the loaded document and its bookkeeping.
 * Every room holds the same document: Justera's new-meeting document (the standard agenda); on
 * the reference servers the first client of each room sends it.
 */
import { newMeetingUpdate } from '../lib/docs.ts';
import type { BenchClient } from '../lib/protocol.ts';
import { type BenchContext, closeAll, connectAll, type ScenarioResult } from '../lib/scenario.ts';
import {
  type MemorySample,
  sleep,
  type TargetName,
  TargetServer,
  targetLabels,
} from '../lib/servers.ts';
import { fmt, kib, median, medianOf, mib, ratio, table } from '../lib/stats.ts';

interface RoomsRun extends Record<string, number> {
  /** Seconds until all clients were synced (both phases). */
  connectSeconds: number;
  perConnectionRss: number;
  perConnectionHeap: number;
  perRoomRss: number;
  perRoomHeap: number;
  /** Memory of everything (rooms + connections) per connection: (M2 − M0) / clients. */
  allPerConnectionRss: number;
  baseRss: number;
  finalRss: number;
}

const settleMs = 2500;
/** Rounds of one more idle client per room after M2 (see the top of this file). */
const extraRounds = 6;

async function runOnce(
  name: (typeof TargetServer.prototype)['name'],
  rooms: number,
): Promise<RoomsRun> {
  const server = await TargetServer.start(name);
  const clients: BenchClient[] = [];
  try {
    const ids = await server.createRooms(rooms);
    const seed = newMeetingUpdate();
    await sleep(500);
    const m0 = await server.memory();
    const t0 = performance.now();
    const first = await connectAll(
      rooms,
      (i) => server.client(ids[i] as string),
      50,
      (client) => {
        if (!server.roomsPreloaded) client.sendUpdate(seed);
      },
    );
    const firstSeconds = (performance.now() - t0) / 1000;
    clients.push(...first);
    await sleep(settleMs); // Hocuspocus stores seeded documents after a 2 s debounce
    const m1 = await server.memory();
    const t1 = performance.now();
    const second = await connectAll(rooms, (i) => server.client(ids[i] as string), 50);
    const secondSeconds = (performance.now() - t1) / 1000;
    clients.push(...second);
    await sleep(settleMs);
    const m2 = await server.memory();
    // More idle clients, for the per-connection figure only (see the top of this file).
    const samples = [m1, m2];
    for (let round = 0; round < extraRounds; round += 1) {
      clients.push(...(await connectAll(rooms, (i) => server.client(ids[i] as string), 50)));
      await sleep(settleMs);
      samples.push(await server.memory());
    }
    const closedEarly = clients.filter((client) => client.closed).length;
    if (closedEarly > 0) throw new Error(`${name}: ${closedEarly} idle clients were disconnected`);
    const per = (a: MemorySample, b: MemorySample, key: keyof MemorySample, n: number) =>
      (b[key] - a[key]) / n;
    const perConnectionRss = medianStep(samples, 'rss') / rooms;
    const perConnectionHeap = medianStep(samples, 'heapUsed') / rooms;
    return {
      connectSeconds: firstSeconds + secondSeconds,
      perConnectionRss,
      perConnectionHeap,
      perRoomRss: per(m0, m1, 'rss', rooms) - perConnectionRss,
      perRoomHeap: per(m0, m1, 'heapUsed', rooms) - perConnectionHeap,
      allPerConnectionRss: per(m0, m2, 'rss', 2 * rooms),
      baseRss: m0.rss,
      finalRss: m2.rss,
    };
  } finally {
    await closeAll(clients);
    await server.stop();
  }
}

export async function manyRooms(ctx: BenchContext): Promise<ScenarioResult> {
  const rooms = ctx.quick ? 200 : 1000;
  const runs = new Map<TargetName, RoomsRun[]>();
  for (let rep = 0; rep < ctx.reps; rep += 1) {
    for (const name of ctx.targets) {
      const run = await runOnce(name, rooms);
      ctx.log(
        `  many rooms ${name} rep ${rep + 1}: connect ${fmt(run.connectSeconds, 2)} s, ` +
          `${kib(run.perConnectionRss)} KiB/conn, ${kib(run.perRoomRss)} KiB/room (RSS)`,
      );
      runs.set(name, [...(runs.get(name) ?? []), run]);
    }
  }
  const medians = new Map(
    [...runs].map(([name, list]) => [name, medianOf(list)] as [TargetName, RoomsRun]),
  );
  const rows = [...medians].map(([name, m]) => [
    targetLabels[name],
    fmt(m.connectSeconds, 2),
    kib(m.perConnectionRss),
    kib(m.perConnectionHeap),
    kib(m.perRoomRss),
    kib(m.perRoomHeap),
    kib(m.allPerConnectionRss),
    `${mib(m.baseRss)} → ${mib(m.finalRss)}`,
  ]);
  const justera = medians.get('justera');
  if (justera) {
    for (const [name, m] of medians) {
      if (name.startsWith('justera')) continue;
      rows.push([
        `Justera / ${name}`,
        ratio(justera.connectSeconds, m.connectSeconds),
        ratio(justera.perConnectionRss, m.perConnectionRss),
        ratio(justera.perConnectionHeap, m.perConnectionHeap),
        ratio(justera.perRoomRss, m.perRoomRss),
        ratio(justera.perRoomHeap, m.perRoomHeap),
        ratio(justera.allPerConnectionRss, m.allPerConnectionRss),
        '',
      ]);
    }
  }
  const report = [
    '### 2. Many rooms',
    '',
    `${rooms} rooms × 2 idle clients (${2 * rooms} sockets), each room holding a new meeting's document ` +
      `(${newMeetingUpdate().byteLength} bytes encoded). Memory after a forced GC; KiB. ` +
      `Per connection = what one more idle client of a room costs: the median of the ${extraRounds + 1} steps of ` +
      `one more idle client per room (${rooms} → ${(extraRounds + 2) * rooms} sockets), because RSS moves in jumps ` +
      '(a process hands freed pages back to the OS, or reuses them: one step of ' +
      `${rooms} connections moved RSS by −12…+14 MiB) that a fitted line would take in; ` +
      'per room = the loaded document and its bookkeeping (first client excluded); all/conn = ' +
      `everything divided by the ${2 * rooms} sockets. The heap after GC is exact. ` +
      `Fresh server per repetition; median of ${ctx.reps}.`,
    '',
    table(
      [
        'server',
        'connect all (s)',
        'RSS/conn',
        'heap/conn',
        'RSS/room',
        'heap/room',
        'RSS all/conn',
        'RSS MiB before → after',
      ],
      rows,
    ),
  ].join('\n');
  return { report, figures: Object.fromEntries(medians) };
}

/** The median of the differences between consecutive samples of `key` (bytes per step). */
function medianStep(samples: readonly MemorySample[], key: keyof MemorySample): number {
  const steps = samples
    .slice(1)
    .map((sample, index) => sample[key] - (samples[index] as MemorySample)[key]);
  return median(steps);
}
