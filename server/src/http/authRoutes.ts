import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  instanceSettingsSchema,
  loginRequestSchema,
  passwordChangeRequestSchema,
  signupRequestSchema,
  type User,
} from '../../../shared/api/auth.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/passwords.ts';
import { type Credential, sessionCookieName } from '../auth/sessions.ts';
import { DuplicateEmailError, type UserRecord } from '../storage/accountStore.ts';
import { type ApiDeps, requireAuth, requireInstanceAdmin } from './apiContext.ts';
import type { ApiHandlers } from './apiRouter.ts';
import { AppError } from './errors.ts';
import { readBody } from './requestBody.ts';

/** The API's view of a user: never the password hash. */
export function publicUser(user: UserRecord): User {
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
}

/** Sets the HTTP-only session cookie; Secure in production, SameSite=Lax against CSRF. */
export function setSessionCookie(c: Context, credential: Credential, secure: boolean): void {
  setCookie(c, sessionCookieName, credential.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    expires: new Date(credential.expiresAt),
  });
}

/** Sign-up, login, logout, the current user, password change and bearer tokens. */
export function authHandlers(deps: ApiDeps) {
  const { accounts, sessions, throttle, logger } = deps;
  const secure = deps.config.NODE_ENV === 'production';
  return {
    'post /api/auth/signup': async (c) => {
      const body = await readBody(c, signupRequestSchema);
      // Open sign-up would let anyone onto a board's server: only the very first account (the
      // instance admin) signs up freely; everyone after comes in through an invitation, unless
      // an instance admin has opened sign-up. An account alone sees no board.
      const first = (await accounts.countUsers()) === 0;
      if (!first && !(await accounts.openSignup())) {
        throw new AppError('signup_closed', 403, 'ask a board admin for an invitation link');
      }
      let user: UserRecord;
      try {
        user = await accounts.createUser({
          email: body.email,
          name: body.name,
          passwordHash: await hashPassword(body.password),
          isAdmin: first,
        });
      } catch (error) {
        if (!(error instanceof DuplicateEmailError)) throw error;
        throw new AppError('email_taken', 409, 'an account with this email address exists');
      }
      setSessionCookie(c, await sessions.startSession(user.id), secure);
      logger.info({ userId: user.id }, first ? 'instance admin signed up' : 'user signed up');
      return c.json(publicUser(user), 201);
    },

    'post /api/auth/login': async (c) => {
      const body = await readBody(c, loginRequestSchema);
      const address = getConnInfo(c).remote.address ?? 'unknown';
      const waitMs = throttle.retryAfterMs(body.email, address);
      if (waitMs > 0) {
        c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
        throw new AppError('too_many_attempts', 429, 'too many failed attempts; try again later');
      }
      const user = await accounts.findUserByEmail(body.email);
      const matches = await verifyPassword(
        body.password,
        user?.passwordHash ?? (await dummyPasswordHash),
      );
      if (!user || !matches) {
        throttle.recordFailure(body.email, address);
        logger.info({ address }, 'failed login');
        throw new AppError('invalid_credentials', 401, 'wrong email or password');
      }
      throttle.recordSuccess(body.email);
      setSessionCookie(c, await sessions.startSession(user.id), secure);
      return c.json(publicUser(user));
    },

    'post /api/auth/logout': async (c) => {
      const secret = getCookie(c, sessionCookieName);
      if (secret) await sessions.end(secret);
      deleteCookie(c, sessionCookieName, { path: '/' });
      return c.body(null, 204);
    },

    'get /api/auth/me': (c) => c.json(publicUser(requireAuth(c).user)),

    // For the app's first paint: who is signed in (or nobody) and whether sign-up is open, as a
    // 200 either way, so a signed-out visit does not log an error in the browser.
    'get /api/auth/session': async (c) => {
      const auth = c.get('auth');
      const firstAccount = (await accounts.countUsers()) === 0;
      return c.json({
        user: auth ? publicUser(auth.user) : null,
        signupOpen: firstAccount || (await accounts.openSignup()),
        firstAccount,
      });
    },

    'get /api/instance/settings': async (c) => {
      requireInstanceAdmin(c);
      return c.json({ openSignup: await accounts.openSignup() });
    },

    'put /api/instance/settings': async (c) => {
      const { user } = requireInstanceAdmin(c);
      const body = await readBody(c, instanceSettingsSchema);
      await accounts.setOpenSignup(body.openSignup);
      logger.info({ userId: user.id, openSignup: body.openSignup }, 'instance settings changed');
      return c.json({ openSignup: await accounts.openSignup() });
    },

    'post /api/auth/password': async (c) => {
      const { user, session } = requireAuth(c);
      const body = await readBody(c, passwordChangeRequestSchema);
      if (!(await verifyPassword(body.currentPassword, user.passwordHash))) {
        throw new AppError('invalid_credentials', 401, 'the current password is wrong');
      }
      await accounts.setPasswordHash(user.id, await hashPassword(body.newPassword));
      // Anyone else holding a session of this account is signed out.
      await accounts.deleteSessionsOfUser(user.id, session.tokenHash);
      return c.body(null, 204);
    },

    'post /api/auth/tokens': async (c) => {
      const { user } = requireAuth(c);
      const credential = await sessions.issueBearerToken(user.id);
      return c.json(
        { token: credential.token, expiresAt: new Date(credential.expiresAt).toISOString() },
        201,
      );
    },
  } satisfies Partial<ApiHandlers>;
}
