import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = `http://127.0.0.1:${process.env.JUSTERA_API_PORT ?? 8787}`;

export default defineConfig({
  root: 'client',
  plugins: [react()],
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
