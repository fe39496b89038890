import { timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import type { ServerMetrics } from '../metrics.ts';
import { AppError } from './errors.ts';

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * GET /metrics in Prometheus text format. Operational data is not public: with METRICS_TOKEN set
 * the scraper sends it as a bearer token; without it only the machine itself may read.
 */
export function metricsRoutes(metrics: ServerMetrics, token: string | undefined): Hono {
  return new Hono().get('/metrics', async (c) => {
    const header = c.req.header('authorization') ?? '';
    const allowed =
      token === undefined
        ? isLoopback(getConnInfo(c).remote.address)
        : header.startsWith('Bearer ') && sameSecret(header.slice(7), token);
    if (!allowed) throw new AppError('forbidden', 403, 'metrics need the metrics token');
    c.header('Content-Type', metrics.registry.contentType);
    return c.body(await metrics.registry.metrics());
  });
}
