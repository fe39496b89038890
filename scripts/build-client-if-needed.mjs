#!/usr/bin/env node
// Builds the client with `vite build` only when dist/client is missing or older than its sources
// (client/, shared/, vite.config.ts, package-lock.json), so `npm start` stays fast when nothing
// changed and never serves a stale build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '..');
const builtIndex = join(repoRoot, 'dist/client/index.html');
const sources = ['client', 'shared', 'vite.config.ts', 'package-lock.json'];

/** The newest modification time (ms) under `path`, and the file that has it. */
function newest(path) {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats === undefined) return { mtime: 0, file: null };
  if (!stats.isDirectory()) return { mtime: stats.mtimeMs, file: path };
  let best = { mtime: stats.mtimeMs, file: path };
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const candidate = newest(join(path, entry.name));
    if (candidate.mtime > best.mtime) best = candidate;
  }
  return best;
}

function reasonToBuild() {
  if (!existsSync(builtIndex)) return 'dist/client/index.html is missing';
  const builtAt = statSync(builtIndex).mtimeMs;
  for (const source of sources) {
    const { mtime, file } = newest(join(repoRoot, source));
    if (mtime > builtAt) return `${file.slice(repoRoot.length + 1)} changed since the last build`;
  }
  return null;
}

const reason = reasonToBuild();
if (reason === null) {
  console.log('client build is up to date');
  process.exit(0);
}
console.log(`building the client: ${reason}`);
const vite = join(repoRoot, 'node_modules/.bin/vite');
const result = spawnSync(vite, ['build', '--logLevel', 'warn'], {
  cwd: repoRoot,
  stdio: 'inherit',
});
if (result.error) {
  console.error(`could not run vite: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
