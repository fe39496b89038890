import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { DocumentAccess } from '../../../shared/api/roles.ts';
import type { LoginThrottle } from '../auth/loginThrottle.ts';
import { type Authenticated, type SessionService, sessionCookieName } from '../auth/sessions.ts';
import type { Config } from '../config.ts';
import type { VersionService } from '../history/versionService.ts';
import type { LifecycleService } from '../lifecycle/lifecycleService.ts';
import type { Logger } from '../logger.ts';
import type { DecisionRegister } from '../registers/decisionRegister.ts';
import type { AccountStore } from '../storage/accountStore.ts';
import type { Storage } from '../storage/storage.ts';
import { AppError } from './errors.ts';

/** What the API routes need; built once by createJusteraServer. */
export interface ApiDeps {
  config: Pick<Config, 'NODE_ENV' | 'INVITATION_TTL_MS'>;
  accounts: AccountStore;
  sessions: SessionService;
  throttle: LoginThrottle;
  storage: Storage;
  logger: Logger;
  lifecycle: LifecycleService;
  versions: VersionService;
  register: DecisionRegister;
  /** Applies a changed role to the user's open sockets in that meeting. */
  onAccessChanged: (meetingId: string, userId: string, access: DocumentAccess | null) => void;
}

export type ApiEnv = { Variables: { auth: Authenticated | null; viaCookie: boolean } };

/** Resolves the caller from the session cookie or an `Authorization: Bearer` token. */
export function authenticate(sessions: SessionService): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
    const secret = bearer ?? getCookie(c, sessionCookieName) ?? null;
    c.set('auth', await sessions.resolve(secret));
    c.set('viaCookie', bearer === null);
    await next();
  };
}

/** The signed-in caller, or 401. */
export function requireAuth(c: Context<ApiEnv>): Authenticated {
  const auth = c.get('auth');
  if (!auth) throw new AppError('unauthenticated', 401, 'sign in first');
  return auth;
}

/** The signed-in caller if they administer the whole instance, or 401/403. */
export function requireInstanceAdmin(c: Context<ApiEnv>): Authenticated {
  const auth = requireAuth(c);
  if (!auth.user.isAdmin) throw new AppError('forbidden', 403, 'instance admins only');
  return auth;
}
