/**
 * The persistence boundary. The sync code only sees this interface, so a PostgreSQL
 * implementation can replace SQLite without touching rooms or transports.
 *
 * Documents are stored as an append-only log of Yjs updates plus, after compaction, one snapshot
 * per meeting. Loading = snapshot + every update with a higher sequence number.
 */
export interface Storage {
  /**
   * Appends updates in ONE transaction (group commit) and returns each entry's sequence number,
   * in order. When the promise resolves, the rows are committed: readable, and safe from a crash
   * of this process, though perhaps not on disk yet (see whenDurable). Calls may overlap (the
   * group-commit writer starts the next batch before the last one has resolved): an
   * implementation commits batches in the order of the calls.
   */
  appendUpdates(entries: readonly UpdateEntry[]): Promise<number[]>;
  /**
   * Resolves once every update committed before the call is on disk, safe from a power cut.
   * Storage whose commits are durable anyway resolves at once.
   */
  whenDurable(): Promise<void>;
  /** The snapshot and the update tail of a meeting (empty for a meeting never written). */
  loadDocument(meetingId: string): Promise<StoredDocument>;
  /**
   * Atomically replaces the snapshot with `snapshot` (which must contain every update up to and
   * including `upToSeq`) and deletes those updates. A crash leaves either the old or the new state.
   * `stateVector` (Y.encodeStateVector of the snapshot) is kept with it when given.
   */
  compact(
    meetingId: string,
    snapshot: Uint8Array,
    upToSeq: number,
    stateVector?: Uint8Array,
  ): Promise<void>;
  /** Stores a save point (the whole document state) and returns its id. */
  saveVersion(version: NewVersion): Promise<number>;
  /** Save points of a meeting, oldest first, without their state. */
  listVersions(meetingId: string): Promise<VersionInfo[]>;
  loadVersion(
    meetingId: string,
    versionId: number,
  ): Promise<(VersionInfo & { state: Uint8Array }) | null>;
  /** Resolves when the database answers a trivial query; used by /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface UpdateEntry {
  meetingId: string;
  update: Uint8Array;
  /** The user who sent the update; null until accounts exist or for server-made changes. */
  authorId: string | null;
  /**
   * Yjs client ids (editing sessions) under which this update is the first content, claimed for
   * `authorId` (ignored without one). Stored in the transaction of the update, so a claim is
   * exactly as durable as the content it claims; an id already claimed keeps its owner.
   */
  claims?: readonly number[];
}

/** Who owns a Yjs client id of a meeting: the account that first wrote content under it. */
export interface SessionOwner {
  clientId: number;
  userId: string;
}

export interface StoredDocument {
  snapshot: Uint8Array | null;
  /** The snapshot's state vector, when storage has it (saves decoding the snapshot for it). */
  snapshotStateVector?: Uint8Array | null;
  updates: Uint8Array[];
  /** Highest sequence number contained in snapshot + updates; 0 for an empty document. */
  lastSeq: number;
  /** Every claim stored with the meeting's updates (UpdateEntry.claims), first claims only. */
  sessions: readonly SessionOwner[];
}

export interface NewVersion {
  meetingId: string;
  label: string;
  reason: string | null;
  createdBy: string | null;
  state: Uint8Array;
}

export interface VersionInfo {
  id: number;
  meetingId: string;
  label: string;
  reason: string | null;
  createdBy: string | null;
  createdAt: number;
}
