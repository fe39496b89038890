import { Hono } from 'hono';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ApiEnv } from '../../../server/src/http/apiContext.ts';
import { registerApiRoutes } from '../../../server/src/http/apiRouter.ts';
import { createErrorHandler } from '../../../server/src/http/errors.ts';
import type { ApiRoute } from '../../../shared/api/routes.ts';

const route: ApiRoute = {
  method: 'get',
  path: '/api/things/:thingId',
  summary: 'A thing',
  scope: 'public',
  status: 200,
  response: z.object({ id: z.string(), name: z.string() }),
};

/** A one-route app whose handler answers `body` with `status`, as the API registers it. */
function appAnswering(body: unknown, status = 200, validateResponses = true) {
  const lines: string[] = [];
  const logger = pino({ level: 'error' }, { write: (line: string) => lines.push(line) });
  const app = new Hono<ApiEnv>();
  app.onError(createErrorHandler(logger));
  registerApiRoutes(
    app,
    { 'get /api/things/:thingId': (c) => c.json(body as object, status as 200) },
    { validateResponses, logger, routes: [route] },
  );
  return { app, lines };
}

describe('responses are checked against the route table in development and test', () => {
  it('passes a response that matches the schema', async () => {
    const { app } = appAnswering({ id: 't1', name: 'Protokoll' });
    const response = await app.request('/api/things/t1');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 't1', name: 'Protokoll' });
  });

  it('turns a response missing a field into a 500 and logs which field', async () => {
    const { app, lines } = appAnswering({ id: 't1' });
    const response = await app.request('/api/things/t1');
    expect(response.status).toBe(500);
    expect(lines.join('\n')).toContain('name');
    expect(lines.join('\n')).toContain('get /api/things/:thingId');
  });

  it('refuses a field the schema does not declare, such as a leaked password hash', async () => {
    const { app, lines } = appAnswering({ id: 't1', name: 'x', passwordHash: 'scrypt$…' });
    expect((await app.request('/api/things/t1')).status).toBe(500);
    expect(lines.join('\n')).toContain('passwordHash: not declared');
  });

  it('refuses a success status other than the one the table documents', async () => {
    const { app, lines } = appAnswering({ id: 't1', name: 'x' }, 201);
    expect((await app.request('/api/things/t1')).status).toBe(500);
    expect(lines.join('\n')).toContain('status 201, the table says 200');
  });

  it('does not check in production, where the handler is registered as it is', async () => {
    const { app } = appAnswering({ id: 't1' }, 200, false);
    expect((await app.request('/api/things/t1')).status).toBe(200);
  });

  it('refuses to start with a table entry that has no handler, or a handler without an entry', () => {
    const logger = pino({ level: 'silent' });
    expect(() =>
      registerApiRoutes(
        new Hono<ApiEnv>(),
        {},
        { validateResponses: true, logger, routes: [route] },
      ),
    ).toThrow('no handler for get /api/things/:thingId');
    expect(() =>
      registerApiRoutes(
        new Hono<ApiEnv>(),
        {
          'get /api/things/:thingId': (c) => c.json({}),
          'get /api/other': (c) => c.json({}),
        },
        { validateResponses: true, logger, routes: [route] },
      ),
    ).toThrow('handler for get /api/other, which is not in the route table');
  });
});
