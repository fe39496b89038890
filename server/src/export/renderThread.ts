import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Protocol } from './protocol.ts';

type Format = 'pdf' | 'docx';

interface Job {
  resolve: (bytes: Buffer) => void;
  reject: (error: Error) => void;
}

type Reply =
  | { id: number; ok: true; bytes: Uint8Array }
  | { id: number; ok: false; message: string };

/**
 * Renders PDF and DOCX exports in a worker thread.
 *
 * pdfkit lays out and subsets fonts synchronously: one PDF of a sample protocol held the event
 * loop for about 0.5 s, and with it every live meeting this process serves (no update is
 * received, stored or broadcast meanwhile). The worker takes that off the loop. It starts at the
 * first export, serves exports one after another in the order asked, and exits after `idleMs`
 * without work, so that the renderers' memory (pdfkit, its fonts, docx: some 25 MiB) is held only
 * while exports are being made. The bytes are those of the same renderers in-process: the
 * protocol is plain data and `producedAt` travels as a number, so signed PDFs keep their hash.
 *
 * The worker is a few lines of plain JavaScript evaluated in the thread, which registers tsx to
 * load the renderers' TypeScript (Node 20 cannot start a worker from a TypeScript file).
 */
export class ExportRenderer {
  private worker: Worker | null = null;
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly idleMs = 60_000) {}

  /** True while the worker thread exists (between the first export and the idle exit). */
  get running(): boolean {
    return this.worker !== null;
  }

  renderPdf(protocol: Protocol, producedAt: Date): Promise<Buffer> {
    return this.render('pdf', protocol, producedAt.getTime());
  }

  renderDocx(protocol: Protocol): Promise<Buffer> {
    return this.render('docx', protocol, 0);
  }

  /** Stops the worker; exports still running are refused. */
  async close(): Promise<void> {
    this.clearIdleTimer();
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
    this.failAll(new Error('the export renderer was closed'));
  }

  private render(format: Format, protocol: Protocol, producedAt: number): Promise<Buffer> {
    this.clearIdleTimer();
    const worker = this.worker ?? this.start();
    const id = this.nextId;
    this.nextId += 1;
    return new Promise<Buffer>((resolve, reject) => {
      this.jobs.set(id, { resolve, reject });
      worker.postMessage({ id, format, protocol, producedAt });
    });
  }

  private start(): Worker {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: {
        tsxApi: tsxEsmApi(),
        pdf: new URL('./pdf.ts', import.meta.url).href,
        docx: new URL('./docx.ts', import.meta.url).href,
      },
    });
    // The worker alone must not keep a stopping process alive: an export waits on it from an
    // HTTP request, whose socket does.
    worker.unref();
    worker.on('message', (reply: Reply) => this.settle(reply));
    worker.on('error', (error) => this.stopped(worker, error));
    worker.on('exit', (code) =>
      this.stopped(worker, new Error(`the export renderer stopped (exit code ${code})`)),
    );
    this.worker = worker;
    return worker;
  }

  private settle(reply: Reply): void {
    const job = this.jobs.get(reply.id);
    if (!job) return;
    this.jobs.delete(reply.id);
    if (reply.ok) {
      job.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
    } else {
      job.reject(new Error(`export failed: ${reply.message}`));
    }
    if (this.jobs.size === 0) this.scheduleIdleExit();
  }

  /** A worker that died takes its jobs with it; the next export starts a new one. */
  private stopped(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.clearIdleTimer();
    this.failAll(error);
  }

  private failAll(error: Error): void {
    const jobs = [...this.jobs.values()];
    this.jobs.clear();
    for (const job of jobs) job.reject(error);
  }

  private scheduleIdleExit(): void {
    this.clearIdleTimer();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      const worker = this.worker;
      if (worker === null || this.jobs.size > 0) return;
      this.worker = null;
      void worker.terminate();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

/**
 * The ES module build of tsx's register API, as a file URL: `require.resolve` would give its
 * CommonJS build, which looks for its loader at a path that does not exist (tsx 4.23).
 */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const entry = manifest.exports['./esm/api']?.import.default;
  if (!entry) throw new Error('tsx has no ES module register API');
  return pathToFileURL(join(dirname(manifestPath), entry)).href;
}

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const registered = import(workerData.tsxApi).then((api) => api.register());
const renderers = {};
const load = (format) => (renderers[format] ??= registered.then(() => import(workerData[format])));
let queue = Promise.resolve();
parentPort.on('message', (job) => {
  queue = queue.then(async () => {
    try {
      const module = await load(job.format);
      const bytes = job.format === 'pdf'
        ? await module.renderPdf(job.protocol, new Date(job.producedAt))
        : await module.renderDocx(job.protocol);
      const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      parentPort.postMessage({ id: job.id, ok: true, bytes: view });
    } catch (error) {
      parentPort.postMessage({ id: job.id, ok: false, message: String(error && error.message || error) });
    }
  });
});
`;
