import type { IncomingMessage } from 'node:http';
import type { DocumentAccess } from '../../../shared/api/roles.ts';

/** Who is on the other end of a socket, as resolved when it connected. */
export interface ConnectionIdentity {
  userId: string | null;
  /** What the connection may change; updates beyond it are refused and never stored. */
  access: DocumentAccess;
}

/** Decides who may open a meeting's socket; answered before the WebSocket handshake. */
export type SyncAccessResolver = (
  request: IncomingMessage,
  meetingId: string,
) => Promise<{ ok: true; identity: ConnectionIdentity } | { ok: false; status: 401 | 403 | 404 }>;

/**
 * Access rule while Justera has no accounts yet: anyone who knows a meeting id may open and edit
 * it, anonymously. Issue #4 replaces this with session/token authentication and per-meeting roles;
 * the transport already rejects with 401/403 before the handshake when a resolver says so.
 */
export const openAccess: SyncAccessResolver = async () => ({
  ok: true,
  identity: { userId: null, access: 'write' },
});
