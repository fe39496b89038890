/** What the heartbeat needs of a socket: the ws API plus one flag, kept on the socket itself. */
export interface HeartbeatSocket {
  /** Set when the peer answered (its pong arrived) since the last ping. */
  answeredPing: boolean;
  ping(): void;
  terminate(): void;
}

export interface Heartbeat {
  stop(): void;
}

/**
 * Pings every open socket each interval and terminates those that did not answer the previous
 * ping: a peer that vanished without a TCP close (laptop lid, dead Wi-Fi) is dropped within two
 * intervals instead of holding a connection and its awareness state forever.
 *
 * It walks the transport's own set of sockets, and the answer is a flag on the socket (set when
 * the socket handles its pong, see SyncWebSocket.emit): nothing per connection is allocated for it.
 */
export function startHeartbeat(intervalMs: number, sockets: Iterable<HeartbeatSocket>): Heartbeat {
  const timer = setInterval(() => {
    for (const socket of sockets) {
      if (!socket.answeredPing) {
        socket.terminate();
        continue;
      }
      socket.answeredPing = false;
      socket.ping();
    }
  }, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
    },
  };
}
