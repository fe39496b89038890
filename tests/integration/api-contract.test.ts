import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRouteKey, apiRoutes } from '../../shared/api/routes.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

/** The subset of OpenAPI 3.1 the generator writes, with the rules a consumer relies on. */
const operationSchema = z.object({
  summary: z.string().min(1),
  parameters: z
    .array(
      z.object({
        name: z.string().min(1),
        in: z.literal('path'),
        required: z.literal(true),
        schema: z.object({ type: z.string() }),
      }),
    )
    .optional(),
  requestBody: z
    .object({
      required: z.boolean(),
      content: z.object({
        'application/json': z.object({ schema: z.record(z.string(), z.unknown()) }),
      }),
    })
    .optional(),
  responses: z
    .record(
      z.string().regex(/^([1-5]\d\d|default)$/),
      z.object({
        description: z.string(),
        content: z
          .object({ 'application/json': z.object({ schema: z.record(z.string(), z.unknown()) }) })
          .optional(),
      }),
    )
    .refine((responses) => Object.keys(responses).some((code) => /^2\d\d$/.test(code)), {
      message: 'an operation needs a success response',
    }),
  security: z.array(z.unknown()).optional(),
});
const openApiSchema = z.object({
  openapi: z.string().regex(/^3\.1\.\d+$/),
  info: z.object({ title: z.string().min(1), version: z.string().min(1) }),
  components: z.object({ securitySchemes: z.record(z.string(), z.object({ type: z.string() })) }),
  paths: z.record(
    z.string().startsWith('/'),
    z.partialRecord(z.enum(['get', 'post', 'put', 'patch', 'delete']), operationSchema),
  ),
});

describe('the route table is the API', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.destroy();
  });

  it('registers exactly the routes of the table, no more and no fewer', () => {
    const registered = new Set(
      server.server.app.routes
        // The API's middleware (CSRF, authentication, no-store) and its catch-all 404 are the
        // ALL entries on /api/*; any other entry under /api is a route and must be in the table.
        .filter((route) => route.path.startsWith('/api/'))
        .filter((route) => !(route.method === 'ALL' && route.path === '/api/*'))
        .map((route) => `${route.method.toLowerCase()} ${route.path}`),
    );
    const table = new Set(apiRoutes.map(apiRouteKey));
    expect(table.size).toBe(apiRoutes.length);
    expect([...registered].filter((key) => !table.has(key))).toEqual([]);
    expect([...table].filter((key) => !registered.has(key))).toEqual([]);
  });

  it('serves a valid OpenAPI document at /api/openapi.json that lists every route of the table', async () => {
    const response = await new ApiClient(server.url).request('GET', '/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const document = openApiSchema.parse(response.body);
    const operations: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        operations.push(`${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
        // Every {param} of the path is declared, and nothing else.
        const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
        expect({ path, params: (operation.parameters ?? []).map((p) => p.name) }).toEqual({
          path,
          params: inPath,
        });
      }
    }
    expect(operations.sort()).toEqual(apiRoutes.map(apiRouteKey).sort());
    for (const route of apiRoutes) {
      const operation = document.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method];
      expect(operation?.responses[String(route.status)], apiRouteKey(route)).toBeDefined();
      expect(Boolean(operation?.requestBody), apiRouteKey(route)).toBe(Boolean(route.request));
      expect(Boolean(operation?.responses[String(route.status)]?.content), apiRouteKey(route)).toBe(
        Boolean(route.response),
      );
    }
    // Public routes say so; the rest inherit the document's session/bearer requirement.
    const signup = document.paths['/api/auth/signup']?.post;
    expect(signup?.security).toEqual([]);
    expect(document.paths['/api/boards']?.get?.security).toBeUndefined();
  });
});
