/**
 * `npm run bench [-- --scenario fanout,rooms --quick --reps 3 --targets justera,hocuspocus
 *   --churn-seconds 20 --update-readme]`
 *
 * The load generator (this process) drives Justera, the y-websocket reference server and
 * Hocuspocus, each started as a separate process on 127.0.0.1, and prints one Markdown report.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchContext, ScenarioResult } from './lib/scenario.ts';
import { allTargets, defaultTargets, repoRoot, type TargetName } from './lib/servers.ts';
import { checkTargets } from './lib/targets.ts';
import { churn } from './scenarios/churn.ts';
import { coldLoad } from './scenarios/coldLoad.ts';
import { fanout } from './scenarios/fanout.ts';
import { manyRooms } from './scenarios/manyRooms.ts';
import { throughput } from './scenarios/throughput.ts';

const scenarios: Record<string, (ctx: BenchContext) => Promise<ScenarioResult>> = {
  fanout,
  rooms: manyRooms,
  cold: coldLoad,
  throughput,
  churn,
};
const aliases: Record<string, string> = {
  'fan-out': 'fanout',
  'many-rooms': 'rooms',
  manyrooms: 'rooms',
  'cold-load': 'cold',
  coldload: 'cold',
  write: 'throughput',
};

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', multiple: true },
    targets: { type: 'string' },
    quick: { type: 'boolean', default: false },
    reps: { type: 'string' },
    'churn-seconds': { type: 'string' },
    'fanout-clients': { type: 'string' },
    'relay-work-ms': { type: 'string' },
    'update-readme': { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(
    [
      'npm run bench -- [options]',
      `  --scenario <names>     comma-separated, default all: ${Object.keys(scenarios).join(', ')}`,
      `  --targets <names>      comma-separated, default ${defaultTargets.join(', ')} (also: justera-normal)`,
      '  --quick                shorter runs, 1 repetition (a smoke test, not figures)',
      '  --reps <n>             repetitions per measurement (default 3; cold load uses 5)',
      '  --churn-seconds <n>    length of the churn phase (default 60, as issue #7 asks; quick 5)',
      '  --fanout-clients <ns>  room sizes of the fan-out scenario (default 10,50,200; quick 10,50)',
      '  --relay-work-ms <ms>   fan-out: also run the relay floor busy for <ms> per update before forwarding',
      '  --update-readme        write the report into bench/README.md (between the markers)',
      '  --cpu-prof             servers write V8 CPU profiles to bench/results/profiles/',
    ].join('\n'),
  );
  process.exit(0);
}

const selected = (values.scenario ?? [])
  .flatMap((value) => value.split(','))
  .map((value) => value.trim().toLowerCase())
  .filter((value) => value !== '')
  .map((value) => aliases[value] ?? value);
for (const name of selected) {
  if (!(name in scenarios)) {
    console.error(`unknown scenario "${name}"; known: ${Object.keys(scenarios).join(', ')}`);
    process.exit(2);
  }
}
const scenarioNames = selected.length > 0 ? selected : Object.keys(scenarios);
const targets = (values.targets ?? defaultTargets.join(','))
  .split(',')
  .map((value) => value.trim())
  .filter((value) => value !== '') as TargetName[];
for (const target of targets) {
  if (!allTargets.includes(target)) {
    console.error(`unknown target "${target}"; known: ${allTargets.join(', ')}`);
    process.exit(2);
  }
}
const relayWorkMs = values['relay-work-ms'] === undefined ? null : Number(values['relay-work-ms']);
if (relayWorkMs !== null && !(relayWorkMs > 0 && relayWorkMs <= 100)) {
  console.error(
    `--relay-work-ms wants milliseconds between 0 and 100, got "${values['relay-work-ms']}"`,
  );
  process.exit(2);
}
const quick = values.quick === true;
const ctx: BenchContext = {
  targets,
  quick,
  reps: values.reps ? Number(values.reps) : quick ? 1 : 3,
  churnSeconds: values['churn-seconds'] ? Number(values['churn-seconds']) : quick ? 5 : 60,
  fanoutClients: values['fanout-clients']
    ? values['fanout-clients'].split(',').map(Number)
    : quick
      ? [10, 50]
      : [10, 50, 200],
  relayWorkMs,
  log: (line) => process.stderr.write(`${line}\n`),
};

function packageVersion(name: string): string {
  try {
    const pkg = JSON.parse(
      readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8'),
    ) as { version: string };
    return pkg.version;
  } catch {
    return '?';
  }
}

if (values['cpu-prof']) {
  const dir = join(repoRoot, 'bench', 'results', 'profiles', String(Date.now()));
  mkdirSync(dir, { recursive: true });
  process.env.BENCH_CPU_PROF_DIR = dir;
  console.error(`bench: CPU profiles go to ${dir}`);
}

const started = new Date();
const cores = cpus();
const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
const header = [
  `Run ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC with \`${command}\`` +
    (quick ? ' (quick mode: short runs, 1 repetition; not for comparison)' : ''),
  '',
  `Machine: ${cores.length} × ${cores[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
    `Node ${process.version}, load average at start ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}. ` +
    `**The load generator and the server under test share these ${cores.length} cores** ` +
    "(one process each, nothing pinned), so absolute figures include the load generator's own work; compare servers within one run.",
  '',
  `Servers: Justera (this repository; SQLite, WAL, synchronous=FULL, group commit), ` +
    `@y/websocket-server ${packageVersion('@y/websocket-server')} (in memory), ` +
    `@hocuspocus/server ${packageVersion('@hocuspocus/server')} with SQLite storage ` +
    `(extension-database ${packageVersion('@hocuspocus/extension-database')} + better-sqlite3, as extension-sqlite 4.x does); ` +
    `yjs ${packageVersion('yjs')}, ws ${packageVersion('ws')}. Each server runs as \`node --expose-gc --import tsx\` ` +
    'with a preload that reports memory after a forced GC on request.',
].join('\n');

console.error(
  `bench: ${scenarioNames.join(', ')} on ${targets.join(', ')}${quick ? ' (quick)' : ''}`,
);
const results: Record<string, ScenarioResult> = {};
const timings: string[] = [];
for (const name of scenarioNames) {
  const run = scenarios[name];
  if (!run) continue;
  const t0 = performance.now();
  ctx.log(`scenario ${name} …`);
  results[name] = await run(ctx);
  const seconds = (performance.now() - t0) / 1000;
  timings.push(`${name} ${seconds.toFixed(0)} s`);
  ctx.log(`scenario ${name} done in ${seconds.toFixed(0)} s`);
}

const targetReport = checkTargets(results, targets);
const totalSeconds = (Date.now() - started.getTime()) / 1000;
const report = [
  header,
  '',
  ...Object.values(results).map((result) => `${result.report}\n`),
  targetReport,
  '',
  `Total ${totalSeconds.toFixed(0)} s (${timings.join(', ')}).`,
].join('\n');

console.log(report);

const outDir = join(repoRoot, 'bench', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'latest.md'), `${report}\n`);
writeFileSync(
  join(outDir, 'latest.json'),
  `${JSON.stringify(
    {
      startedAt: started.toISOString(),
      command,
      quick,
      reps: ctx.reps,
      targets,
      figures: Object.fromEntries(
        Object.entries(results).map(([name, result]) => [name, result.figures]),
      ),
    },
    null,
    2,
  )}\n`,
);

if (values['update-readme']) {
  const readmePath = join(repoRoot, 'bench', 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const begin = '<!-- bench:results:begin -->';
  const end = '<!-- bench:results:end -->';
  const from = readme.indexOf(begin);
  const to = readme.indexOf(end);
  if (from === -1 || to === -1) {
    console.error('bench/README.md has no result markers; not updated');
  } else {
    writeFileSync(
      readmePath,
      `${readme.slice(0, from + begin.length)}\n${report}\n${readme.slice(to)}`,
    );
    console.error('bench/README.md updated');
  }
}
