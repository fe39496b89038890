import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from '../../../shared/api/index.ts';
import type { Logger } from '../logger.ts';

/** An error with a stable code and HTTP status, rendered as the API's one error shape. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: string,
    readonly status: ContentfulStatusCode,
    message?: string,
  ) {
    super(message ?? code);
  }
}

export function errorBody(code: string, message: string): ApiError {
  return { error: { code, message } };
}

/** Hono onError: AppErrors keep their code; anything else is a 500 whose details stay in the log. */
export function createErrorHandler(logger: Logger) {
  return (error: Error, c: Context) => {
    if (error instanceof AppError) {
      return c.json(errorBody(error.code, error.message), error.status);
    }
    logger.error({ err: error, path: c.req.path }, 'unhandled error');
    return c.json(errorBody('internal_error', 'Something went wrong on the server.'), 500);
  };
}
