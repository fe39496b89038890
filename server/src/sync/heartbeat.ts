import type { WebSocket } from 'ws';

export interface Heartbeat {
  track(socket: WebSocket): void;
  untrack(socket: WebSocket): void;
  stop(): void;
}

/**
 * Pings every tracked socket each interval and terminates those that did not answer the previous
 * ping: a peer that vanished without a TCP close (laptop lid, dead Wi-Fi) is dropped within two
 * intervals instead of holding a connection and its awareness state forever.
 */
export function startHeartbeat(intervalMs: number): Heartbeat {
  const answered = new Map<WebSocket, boolean>();
  const timer = setInterval(() => {
    for (const [socket, alive] of answered) {
      if (!alive) {
        answered.delete(socket);
        socket.terminate();
        continue;
      }
      answered.set(socket, false);
      socket.ping();
    }
  }, intervalMs);
  timer.unref();
  return {
    track(socket) {
      answered.set(socket, true);
      socket.on('pong', () => {
        if (answered.has(socket)) answered.set(socket, true);
      });
    },
    untrack(socket) {
      answered.delete(socket);
    },
    stop() {
      clearInterval(timer);
      answered.clear();
    },
  };
}
