import { createHash } from 'node:crypto';
import type { Protocol } from './protocol.ts';

/** JSON with object keys sorted at every level: the same value always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    return Object.fromEntries(
      Object.entries(inner as Record<string, unknown>).sort(([a], [b]) =>
        a < b ? -1 : a > b ? 1 : 0,
      ),
    );
  });
}

/**
 * The bytes signers sign: the locked minutes without anything the signing itself adds
 * (signatures, justeringsdatum, posting). Same document → same bytes → same SHA-256.
 */
export function canonicalMinutes(protocol: Protocol): Buffer {
  const {
    signatures: _signatures,
    adjustedOn: _adjustedOn,
    posting: _posting,
    ...content
  } = protocol;
  return Buffer.from(canonicalJson({ format: 'justera-minutes/1', ...content }), 'utf8');
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
