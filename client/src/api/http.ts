import type { z } from 'zod';
import { apiErrorSchema } from '../../../shared/api/index.ts';

/** The outcome of an API call: data that passed its schema, an API error, or no answer at all. */
export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; kind: 'http'; status: number; code: string; message: string }
  | { ok: false; kind: 'network'; error: unknown };

/**
 * GETs `path` from the app's own origin (the session cookie goes along) and validates the JSON
 * answer with `schema`: the API is a boundary, so its data is checked once, here.
 */
export async function getJson<T>(
  path: string,
  schema: z.ZodType<T>,
  signal?: AbortSignal,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
      ...(signal === undefined ? {} : { signal }),
    });
  } catch (error) {
    return { ok: false, kind: 'network', error };
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(body);
    return {
      ok: false,
      kind: 'http',
      status: response.status,
      code: parsed.success ? parsed.data.error.code : 'unknown',
      message: parsed.success ? parsed.data.error.message : response.statusText,
    };
  }
  const parsed = schema.safeParse(body);
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
