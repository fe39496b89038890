#!/usr/bin/env node
// Development: the API/sync server (tsx watch, restarts on change) and the Vite dev server (hot
// reload; proxies /api and /sync to the server, see vite.config.ts) side by side. Ctrl+C, or
// either process exiting, stops both.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '..');
const bin = (name) => join(repoRoot, 'node_modules/.bin', name);
const apiPort = process.env.JUSTERA_API_PORT ?? '8787';

const children = [];
let stopping = false;

function start(name, command, args, env) {
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`dev: ${name} exited (${signal ?? code}); stopping the other process`);
      stop(code ?? 1);
    }
  });
  child.on('error', (error) => {
    console.error(`dev: could not start ${name}: ${error.message}`);
    stop(1);
  });
  children.push(child);
  return child;
}

function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  for (const child of running) child.kill('SIGTERM');
  // Give them a moment to shut down cleanly (the server flushes storage), then insist.
  const force = setTimeout(() => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  }, 5000);
  force.unref();
  void Promise.all(running.map((child) => new Promise((done) => child.once('exit', done)))).then(
    () => process.exit(exitCode),
  );
  if (running.length === 0) process.exit(exitCode);
}

start('server', bin('tsx'), ['watch', 'server/src/main.ts'], {
  PORT: apiPort,
  NODE_ENV: process.env.NODE_ENV ?? 'development',
});
start('vite', bin('vite'), [], { JUSTERA_API_PORT: apiPort });

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => stop(0));
}
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});
