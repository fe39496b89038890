/**
 * Preloaded into every server under test (`--expose-gc --import …/memHook.ts`): on SIGUSR2 it
 * collects garbage and writes process.memoryUsage() to $BENCH_MEM_FILE, so the load generator
 * reads memory figures that are not blurred by garbage waiting to be collected. Nothing else.
 */
import { renameSync, writeFileSync } from 'node:fs';

const file = process.env.BENCH_MEM_FILE;
if (file) {
  process.on('SIGUSR2', () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    writeFileSync(`${file}.tmp`, JSON.stringify(process.memoryUsage()));
    renameSync(`${file}.tmp`, file);
  });
}
