/**
 * What holds the objects a server made between two heap snapshots of the same process:
 * `node --import tsx bench/tools/heapRetainers.ts before.heapsnapshot after.heapsnapshot
 * [divisor] [top]` takes the objects of `after` whose ids are not in `before` (V8 keeps an
 * object's id across snapshots of one process), groups them by what they are and by the two
 * objects that retain them (`(array) <-_buffers- Array <-_receiver- SyncWebSocket`), and prints
 * each group's self size and count divided by `divisor`. heapDiff.ts says how much grew; this
 * says whose it is, which is what decides whether we can do without it.
 */
import { type HeapSnapshot, loadSnapshot, nodeLabel } from './heapSnapshot.ts';

function nodeIds(snap: HeapSnapshot): Set<number> {
  const ids = new Set<number>();
  for (let node = 0; node < snap.nodes.length; node += snap.nodeWidth) {
    ids.add(snap.nodes[node + snap.node.id] as number);
  }
  return ids;
}

const [beforeFile, afterFile, divisorArg, topArg] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error('usage: heapRetainers.ts before.heapsnapshot after.heapsnapshot [divisor] [top]');
  process.exit(2);
}
const existing = nodeIds(loadSnapshot(beforeFile));
const snap = loadSnapshot(afterFile);
const { nodes, edges, strings, nodeWidth, edgeWidth } = snap;
const label = (node: number) => nodeLabel(snap, node);

/** One retainer per node (an edge into it), preferring named edges over V8's hidden ones. */
const retainer = new Map<number, { from: number; edge: string; hidden: boolean }>();
let edge = 0;
for (let node = 0; node < nodes.length; node += nodeWidth) {
  const count = nodes[node + snap.node.edgeCount] as number;
  for (let k = 0; k < count; k += 1, edge += edgeWidth) {
    const type = snap.edgeTypes[edges[edge + snap.edge.type] as number];
    if (type === 'weak') continue;
    const to = edges[edge + snap.edge.toNode] as number;
    const nameOrIndex = edges[edge + snap.edge.nameOrIndex] as number;
    const name =
      type === 'element' || type === 'hidden' ? `[${nameOrIndex}]` : (strings[nameOrIndex] ?? '?');
    const known = retainer.get(to);
    if (known === undefined || (known.hidden && type !== 'hidden')) {
      retainer.set(to, { from: node, edge: name, hidden: type === 'hidden' });
    }
  }
}

const groups = new Map<string, { size: number; count: number }>();
for (let node = 0; node < nodes.length; node += nodeWidth) {
  if (existing.has(nodes[node + snap.node.id] as number)) continue;
  let path = label(node);
  let current = node;
  for (let level = 0; level < 2; level += 1) {
    const parent = retainer.get(current);
    if (parent === undefined) break;
    path += ` <-${parent.edge}- ${label(parent.from)}`;
    current = parent.from;
  }
  const group = groups.get(path) ?? { size: 0, count: 0 };
  group.size += nodes[node + snap.node.selfSize] as number;
  group.count += 1;
  groups.set(path, group);
}

const divisor = Number(divisorArg ?? 1);
const rows = [...groups].sort((a, b) => b[1].size - a[1].size);
const total = rows.reduce((sum, [, group]) => sum + group.size, 0);
console.log(`new objects: ${(total / divisor).toFixed(0)} bytes per unit (${divisor} units)`);
for (const [path, group] of rows.slice(0, Number(topArg ?? 40))) {
  console.log(
    `${(group.size / divisor).toFixed(1).padStart(9)} B ${(group.count / divisor).toFixed(2).padStart(7)}  ${path}`,
  );
}
