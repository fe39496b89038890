import { z } from 'zod';
import { apiErrorSchema } from '../../../shared/api/errors.ts';
import { apiRoutes } from '../../../shared/api/routes.ts';
import type { ApiHandlers } from './apiRouter.ts';

/** OpenAPI 3.1 description of the API, generated from the route table and its zod schemas. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorResponse = {
    content: { 'application/json': { schema: z.toJSONSchema(apiErrorSchema) } },
  };
  for (const route of apiRoutes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [...route.path.matchAll(/:(\w+)/g)].map((match) => ({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[route.method] = {
      summary: route.summary,
      ...(route.scope === 'public' || route.scope === 'invitation' ? { security: [] } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.request
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: z.toJSONSchema(route.request, { io: 'input' }) },
              },
            },
          }
        : {}),
      responses: {
        [String(route.status)]: route.response
          ? {
              description: 'OK',
              content: { 'application/json': { schema: z.toJSONSchema(route.response) } },
            }
          : { description: 'OK' },
        default: { description: 'Error', ...errorResponse },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Justera API', version: '1' },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'justera_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
    security: [{ session: [] }, { bearer: [] }],
    paths,
  };
}

/** GET /api/openapi.json, built once. */
export function openApiHandlers() {
  const document = buildOpenApiDocument();
  return {
    'get /api/openapi.json': (c) => c.json(document),
  } satisfies Partial<ApiHandlers>;
}
