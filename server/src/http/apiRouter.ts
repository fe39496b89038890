import type { Handler, Hono } from 'hono';
import {
  type ApiRoute,
  type ApiRouteKey,
  apiRouteKey,
  apiRoutes,
} from '../../../shared/api/routes.ts';
import type { Logger } from '../logger.ts';
import type { ApiEnv } from './apiContext.ts';

type PathOf<K extends string> = K extends `${string} ${infer P}` ? P : never;

/** One handler per route of the table, its path parameters typed from the table's path. */
export type ApiHandlers = { [K in ApiRouteKey]: Handler<ApiEnv, PathOf<K>> };

export interface RegisterOptions {
  /**
   * Check every successful response against the table (status and response schema). On in
   * development and test, off in production: see `checkedHandler`.
   */
  validateResponses: boolean;
  logger: Logger;
  /** The table to register; the real one unless a test brings its own. */
  routes?: readonly ApiRoute[];
}

/**
 * Registers the API from the route table, so the server's routes and the table (and with it
 * OpenAPI and the permission tests) cannot diverge: a table entry without a handler fails to
 * compile and, should a cast hide that, fails at start-up.
 */
export function registerApiRoutes(
  app: Hono<ApiEnv>,
  handlers: Partial<Record<string, Handler<ApiEnv>>>,
  { validateResponses, logger, routes = apiRoutes }: RegisterOptions,
): void {
  for (const route of routes) {
    const handler = handlers[apiRouteKey(route)];
    if (!handler) throw new Error(`no handler for ${apiRouteKey(route)} of the route table`);
    app.on(
      route.method.toUpperCase(),
      route.path,
      validateResponses ? checkedHandler(route, handler, logger) : handler,
    );
  }
  const known = new Set(routes.map(apiRouteKey));
  for (const key of Object.keys(handlers)) {
    if (!known.has(key)) throw new Error(`handler for ${key}, which is not in the route table`);
  }
}

/** Thrown (and answered 500) when a response does not match what the table documents. */
export class ResponseContractError extends Error {
  override readonly name = 'ResponseContractError';
}

/**
 * Wraps a handler so that a successful response must have the table's status and match its
 * response schema, with no field the schema does not declare (an undeclared field is either
 * undocumented API or a leak, like a password hash).
 *
 * Why only in development and test: every integration and browser test then checks the contract
 * of every response it provokes, which is where drift is found; a violation becomes a 500 that
 * fails the test, with the details in the log. In production the same check would cost a JSON
 * parse per response and turn a harmless drift into an outage for a board in the middle of a
 * meeting, so there the handlers' types are trusted.
 */
export function checkedHandler(
  route: ApiRoute,
  handler: Handler<ApiEnv>,
  logger: Logger,
): Handler<ApiEnv> {
  const key = apiRouteKey(route);
  return async (c, next) => {
    const result = await handler(c, next);
    const response = result instanceof Response ? result : c.res;
    if (!response.ok) return result;
    const problem = await contractProblem(route, response);
    if (problem) {
      logger.error({ route: key, problem }, 'response does not match the route table');
      throw new ResponseContractError(`${key}: ${problem}`);
    }
    return result;
  };
}

async function contractProblem(route: ApiRoute, response: Response): Promise<string | null> {
  if (response.status !== route.status) {
    return `status ${response.status}, the table says ${route.status}`;
  }
  if (!route.response) return null;
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('application/json')) return `content type ${type}, expected JSON`;
  const body: unknown = await response.clone().json();
  const parsed = route.response.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`;
  }
  const extra = undeclaredField(body, parsed.data, '');
  return extra === null ? null : `${extra}: not declared in the response schema`;
}

/**
 * The first field present in the raw body but gone from the parsed value: zod objects strip
 * keys they do not know, so what the parse dropped is what the schema does not declare.
 */
function undeclaredField(raw: unknown, parsed: unknown, path: string): string | null {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    for (let index = 0; index < raw.length; index += 1) {
      const found = undeclaredField(raw[index], parsed[index], `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (isRecord(raw) && isRecord(parsed)) {
    for (const [field, value] of Object.entries(raw)) {
      const fieldPath = path ? `${path}.${field}` : field;
      if (!(field in parsed)) return fieldPath;
      const found = undeclaredField(value, parsed[field], fieldPath);
      if (found) return found;
    }
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
