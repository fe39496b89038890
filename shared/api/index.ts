export * from './auth.ts';
export * from './boards.ts';
export { type ApiError, apiErrorSchema } from './errors.ts';
export { healthResponseSchema, readyResponseSchema } from './health.ts';
export * from './history.ts';
export * from './lifecycle.ts';
export * from './meetings.ts';
export * from './roles.ts';
export { type ApiRoute, apiRoutes, type RouteScope } from './routes.ts';
