import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/**
 * Serves the built single-page client from `clientDir`; any other GET falls back to index.html so
 * client-side routes (`/m/<meetingId>`) survive a reload.
 */
export function staticClientRoutes(clientDir: string): Hono {
  const routes = new Hono();
  const indexPath = join(clientDir, 'index.html');
  // serveStatic resolves `root` against the working directory.
  const root = relative(process.cwd(), clientDir) || '.';
  if (!existsSync(indexPath)) {
    // Development (Vite serves the client) or a server started before `npm run build`.
    routes.get('*', (c) =>
      c.text('The client is not built yet: run `npm run build` (npm start does it).', 503),
    );
    return routes;
  }
  routes.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_path, c) => {
        // File names under assets/ carry a content hash.
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  routes.use('*', serveStatic({ root }));
  routes.get('*', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(indexPath, 'utf8'));
  });
  return routes;
}
