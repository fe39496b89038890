import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  /** http://127.0.0.1:<port> */
  url: string;
  /** ws://127.0.0.1:<port>/sync */
  syncUrl: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Everything the process printed, for assertions and for failure messages. */
  output: () => string;
  /** SIGTERM (or `signal`) and wait for exit; resolves with the exit code. */
  stop: (signal?: 'SIGTERM' | 'SIGINT') => Promise<number | null>;
  /** SIGKILL and wait for exit (a crash). */
  kill: () => Promise<void>;
}

export interface StartOptions {
  /** Reuse a data directory (for restarts); a fresh temporary one otherwise. */
  dataDir?: string;
  /** Extra environment variables (PORT defaults to 0: a free port). */
  env?: Record<string, string>;
  /** Keep the port of an earlier run (restart on the same address). */
  port?: number;
}

/** A fresh temporary data directory; removed by `removeDataDir`. */
export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'justera-test-'));
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Starts the real server (`server/src/main.ts`) as a child process, exactly as `npm start` does
 * minus the client build, and resolves once it logs that it listens.
 */
export async function startServerProcess(options: StartOptions = {}): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? makeDataDir();
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'server/src/main.ts')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(options.port ?? 0),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolveExit) => {
    child.once('exit', (code) => resolveExit(code));
  });

  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const onData = () => {
      const listening = findListeningPort(output);
      if (listening !== null) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolvePort(listening);
      }
    };
    child.stdout?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });

  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    port,
    dataDir,
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The port from the server's JSON `listening` log line, or null while it has not been logged. */
function findListeningPort(output: string): number | null {
  for (const line of output.split('\n')) {
    if (!line.includes('"msg":"listening"')) continue;
    const match = /"port":(\d+)/.exec(line);
    if (match?.[1]) return Number(match[1]);
  }
  return null;
}
