import type { IncomingMessage } from 'node:http';
import type { DocumentAccess } from '../../../shared/api/roles.ts';

/** Who is on the other end of a socket, as resolved when it connected. */
export interface ConnectionIdentity {
  userId: string | null;
  /** The account's display name, stamped onto the connection's presence. */
  name: string | null;
  /** What the connection may change; updates beyond it are refused and never stored. */
  access: DocumentAccess;
}

/** Decides who may open a meeting's socket; answered before the WebSocket handshake. */
export type SyncAccessResolver = (
  request: IncomingMessage,
  meetingId: string,
) => Promise<{ ok: true; identity: ConnectionIdentity } | { ok: false; status: 401 | 403 | 404 }>;
