import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Why a message was refused; one label value each, so dashboards can tell abuse from bugs. */
export type RefusalReason =
  | 'malformed'
  | 'message_too_large'
  | 'text_frame'
  | 'invalid_update'
  | 'read_only'
  | 'rate_limited'
  | 'slow_consumer'
  | 'document_too_large'
  | 'locked'
  /** An upgrade answered 503: MAX_CONNECTIONS reached. */
  | 'connection_limit'
  /** An upgrade answered 503: MAX_ROOMS reached. */
  | 'room_limit';

/** What the sync code reports; a narrow interface so rooms do not depend on prom-client. */
export interface SyncMetrics {
  updateAccepted(bytes: number): void;
  messageRefused(reason: RefusalReason): void;
  storageAppended(seconds: number, updates: number): void;
}

/** Prometheus metrics of one server instance (its own registry, so tests can run several). */
export class ServerMetrics implements SyncMetrics {
  readonly registry = new Registry();
  private readonly updates: Counter;
  private readonly updateBytes: Counter;
  private readonly refused: Counter<'reason'>;
  private readonly appendSeconds: Histogram;
  private readonly appendBatch: Histogram;

  constructor(current: { connections: () => number; rooms: () => number }) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'justera_' });
    new Gauge({
      name: 'justera_connections',
      help: 'Open sync sockets',
      registers,
      collect() {
        this.set(current.connections());
      },
    });
    new Gauge({
      name: 'justera_rooms',
      help: 'Meetings loaded in memory',
      registers,
      collect() {
        this.set(current.rooms());
      },
    });
    this.updates = new Counter({
      name: 'justera_updates_total',
      help: 'Document updates accepted and stored',
      registers,
    });
    this.updateBytes = new Counter({
      name: 'justera_update_bytes_total',
      help: 'Bytes of accepted updates',
      registers,
    });
    this.refused = new Counter({
      name: 'justera_refused_messages_total',
      help: 'Messages refused, by reason',
      labelNames: ['reason'],
      registers,
    });
    this.appendSeconds = new Histogram({
      name: 'justera_storage_append_seconds',
      help: 'Latency of one group commit of updates',
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    });
    this.appendBatch = new Histogram({
      name: 'justera_storage_append_batch_updates',
      help: 'Updates written per group commit',
      buckets: [1, 2, 5, 10, 20, 50, 100, 500, 1000],
      registers,
    });
  }

  updateAccepted(bytes: number): void {
    this.updates.inc();
    this.updateBytes.inc(bytes);
  }

  messageRefused(reason: RefusalReason): void {
    this.refused.inc({ reason });
  }

  storageAppended(seconds: number, updates: number): void {
    this.appendSeconds.observe(seconds);
    this.appendBatch.observe(updates);
  }
}
