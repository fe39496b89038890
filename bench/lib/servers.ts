/**
 * The three servers under test, each started as its own Node process (the load generator is
 * another process), on 127.0.0.1, with a fresh data directory.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BenchClient, type ClientOptions } from './protocol.ts';

export const repoRoot = resolve(import.meta.dirname, '../..');

export type TargetName =
  | 'justera'
  | 'justera-normal'
  | 'y-websocket'
  | 'hocuspocus'
  | 'relay'
  | 'relay-busy';
/** The servers a run compares by default. */
export const defaultTargets: TargetName[] = ['justera', 'y-websocket', 'hocuspocus'];
/** Also accepted: Justera with SQLITE_SYNCHRONOUS=normal, to see what the fsync per commit costs. */
export const allTargets: TargetName[] = [...defaultTargets, 'justera-normal'];
/**
 * The servers a Justera figure is held against. The relay (servers/relay.ts) is not one: the
 * fan-out scenario runs it as a floor, to show what is left when a server does no work at all.
 */
export function isReference(name: TargetName): boolean {
  return name === 'y-websocket' || name === 'hocuspocus';
}

export const targetLabels: Record<TargetName, string> = {
  justera: 'Justera (SQLite, FULL)',
  'justera-normal': 'Justera (SQLite, NORMAL)',
  'y-websocket': 'y-websocket (memory)',
  hocuspocus: 'Hocuspocus (SQLite)',
  relay: 'relay floor (no doc, no checks)',
  'relay-busy': 'relay + busy work per update',
};

export interface MemorySample {
  /** VmRSS of the server process, read from /proc after a forced GC. */
  rss: number;
  heapUsed: number;
  /** V8 heap reserved (used + free space in its pages). */
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

/** Extra environment for Justera so that the load is not refused by its per-connection limits. */
const justeraLoadEnv = {
  MAX_UPDATES_PER_SECOND: '100000',
  UPDATE_BURST: '1000000',
  MAX_CONNECTIONS: '100000',
  MAX_ROOMS: '100000',
  BEARER_TOKEN_TTL_MS: String(24 * 60 * 60 * 1000),
};

export interface StartOptions {
  /** Extra environment for the server (e.g. ROOM_IDLE_MS for Justera). */
  env?: Record<string, string>;
}

/** A running server under test. */
export class TargetServer {
  private child: ChildProcess | null = null;
  private output = '';
  port = 0;
  private cookie = '';
  private boardId = '';
  private token = '';
  private readonly memFile: string;

  private constructor(
    readonly name: TargetName,
    readonly dataDir: string,
    private readonly options: StartOptions,
  ) {
    this.memFile = join(dataDir, 'bench-mem.json');
  }

  static async start(name: TargetName, options: StartOptions = {}): Promise<TargetServer> {
    const dataDir = mkdtempSync(join(tmpdir(), `bench-${name}-`));
    const server = new TargetServer(name, dataDir, options);
    await server.launch();
    if (server.isJustera) await server.setUpAccount();
    return server;
  }

  get label(): string {
    return targetLabels[this.name];
  }

  get pid(): number {
    return this.child?.pid ?? 0;
  }

  get isJustera(): boolean {
    return this.name === 'justera' || this.name === 'justera-normal';
  }

  /** Justera's rooms come with the standard agenda; the references' rooms start empty. */
  get roomsPreloaded(): boolean {
    return this.isJustera;
  }

  /**
   * `count` rooms. Justera: meetings created through the API (each holds the standard agenda).
   * The references have no API: rooms are names, filled by their first client.
   */
  async createRooms(count: number): Promise<string[]> {
    if (!this.isJustera) {
      const prefix = `room-${Math.random().toString(36).slice(2, 8)}`;
      return Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
    }
    const ids: string[] = new Array(count);
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const index = next;
        next += 1;
        const meeting = await this.api<{ id: string }>(
          'POST',
          `/api/boards/${this.boardId}/meetings`,
          { title: `Styrelsemöte ${index + 1}`, kind: 'board', date: '2026-11-27' },
        );
        ids[index] = meeting.id;
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    return ids;
  }

  /** A client of `room`, speaking this server's framing and authentication. */
  client(room: string, extra: Partial<ClientOptions> = {}): BenchClient {
    const base = `ws://127.0.0.1:${this.port}`;
    switch (this.name) {
      case 'justera':
      case 'justera-normal':
        return new BenchClient({
          url: `${base}/sync/${room}?token=${encodeURIComponent(this.token)}`,
          framing: 'y-websocket',
          ...extra,
        });
      case 'y-websocket':
      case 'relay':
      case 'relay-busy':
        return new BenchClient({ url: `${base}/${room}`, framing: 'y-websocket', ...extra });
      case 'hocuspocus':
        return new BenchClient({
          url: base,
          framing: 'hocuspocus',
          documentName: room,
          token: 'bench',
          ...extra,
        });
    }
  }

  /** Memory of the server process after a forced full GC (see servers/memHook.ts). */
  async memory(): Promise<MemorySample> {
    if (existsSync(this.memFile)) unlinkSync(this.memFile);
    this.child?.kill('SIGUSR2');
    const deadline = performance.now() + 10_000;
    while (!existsSync(this.memFile)) {
      if (performance.now() > deadline) throw new Error(`${this.name}: no memory sample`);
      await sleep(20);
    }
    const usage = JSON.parse(readFileSync(this.memFile, 'utf8')) as NodeJS.MemoryUsage;
    return {
      rss: this.rssNow(),
      heapUsed: usage.heapUsed,
      heapTotal: usage.heapTotal,
      external: usage.external,
      arrayBuffers: usage.arrayBuffers,
    };
  }

  /** VmRSS of the server process right now, in bytes. */
  rssNow(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match?.[1] ? Number(match[1]) * 1024 : 0;
  }

  /** CPU time (user + system) the server process has used, in seconds. */
  cpuSeconds(): number {
    const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[11] = utime, fields[12] = stime (clock ticks; 100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  }

  /**
   * Stop and start again on the same data: SIGTERM is a graceful stop (the server stores what it
   * keeps in memory), SIGKILL a crash (only what it had already stored survives).
   */
  async restart(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    await this.terminate(signal);
    await this.launch();
    if (this.isJustera) await this.refreshToken();
  }

  async stop(): Promise<void> {
    await this.terminate();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async launch(): Promise<void> {
    this.output = '';
    const port = await freePort();
    // BENCH_JUSTERA_ENTRY: measure another checkout's server (e.g. a branch) with the same bench.
    const justeraEntry = process.env.BENCH_JUSTERA_ENTRY ?? 'server/src/main.ts';
    const script = {
      justera: justeraEntry,
      'justera-normal': justeraEntry,
      'y-websocket': 'bench/servers/ywebsocket.ts',
      hocuspocus: 'bench/servers/hocuspocus.ts',
      relay: 'bench/servers/relay.ts',
      'relay-busy': 'bench/servers/relay.ts',
    }[this.name];
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: this.dataDir,
      BENCH_MEM_FILE: this.memFile,
      ...(this.isJustera
        ? {
            NODE_ENV: 'production',
            SQLITE_SYNCHRONOUS: this.name === 'justera' ? 'full' : 'normal',
            LOG_LEVEL: 'warn',
            ...justeraLoadEnv,
          }
        : { NODE_ENV: 'production' }),
      ...this.options.env,
    };
    // `--cpu-prof`: every server process writes a V8 CPU profile there when it exits.
    const profileDir = process.env.BENCH_CPU_PROF_DIR;
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
        '--import',
        'tsx',
        '--import',
        join(repoRoot, 'bench/servers/memHook.ts'),
        resolve(repoRoot, script),
      ],
      { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    });
    const deadline = performance.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${this.name} exited before listening:\n${this.output}`);
      }
      if (performance.now() > deadline)
        throw new Error(`${this.name} did not start:\n${this.output}`);
      if (await isListening(port)) break;
      await sleep(25);
    }
    this.port = port;
  }

  private async terminate(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }

  /** Output of the server process (last 20 kB), for error messages. */
  get log(): string {
    return this.output;
  }

  private async setUpAccount(): Promise<void> {
    const signup = await fetch(`http://127.0.0.1:${this.port}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'bench@example.se',
        password: 'bänk mätning 2026 ok',
        name: 'Bench Sekreterare',
      }),
    });
    if (signup.status !== 201) throw new Error(`signup: ${signup.status} ${await signup.text()}`);
    this.cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const board = await this.api<{ id: string }>('POST', '/api/boards', {
      name: 'Bench',
      organisation: 'Bench',
    });
    this.boardId = board.id;
    await this.refreshToken();
  }

  private async refreshToken(): Promise<void> {
    this.token = (await this.api<{ token: string }>('POST', '/api/auth/tokens')).token;
  }

  private async api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`http://127.0.0.1:${this.port}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

async function isListening(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      signal: AbortSignal.timeout(1000),
    });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}
