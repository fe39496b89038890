import type { AccountStore, SessionRecord, UserRecord } from '../storage/accountStore.ts';
import { hashSecret, newSecret } from './secrets.ts';

export const sessionCookieName = 'justera_session';

export interface SessionOptions {
  sessionTtlMs: number;
  bearerTtlMs: number;
}

export interface Credential {
  token: string;
  expiresAt: number;
}

export interface Authenticated {
  user: UserRecord;
  session: SessionRecord;
}

/** Issues and resolves sessions (cookie) and bearer tokens; only hashes reach storage. */
export class SessionService {
  constructor(
    private readonly accounts: AccountStore,
    private readonly options: SessionOptions,
    private readonly now: () => number = Date.now,
  ) {}

  async startSession(userId: string): Promise<Credential> {
    return this.issue(userId, 'session', this.options.sessionTtlMs);
  }

  async issueBearerToken(userId: string): Promise<Credential> {
    return this.issue(userId, 'bearer', this.options.bearerTtlMs);
  }

  /** The user behind a cookie or bearer secret, or null when it is unknown or expired. */
  async resolve(secret: string | undefined | null): Promise<Authenticated | null> {
    if (!secret || secret.length > 200) return null;
    const session = await this.accounts.findSession(hashSecret(secret), this.now());
    if (!session) return null;
    const user = await this.accounts.findUserById(session.userId);
    return user ? { user, session } : null;
  }

  async end(secret: string): Promise<void> {
    await this.accounts.deleteSession(hashSecret(secret));
  }

  private async issue(
    userId: string,
    kind: SessionRecord['kind'],
    ttlMs: number,
  ): Promise<Credential> {
    const token = newSecret();
    const expiresAt = this.now() + ttlMs;
    await this.accounts.createSession({ tokenHash: hashSecret(token), userId, kind, expiresAt });
    return { token, expiresAt };
  }
}
