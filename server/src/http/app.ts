import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { ServerMetrics } from '../metrics.ts';
import type { Storage } from '../storage/storage.ts';
import { type ApiDeps, type ApiEnv, authenticate } from './apiContext.ts';
import { type ApiHandlers, registerApiRoutes } from './apiRouter.ts';
import { authHandlers } from './authRoutes.ts';
import { boardHandlers } from './boardRoutes.ts';
import { csrfGuard } from './csrf.ts';
import { createErrorHandler, errorBody } from './errors.ts';
import { healthRoutes } from './health.ts';
import { historyHandlers } from './historyRoutes.ts';
import { lifecycleHandlers } from './lifecycleRoutes.ts';
import { meetingHandlers } from './meetingRoutes.ts';
import { metricsRoutes } from './metricsRoute.ts';
import { openApiHandlers } from './openapi.ts';
import { registerHandlers } from './registerRoutes.ts';
import { staticClientRoutes } from './staticClient.ts';

export interface HttpAppDeps {
  config: Pick<Config, 'CLIENT_DIR' | 'METRICS_TOKEN'>;
  storage: Storage;
  logger: Logger;
  metrics: ServerMetrics;
  api: ApiDeps;
}

/** The Hono application: health checks, the JSON API under /api, and the client. */
export function createHttpApp({ config, storage, logger, metrics, api }: HttpAppDeps): Hono {
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
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    // The path only, never the query string: socket and script URLs may carry tokens.
    logger.debug(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  app.route('/', healthRoutes(storage, logger));
  app.route('/', metricsRoutes(metrics, config.METRICS_TOKEN));
  app.route('/', apiRoutesOf(api, logger));
  // Unknown API paths answer in the API's error shape, never with the client's index.html.
  app.all('/api/*', (c) => c.json(errorBody('not_found', `No route for ${c.req.path}`), 404));
  app.route('/', staticClientRoutes(config.CLIENT_DIR));
  return app;
}

/**
 * Everything under /api: CSRF guard and authentication first, then the routes of the table in
 * shared/api/routes.ts, each with its handler from one file per resource.
 */
function apiRoutesOf(deps: ApiDeps, logger: Logger): Hono<ApiEnv> {
  const api = new Hono<ApiEnv>();
  api.use('/api/*', csrfGuard());
  api.use('/api/*', authenticate(deps.sessions));
  api.use('/api/*', async (c, next) => {
    await next();
    // Responses carry personal data and session state: never cache them.
    c.header('Cache-Control', 'no-store');
  });
  // Spelled out as ApiHandlers so the compiler names a table entry without a handler.
  const handlers: ApiHandlers = {
    ...openApiHandlers(),
    ...authHandlers(deps),
    ...boardHandlers(deps),
    ...meetingHandlers(deps),
    ...lifecycleHandlers(deps),
    ...historyHandlers(deps),
    ...registerHandlers(deps),
  };
  registerApiRoutes(api, handlers, {
    validateResponses: deps.config.NODE_ENV !== 'production',
    logger,
  });
  return api;
}
