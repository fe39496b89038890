import { Hono } from 'hono';
import type { Logger } from '../logger.ts';
import type { Storage } from '../storage/storage.ts';

/** Liveness (`/healthz`: the process answers) and readiness (`/readyz`: storage answers too). */
export function healthRoutes(storage: Storage, logger: Logger): Hono {
  const routes = new Hono();
  routes.get('/healthz', (c) => c.json({ status: 'ok' as const }));
  routes.get('/readyz', async (c) => {
    try {
      await storage.ping();
      return c.json({ status: 'ready' as const });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      return c.json({ status: 'unavailable' as const }, 503);
    }
  });
  return routes;
}
