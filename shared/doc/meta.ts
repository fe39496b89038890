import type * as Y from 'yjs';
import type { z } from 'zod';
import { assertWritable, metaMap } from './access.ts';
import {
  type ClientMetaKey,
  clientMetaKeys,
  type MeetingKind,
  type MeetingStatus,
  MetaKey,
  type ServerOwnedMetaKey,
  type SubItemNumbering,
} from './constants.ts';
import { DocError } from './errors.ts';
import { metaValueSchemas, type Posting, type Signature } from './values.ts';

/** The meeting header (sammanträdets rubrik) and lifecycle, as read from `meta`. */
export interface MeetingMeta {
  title: string;
  board: string;
  kind: MeetingKind | null;
  date: string | null;
  startTime: string | null;
  endTime: string | null;
  place: string;
  videoLink: string;
  minutesNumber: string;
  storagePlace: string;
  firstParagraphNumber: number;
  subItemNumbering: SubItemNumbering;
  agendaApprovedAt: string | null;
  status: MeetingStatus;
  locked: boolean;
  lockedNumbers: Record<string, string> | null;
  signatures: Signature[];
  posting: Posting | null;
}

type MetaValues = { [K in keyof typeof metaValueSchemas]: z.infer<(typeof metaValueSchemas)[K]> };

/** A change to client-written header fields; null clears a field. */
export type MetaPatch = { [K in ClientMetaKey]?: MetaValues[K] | null };

/** A value of a server-owned meta key. */
export type ServerMetaValue<K extends ServerOwnedMetaKey> = MetaValues[K];

function read<K extends keyof typeof metaValueSchemas>(
  map: Y.Map<unknown>,
  key: K,
): MetaValues[K] | null {
  const parsed = metaValueSchemas[key].safeParse(map.get(key));
  return parsed.success ? (parsed.data as MetaValues[K]) : null;
}

/** Reads the meeting header; absent or malformed fields read as their defaults. */
export function getMeta(doc: Y.Doc): MeetingMeta {
  const map = metaMap(doc);
  return {
    title: read(map, MetaKey.title) ?? '',
    board: read(map, MetaKey.board) ?? '',
    kind: read(map, MetaKey.kind),
    date: read(map, MetaKey.date),
    startTime: read(map, MetaKey.startTime),
    endTime: read(map, MetaKey.endTime),
    place: read(map, MetaKey.place) ?? '',
    videoLink: read(map, MetaKey.videoLink) ?? '',
    minutesNumber: read(map, MetaKey.minutesNumber) ?? '',
    storagePlace: read(map, MetaKey.storagePlace) ?? '',
    firstParagraphNumber: read(map, MetaKey.firstParagraphNumber) ?? 1,
    subItemNumbering: read(map, MetaKey.subItemNumbering) ?? 'letter',
    agendaApprovedAt: read(map, MetaKey.agendaApprovedAt),
    status: read(map, MetaKey.status) ?? 'draft',
    locked: read(map, MetaKey.locked) ?? false,
    lockedNumbers: read(map, MetaKey.lockedNumbers),
    signatures: read(map, MetaKey.signatures) ?? [],
    posting: read(map, MetaKey.posting),
  };
}

const clientKeySet = new Set<string>(clientMetaKeys);

/** Writes client header fields in one transaction; each value is validated first. */
export function setMeta(doc: Y.Doc, patch: MetaPatch): void {
  const entries = Object.entries(patch);
  for (const [key, value] of entries) {
    if (!clientKeySet.has(key)) {
      throw new DocError('invalid_value', `${key} is not a client-writable meta field`);
    }
    if (value === null || value === undefined) continue;
    const parsed = metaValueSchemas[key as ClientMetaKey].safeParse(value);
    if (!parsed.success) {
      throw new DocError(
        'invalid_value',
        `${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      );
    }
  }
  assertWritable(doc);
  const map = metaMap(doc);
  doc.transact(() => {
    for (const [key, value] of entries) {
      if (value === null || value === undefined) map.delete(key);
      else if (map.get(key) !== value) map.set(key, value);
    }
  });
}

/**
 * Records that the agenda (föredragningslistan) was approved. From then on added items are
 * marked as additions and removed items are struck instead of deleted.
 */
export function approveAgenda(doc: Y.Doc, at: string = new Date().toISOString()): void {
  setMeta(doc, { agendaApprovedAt: at });
}

/** True when the agenda has been approved. */
export function isAgendaApproved(doc: Y.Doc): boolean {
  return typeof metaMap(doc).get(MetaKey.agendaApprovedAt) === 'string';
}

/**
 * Writes a server-owned lifecycle field (status, locked, lockedNumbers, signatures, posting).
 * Only the server calls this; the update validator refuses the same write from a client.
 */
export function setServerMeta<K extends ServerOwnedMetaKey>(
  doc: Y.Doc,
  key: K,
  value: ServerMetaValue<K> | null,
): void {
  if (value !== null) {
    const parsed = metaValueSchemas[key].safeParse(value);
    if (!parsed.success) {
      throw new DocError(
        'invalid_value',
        `${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      );
    }
  }
  doc.transact(() => {
    if (value === null) metaMap(doc).delete(key);
    else metaMap(doc).set(key, value);
  });
}
