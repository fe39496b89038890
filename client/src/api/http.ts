import type { z } from 'zod';
import { apiErrorSchema } from '../../../shared/api/index.ts';

/** The outcome of an API call: data that passed its schema, an API error, or no answer at all. */
export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; kind: 'http'; status: number; code: string; message: string }
  | { ok: false; kind: 'network'; error: unknown };

/** A failed API call (either kind). */
export type ApiFailure = Extract<ApiResult<unknown>, { ok: false }>;

type UnauthenticatedListener = () => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/**
 * Called whenever the server answers `401 unauthenticated` (the session expired or was ended
 * elsewhere), so the app can send the person to the sign-in page instead of showing errors.
 */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/**
 * GETs `path` from the app's own origin (the session cookie goes along) and validates the JSON
 * answer with `schema`: the API is a boundary, so its data is checked once, here.
 */
export function getJson<T>(
  path: string,
  schema: z.ZodType<T>,
  signal?: AbortSignal,
): Promise<ApiResult<T>> {
  return request('GET', path, undefined, schema, signal);
}

/** POSTs a JSON body; the answer is validated with `schema` (none for 204 answers). */
export function postJson<T = undefined>(
  path: string,
  body: unknown,
  schema?: z.ZodType<T>,
): Promise<ApiResult<T>> {
  return request('POST', path, body, schema);
}

/** PUTs a JSON body; the answer is validated with `schema`. */
export function putJson<T = undefined>(
  path: string,
  body: unknown,
  schema?: z.ZodType<T>,
): Promise<ApiResult<T>> {
  return request('PUT', path, body, schema);
}

/** PATCHes a JSON body; the answer is validated with `schema`. */
export function patchJson<T = undefined>(
  path: string,
  body: unknown,
  schema?: z.ZodType<T>,
): Promise<ApiResult<T>> {
  return request('PATCH', path, body, schema);
}

/** DELETEs a resource; 204 answers carry no body. */
export function deleteJson(path: string): Promise<ApiResult<undefined>> {
  return request('DELETE', path, undefined, undefined);
}

async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body: unknown,
  schema: z.ZodType<T> | undefined,
  signal?: AbortSignal,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      // The server's CSRF guard wants JSON on every state-changing request: a cross-site form
      // cannot send that without a preflight, which the server never grants.
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal === undefined ? {} : { signal }),
    });
  } catch (error) {
    return { ok: false, kind: 'network', error };
  }
  const json: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(json);
    const code = parsed.success ? parsed.data.error.code : 'unknown';
    if (response.status === 401 && code === 'unauthenticated') {
      for (const listener of unauthenticatedListeners) listener();
    }
    return {
      ok: false,
      kind: 'http',
      status: response.status,
      code,
      message: parsed.success ? parsed.data.error.message : response.statusText,
    };
  }
  if (schema === undefined) return { ok: true, data: undefined as T };
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      kind: 'http',
      status: response.status,
      code: 'invalid_response',
      message: parsed.error.issues[0]?.message ?? 'unexpected response',
    };
  }
  return { ok: true, data: parsed.data };
}
