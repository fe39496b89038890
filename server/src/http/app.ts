import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Storage } from '../storage/storage.ts';
import { createErrorHandler, errorBody } from './errors.ts';
import { healthRoutes } from './health.ts';
import { staticClientRoutes } from './staticClient.ts';

export interface HttpAppDeps {
  config: Pick<Config, 'CLIENT_DIR'>;
  storage: Storage;
  logger: Logger;
}

/** The Hono application: health checks, the JSON API under /api, and the client. */
export function createHttpApp({ config, storage, logger }: HttpAppDeps): Hono {
  const app = new Hono();
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.onError(createErrorHandler(logger));
  app.route('/', healthRoutes(storage, logger));
  // Unknown API paths answer in the API's error shape, never with the client's index.html.
  app.all('/api/*', (c) => c.json(errorBody('not_found', `No route for ${c.req.path}`), 404));
  app.route('/', staticClientRoutes(config.CLIENT_DIR));
  return app;
}
