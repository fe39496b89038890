import { createHash, randomBytes } from 'node:crypto';

/** A new secret for a session, bearer token or invitation: 256 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored instead of a secret: its SHA-256, so the database holds nothing usable. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
