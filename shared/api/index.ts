export { type ApiError, apiErrorSchema } from './errors.ts';
export { healthResponseSchema, readyResponseSchema } from './health.ts';
