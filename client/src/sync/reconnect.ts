import type { WebsocketProvider } from 'y-websocket';

/** Exponential back-off for reconnecting: the ceiling doubles from `baseMs` up to `capMs`. */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

/** First retry within 0.5 s, then 1 s, 2 s, … never more than 15 s apart. */
export const reconnectBackoff: BackoffPolicy = { baseMs: 500, capMs: 15_000 };

/**
 * The wait before reconnect attempt `attempt` (0 = the first after a close), with full jitter:
 * uniform in [0, min(cap, base·2^attempt)). When a server restarts under hundreds of clients,
 * a deterministic back-off makes them all knock at the same instants; spreading each attempt
 * over its whole window turns the storm into a trickle.
 */
export function reconnectDelay(
  attempt: number,
  policy: BackoffPolicy = reconnectBackoff,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempt, 0), 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.min(Math.floor(random() * ceiling), ceiling - 1);
}

export interface ReconnectControl {
  /** Stops scheduling reconnects and cancels a pending one. */
  cancel: () => void;
}

/**
 * Takes reconnecting away from y-websocket, whose own back-off (2^n·100 ms, capped) has no
 * jitter. After an unwanted close we clear `shouldConnect`, so the timer y-websocket has just
 * set finds nothing to do, and call `connect()` ourselves after `reconnectDelay`. Closes we must
 * not undo are left alone: `provider.disconnect()` (shouldConnect is already false) and the
 * permanent 44xx codes (y-websocket stops and emits `closed`).
 */
export function controlReconnects(
  provider: WebsocketProvider,
  policy: BackoffPolicy = reconnectBackoff,
  random: () => number = Math.random,
): ReconnectControl {
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const onClose = (event: CloseEvent | null) => {
    clearTimer();
    if (!provider.shouldConnect) return;
    if (event !== null && !provider.shouldReconnect(event, provider)) return;
    provider.shouldConnect = false;
    const delay = reconnectDelay(failures, policy, random);
    failures += 1;
    timer = setTimeout(() => {
      timer = null;
      provider.connect();
    }, delay);
  };
  // A connection that synced did useful work: the next outage starts from the short window.
  const onSync = (synced: boolean) => {
    if (synced) failures = 0;
  };
  provider.on('connection-close', onClose);
  provider.on('sync', onSync);
  return {
    cancel: () => {
      clearTimer();
      provider.off('connection-close', onClose);
      provider.off('sync', onSync);
    },
  };
}
