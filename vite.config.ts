import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { type Plugin, transformWithOxc } from 'vite';
import { defineConfig } from 'vitest/config';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = `http://127.0.0.1:${process.env.JUSTERA_API_PORT ?? 8787}`;

/**
 * Emits /sw.js (client/serviceWorker.ts, transpiled) with the build's file list to precache and a version
 * derived from it: the app shell then survives an offline reload (see the README, "Offline").
 */
function serviceWorker(): Plugin {
  return {
    name: 'justera-service-worker',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((name) => !name.endsWith('.map') && name !== 'index.html')
        .sort()
        .map((name) => `/${name}`);
      // public/ files are copied outside the bundle.
      const precache = ['/', '/favicon.svg', ...files];
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 16);
      const file = `${repoRoot}client/serviceWorker.ts`;
      const script = await transformWithOxc(readFileSync(file, 'utf8'), file, { target: 'es2022' });
      // A service worker is a classic script: the `export {}` that keeps the file a module for
      // the type checker goes.
      const source = script.code
        .replace(/^export \{\s*\};?\s*$/m, '')
        .replace(/\[\s*["']__PRECACHE__["']\s*\]/, JSON.stringify(precache))
        .replace(/["']__VERSION__["']/, JSON.stringify(version));
      if (source.includes('__PRECACHE__') || source.includes('__VERSION__')) {
        throw new Error('serviceWorker.ts: the build could not fill in its file list');
      }
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

export default defineConfig({
  root: 'client',
  plugins: [react(), serviceWorker()],
  // One Yjs instance only: two copies break `instanceof` checks inside y-tiptap and Yjs warns.
  resolve: { dedupe: ['yjs', 'y-protocols', 'lib0'] },
  build: {
    outDir: `${repoRoot}dist/client`,
    emptyOutDir: true,
    sourcemap: true,
    // The meeting workspace (Tiptap, ProseMirror, Yjs: about 600 kB, 190 kB gzipped) is one lazy
    // chunk loaded only on /m/<id>; the start page does not wait for it.
    chunkSizeWarningLimit: 800,
  },
  server: {
    // The backend owns these paths; Vite only serves the client during development.
    proxy: {
      '/api': { target: apiTarget },
      '/healthz': { target: apiTarget },
      '/readyz': { target: apiTarget },
      '/sync': { target: apiTarget, ws: true },
    },
  },
  test: {
    // `root: 'client'` above is for the app; tests live at the repository root.
    root: repoRoot,
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30000,
    hookTimeout: 60000,
  },
});
