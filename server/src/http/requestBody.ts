import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from './errors.ts';

/** Largest JSON body the API reads; nothing it accepts is anywhere near this. */
const maxJsonBytes = 64 * 1024;

/** Reads and validates a JSON body; 400 `invalid_request` names the first bad field. */
export async function readBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const raw = await c.req.text();
  if (raw.length > maxJsonBytes)
    throw new AppError('payload_too_large', 413, 'request body too large');
  let json: unknown;
  try {
    json = raw === '' ? {} : JSON.parse(raw);
  } catch {
    // The parser's message adds nothing for the caller; the code says what went wrong.
    throw new AppError('invalid_json', 400, 'request body is not valid JSON');
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') || 'body';
    throw new AppError('invalid_request', 400, `${field}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}
