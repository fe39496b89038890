/**
 * Which objects a server keeps per connection or room: `node --import tsx bench/tools/heapDiff.ts
 * before.heapsnapshot after.heapsnapshot [divisor] [top]` prints the growth of live objects by
 * constructor name (count and self size), divided by `divisor` (e.g. the number of connections
 * added between the two snapshots). Snapshots: start a server with
 * `--heapsnapshot-signal=SIGPWR` (NODE_OPTIONS) and send the signal.
 */
import { loadSnapshot, nodeLabel } from './heapSnapshot.ts';

function aggregate(file: string): Map<string, { count: number; size: number }> {
  const snap = loadSnapshot(file);
  const out = new Map<string, { count: number; size: number }>();
  for (let node = 0; node < snap.nodes.length; node += snap.nodeWidth) {
    const name = nodeLabel(snap, node);
    const entry = out.get(name) ?? { count: 0, size: 0 };
    entry.count += 1;
    entry.size += snap.nodes[node + snap.node.selfSize] as number;
    out.set(name, entry);
  }
  return out;
}

const [beforeFile, afterFile, divisorArg, topArg] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error('usage: heapDiff.ts before.heapsnapshot after.heapsnapshot [divisor] [top]');
  process.exit(2);
}
const divisor = Number(divisorArg ?? 1);
const before = aggregate(beforeFile);
const after = aggregate(afterFile);
const rows: { name: string; count: number; size: number }[] = [];
for (const [name, entry] of after) {
  const base = before.get(name) ?? { count: 0, size: 0 };
  rows.push({ name, count: entry.count - base.count, size: entry.size - base.size });
}
rows.sort((a, b) => b.size - a.size);
const total = rows.reduce((sum, row) => sum + row.size, 0);
console.log(`growth ${(total / divisor).toFixed(0)} bytes per unit (${divisor} units)`);
for (const row of rows.slice(0, Number(topArg ?? 30))) {
  console.log(
    `${(row.size / divisor).toFixed(0).padStart(8)} B ${(row.count / divisor).toFixed(2).padStart(8)} objects  ${row.name}`,
  );
}
