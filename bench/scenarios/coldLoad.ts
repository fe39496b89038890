/**
 * Cold load: a meeting of 200 §§ of real minutes (the sample protocols' items, cycled) and a
 * 1,000-item stress document are written through the sync protocol, the server is restarted
 * (graceful stop, same data), and a new client opens the meeting: time from opening the socket to
 * the full state (sync step 2) having arrived, and to having applied it. Then a second meeting
 * with the same document (cold room, warmed-up process), then the first again (warm). The
 * in-memory reference server cannot restart without losing the document: warm figures only.
 */
import * as Y from 'yjs';
import { addItemsInBatches, itemIds, minutesItems } from '../lib/docs.ts';
import type { BenchClient } from '../lib/protocol.ts';
import {
  type BenchContext,
  closeAll,
  openDocClient,
  type ScenarioResult,
  within,
} from '../lib/scenario.ts';
import { sleep, type TargetName, TargetServer, targetLabels } from '../lib/servers.ts';
import { fmt, kib, median, ratio, table } from '../lib/stats.ts';

interface ColdRun {
  /** ms from creating the socket to sync step 2 received, first meeting after the restart. */
  coldReceived: number;
  /** … and applied to the client's Y.Doc. */
  coldApplied: number;
  /** A second, identical meeting opened next: cold room, warm process. */
  roomColdReceived: number;
  warmReceived: number;
  warmApplied: number;
  bytes: number;
}

interface Prepared {
  server: TargetServer;
  /** Two meetings with the same document. */
  rooms: [string, string];
  items: number;
  /** Reference server in memory: the writers stay connected so the documents stay. */
  anchors: BenchClient[];
}

async function write(server: TargetServer, room: string, itemCount: number) {
  const { client, doc } = await openDocClient(server, room, { seed: true });
  const observed = { count: 0 };
  const observer = server.client(room, {
    onUpdate: () => {
      observed.count += 1;
    },
  });
  await within(observer.synced, 30_000, 'observer sync');
  const updates = addItemsInBatches(doc, minutesItems(itemCount));
  const deadline = performance.now() + 60_000;
  // Justera broadcasts only what it has committed: seeing every update means it is stored.
  while (observed.count < updates) {
    if (performance.now() > deadline)
      throw new Error(`${server.name}: the document did not arrive`);
    await sleep(20);
  }
  const items = itemIds(doc).length;
  await closeAll([observer]);
  return { client, doc, items };
}

async function prepare(name: TargetName, itemCount: number): Promise<Prepared> {
  const server = await TargetServer.start(name);
  const [a, b] = await server.createRooms(2);
  if (a === undefined || b === undefined) throw new Error('no room');
  const anchors: BenchClient[] = [];
  let items = 0;
  for (const room of [a, b]) {
    const written = await write(server, room, itemCount);
    items = written.items;
    if (name === 'y-websocket') {
      anchors.push(written.client);
    } else {
      await closeAll([written.client]);
      written.doc.destroy();
    }
  }
  return { server, rooms: [a, b], items, anchors };
}

async function open(
  server: TargetServer,
  room: string,
): Promise<{ received: number; applied: number; bytes: number; items: number }> {
  const doc = new Y.Doc();
  const client = server.client(room, { doc });
  await within(client.synced, 30_000, 'cold client sync');
  const result = {
    received: client.step2At - client.createdAt,
    applied: client.syncedAt - client.createdAt,
    bytes: client.step2Bytes,
    items: itemIds(doc).length,
  };
  await closeAll([client]);
  doc.destroy();
  return result;
}

export async function coldLoad(ctx: BenchContext): Promise<ScenarioResult> {
  const reps = ctx.quick ? 1 : Math.max(ctx.reps, 5);
  const documents = [
    { label: '200 §§ of minutes', items: 200 },
    { label: '1,000-item stress document', items: 1000 },
  ];
  const figures: Record<string, unknown> = {};
  const sections: string[] = [
    '### 3. Cold load',
    '',
    'A meeting written through the sync protocol (the standard agenda plus the items), then the server ' +
      'restarted (graceful stop, same data directory); a new client opens it: ms from creating the socket ' +
      'to the whole state (sync step 2) having **arrived**, and to having **applied** it to a fresh Y.Doc ' +
      '(client work, the same for every server). Next a second meeting with the same document is opened ' +
      '(a cold room in a warmed-up process: the difference to the first is JIT warm-up of the server), ' +
      'then the first meeting again (warm: already in memory). ' +
      `Median of ${reps} restarts. The in-memory reference server cannot restart without losing the ` +
      'document, so it has warm figures only.',
  ];
  for (const document of documents) {
    const prepared = new Map<TargetName, Prepared>();
    for (const name of ctx.targets) prepared.set(name, await prepare(name, document.items));
    const runs = new Map<TargetName, ColdRun[]>();
    try {
      for (let rep = 0; rep < reps; rep += 1) {
        for (const [name, p] of prepared) {
          const restartable = p.anchors.length === 0;
          if (restartable) await p.server.restart();
          const cold = restartable ? await open(p.server, p.rooms[0]) : null;
          const roomCold = restartable ? await open(p.server, p.rooms[1]) : null;
          const warm = await open(p.server, p.rooms[0]);
          for (const opened of [cold, roomCold, warm]) {
            if (opened && opened.items !== p.items) {
              throw new Error(`${name}: expected ${p.items} items, got ${opened.items}`);
            }
          }
          const run: ColdRun = {
            coldReceived: cold?.received ?? Number.NaN,
            coldApplied: cold?.applied ?? Number.NaN,
            roomColdReceived: roomCold?.received ?? Number.NaN,
            warmReceived: warm.received,
            warmApplied: warm.applied,
            bytes: warm.bytes,
          };
          ctx.log(
            `  cold load ${document.items} items ${name} rep ${rep + 1}: cold ${fmt(run.coldReceived)} / ${fmt(run.coldApplied)} ms, room-cold ${fmt(run.roomColdReceived)} ms, warm ${fmt(run.warmReceived)} / ${fmt(run.warmApplied)} ms, ${kib(run.bytes)} KiB`,
          );
          runs.set(name, [...(runs.get(name) ?? []), run]);
        }
      }
    } finally {
      for (const p of prepared.values()) {
        await closeAll(p.anchors);
        await p.server.stop();
      }
    }
    const medians = new Map<TargetName, ColdRun>();
    for (const [name, list] of runs) {
      medians.set(name, {
        coldReceived: median(list.map((r) => r.coldReceived)),
        coldApplied: median(list.map((r) => r.coldApplied)),
        roomColdReceived: median(list.map((r) => r.roomColdReceived)),
        warmReceived: median(list.map((r) => r.warmReceived)),
        warmApplied: median(list.map((r) => r.warmApplied)),
        bytes: median(list.map((r) => r.bytes)),
      });
    }
    figures[document.items] = Object.fromEntries(medians);
    const rows = [...medians].map(([name, m]) => [
      targetLabels[name],
      fmt(m.coldReceived),
      fmt(m.coldApplied),
      fmt(m.roomColdReceived),
      fmt(m.warmReceived),
      fmt(m.warmApplied),
      kib(m.bytes),
    ]);
    const justera = medians.get('justera');
    if (justera) {
      for (const [name, m] of medians) {
        if (name.startsWith('justera')) continue;
        rows.push([
          `Justera / ${name}`,
          ratio(justera.coldReceived, m.coldReceived),
          ratio(justera.coldApplied, m.coldApplied),
          ratio(justera.roomColdReceived, m.roomColdReceived),
          ratio(justera.warmReceived, m.warmReceived),
          ratio(justera.warmApplied, m.warmApplied),
          '',
        ]);
      }
    }
    sections.push(
      '',
      `**${document.label}** (${document.items} items + the standard agenda)`,
      '',
      table(
        [
          'server',
          'cold: arrived (ms)',
          'cold: applied (ms)',
          'cold room, warm process: arrived (ms)',
          'warm: arrived (ms)',
          'warm: applied (ms)',
          'state KiB',
        ],
        rows,
      ),
    );
  }
  return { report: sections.join('\n'), figures };
}
