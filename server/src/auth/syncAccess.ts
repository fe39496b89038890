import type { IncomingMessage } from 'node:http';

/** Who is on the other end of a socket, as resolved when it connected. */
export interface ConnectionIdentity {
  userId: string | null;
  /** False for connections that may read but not write (their updates are dropped). */
  canWrite: boolean;
}

/** Decides who may open a meeting's socket; answered before the WebSocket handshake. */
export type SyncAccessResolver = (
  request: IncomingMessage,
  meetingId: string,
) => Promise<{ ok: true; identity: ConnectionIdentity } | { ok: false; status: 401 | 403 }>;

/**
 * Access rule while Justera has no accounts yet: anyone who knows a meeting id may open and edit
 * it, anonymously. Issue #4 replaces this with session/token authentication and per-meeting roles;
 * the transport already rejects with 401/403 before the handshake when a resolver says so.
 */
export const openAccess: SyncAccessResolver = async () => ({
  ok: true,
  identity: { userId: null, canWrite: true },
});
