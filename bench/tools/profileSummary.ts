/**
 * Where a server's CPU time went: `node --import tsx bench/tools/profileSummary.ts <file.cpuprofile> [top]`
 * prints self time by function and by package (node_modules/<pkg>, the repository's own folders,
 * Node internals, GC/idle), from a profile written with `npm run bench -- --cpu-prof`.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: profileSummary.ts <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfTime = new Map<number, number>();
profile.samples.forEach((id, index) => {
  selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
});

function bucket(url: string, name: string): string {
  if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') return name;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  const own = /\/(server|shared|bench)\/(src\/)?([^/]+)/.exec(url);
  if (own) return `${own[1]}/${own[2] ?? ''}${own[3]}`;
  if (url.startsWith('node:') || url === '') return 'node internals';
  return url;
}

const byFunction = new Map<string, number>();
const byBucket = new Map<string, number>();
let total = 0;
let busy = 0;
for (const [id, time] of selfTime) {
  const node = byId.get(id);
  if (!node) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName || '(anonymous)';
  const key = `${name}  ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(server|shared|bench)\//, '$1/')}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + time);
  const group = bucket(url, name);
  byBucket.set(group, (byBucket.get(group) ?? 0) + time);
  total += time;
  if (name !== '(idle)') busy += time;
}

const ms = (us: number) => (us / 1000).toFixed(0).padStart(7);
const pct = (us: number) => `${((100 * us) / Math.max(1, busy)).toFixed(1).padStart(5)} %`;
console.log(`${file}: ${ms(total)} ms sampled, ${ms(busy)} ms busy (percentages of busy)`);
console.log('\nby package / folder');
for (const [name, time] of [...byBucket].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  if (name !== '(idle)') console.log(`${ms(time)} ms ${pct(time)}  ${name}`);
}
console.log('\nby function (self time)');
for (const [name, time] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  if (!name.startsWith('(idle)')) console.log(`${ms(time)} ms ${pct(time)}  ${name}`);
}
