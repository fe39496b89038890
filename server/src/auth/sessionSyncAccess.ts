import type { IncomingMessage } from 'node:http';
import { parse } from 'hono/utils/cookie';
import type { AccountStore } from '../storage/accountStore.ts';
import { resolveMeetingAccess } from './meetingAccess.ts';
import { type SessionService, sessionCookieName } from './sessions.ts';
import type { SyncAccessResolver } from './syncAccess.ts';

/**
 * Authenticates a socket upgrade: the session cookie (browsers), or `?token=` with a bearer token
 * from POST /api/auth/tokens (scripts, Node clients). Answers 401 without valid credentials, 404
 * for an unknown meeting and 403 for a user who is not on the meeting's board.
 */
export function sessionSyncAccess(
  accounts: AccountStore,
  sessions: SessionService,
): SyncAccessResolver {
  return async (request: IncomingMessage, meetingId: string) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const cookies = parse(request.headers.cookie ?? '');
    const authenticated = await sessions.resolve(
      url.searchParams.get('token') ?? cookies[sessionCookieName],
    );
    if (!authenticated) return { ok: false, status: 401 };
    const access = await resolveMeetingAccess(accounts, authenticated.user.id, meetingId);
    if (!access.ok) return { ok: false, status: access.reason === 'no_meeting' ? 404 : 403 };
    return {
      ok: true,
      identity: {
        userId: authenticated.user.id,
        name: authenticated.user.name,
        access: access.access,
      },
    };
  };
}
