import { afterEach, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../server/src/export/docx.ts';
import { renderPdf } from '../../../server/src/export/pdf.ts';
import { buildProtocol, type Protocol } from '../../../server/src/export/protocol.ts';
import { ExportRenderer } from '../../../server/src/export/renderThread.ts';
import { readMeeting } from '../../../shared/doc/index.ts';
import { buildSample, nns2020 } from '../../fixtures/samples/index.ts';
import { docxText } from '../../helpers/documents.ts';

const protocol = buildProtocol(readMeeting(buildSample(nns2020).ydoc), {
  kind: 'minutes',
  organ: 'Styrelsen',
  signatures: [{ role: 'chair', name: 'Anna Ordförande', signedAt: '2026-11-27 10:00' }],
  adjustedOn: '2026-11-27',
  posting: null,
});
const producedAt = new Date('2026-11-27T10:00:00Z');

let renderer: ExportRenderer | null = null;
afterEach(async () => {
  await renderer?.close();
  renderer = null;
});

describe('ExportRenderer', () => {
  it('renders the same PDF bytes as the renderer in-process, and the same Word text', async () => {
    renderer = new ExportRenderer();
    const offThread = await renderer.renderPdf(protocol, producedAt);
    expect(Buffer.compare(offThread, await renderPdf(protocol, producedAt))).toBe(0);
    const word = await renderer.renderDocx(protocol);
    expect(docxText(word).text).toBe(docxText(await renderDocx(protocol)).text);
  }, 30_000);

  it('keeps the event loop free while it renders', async () => {
    renderer = new ExportRenderer();
    await renderer.renderPdf(protocol, producedAt); // the worker's start-up is not measured
    let last = performance.now();
    let longestGap = 0;
    let ticks = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks += 1;
    }, 5);
    const started = performance.now();
    await renderer.renderPdf(protocol, producedAt);
    const took = performance.now() - started;
    clearInterval(ticker);
    // In-process the render (hundreds of ms) would be one long gap with no tick in it.
    expect(ticks).toBeGreaterThan(took / 50);
    expect(longestGap).toBeLessThan(Math.max(100, took / 2));
  }, 30_000);

  it('refuses a protocol it cannot render with a clear error, and renders the next one', async () => {
    renderer = new ExportRenderer();
    const broken = null as unknown as Protocol;
    await expect(renderer.renderPdf(broken, producedAt)).rejects.toThrow(/^export failed: /);
    const pdf = await renderer.renderPdf(protocol, producedAt);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }, 30_000);

  it('lets its worker go when idle and starts a new one for the next export', async () => {
    renderer = new ExportRenderer(50);
    await renderer.renderDocx(protocol);
    expect(renderer.running).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(renderer.running).toBe(false);
    const pdf = await renderer.renderPdf(protocol, producedAt);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }, 30_000);

  it('refuses exports still running when it is closed', async () => {
    renderer = new ExportRenderer();
    const pending = renderer.renderPdf(protocol, producedAt);
    await renderer.close();
    await expect(pending).rejects.toThrow('the export renderer was closed');
  }, 30_000);
});
