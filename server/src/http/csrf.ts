import type { MiddlewareHandler } from 'hono';
import { AppError } from './errors.ts';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site request forgery guard for cookie-authenticated requests. A state-changing request
 * must be JSON (a cross-site form cannot send that without a CORS preflight, which we never
 * grant) and, when the browser names its origin, come from this same origin.
 */
export function csrfGuard(): MiddlewareHandler {
  return async (c, next) => {
    if (!unsafeMethods.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== 'null') {
      const host = c.req.header('host');
      let originHost: string | null = null;
      try {
        originHost = new URL(origin).host;
      } catch {
        // An unparsable Origin is treated like a foreign one.
      }
      if (originHost !== host)
        throw new AppError('cross_site_request', 403, 'request from another site');
    } else if (origin === 'null') {
      throw new AppError('cross_site_request', 403, 'request from an opaque origin');
    }
    if (c.req.header('sec-fetch-site') === 'cross-site') {
      throw new AppError('cross_site_request', 403, 'request from another site');
    }
    const type = c.req.header('content-type') ?? '';
    const hasBody =
      (c.req.header('content-length') ?? '0') !== '0' ||
      c.req.header('transfer-encoding') !== undefined;
    if (hasBody && !type.toLowerCase().startsWith('application/json')) {
      throw new AppError(
        'unsupported_media_type',
        415,
        'send JSON (Content-Type: application/json)',
      );
    }
    return next();
  };
}
