import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { ItemKey, MetaKey, RootName } from '../../../shared/doc/constants.ts';
import { touchedItemIds } from '../../../shared/doc/validate.ts';
import { CloseCode } from '../../../shared/protocol/index.ts';
import type { ConnectionIdentity } from '../auth/syncAccess.ts';
import type { Logger } from '../logger.ts';
import type { SyncMetrics } from '../metrics.ts';
import type { StoredDocument, UpdateEntry } from '../storage/storage.ts';
import { decodeAwarenessUpdate, encodeAwarenessUpdate, stampIdentity } from './awarenessGuard.ts';
import { BroadcastMessage } from './broadcastMessage.ts';
import { isEmptyUpdate, LazyDocument } from './lazyDocument.ts';
import {
  decodeClientMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeSavedState,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
  ProtocolError,
} from './messages.ts';
import { SessionOwners } from './sessionOwners.ts';
import type { SyncSocket } from './syncSocket.ts';
import { fullBucket, type TokenBucket, takeToken } from './updateRateLimit.ts';
import { agendaRecordProblem, unmarkedAdditions } from './validation/agendaRecord.ts';
import { type DocumentShape, textOnly } from './validation/shape.ts';
import { missingDependency, UpdateValidator } from './validation/updateValidator.ts';

export interface RoomLimits {
  maxMessageBytes: number;
  maxBufferedBytes: number;
  compactAfterUpdates: number;
  /** Upper bound of the meeting's stored size; an update that would pass it is refused. */
  maxDocumentBytes: number;
  /** Sustained updates per second one connection may send (token bucket refill rate). */
  maxUpdatesPerSecond: number;
  /** Updates a connection may send in a burst (token bucket size). */
  updateBurst: number;
}

export interface RoomDeps {
  /**
   * Appends to the update log; resolves with the sequence number once committed (in the
   * database, safe from a crash of this process), possibly before it is on disk.
   */
  appendUpdate: (entry: UpdateEntry) => Promise<number>;
  /** Resolves once everything committed before the call is on disk (fsync). */
  whenDurable: () => Promise<void>;
  compact: (
    meetingId: string,
    snapshot: Uint8Array,
    upToSeq: number,
    stateVector: Uint8Array,
  ) => Promise<void>;
  logger: Logger;
  metrics: SyncMetrics;
  limits: RoomLimits;
  /** What clients may write; updates that do not fit are refused with 4422 before they apply. */
  shape: DocumentShape;
  /** Told which agenda items each accepted transaction changed, and by whom (audit trail). */
  onActivity: (meetingId: string, userId: string | null, itemIds: Set<string>) => void;
  /** Called when the last connection has left. */
  onEmpty: (room: Room) => void;
  /** Called when the room can no longer vouch for its state and must be dropped (not unloaded). */
  onFailed: (room: Room) => void;
}

/**
 * What a room keeps per connection. An idle connection is the common case (most attendees only
 * watch), so what only some connections need is made when first needed.
 */
class Connection implements ConnectionIdentity, TokenBucket {
  /** Who is connected and what they may change (the identity is copied in: one object less). */
  readonly userId: string | null;
  readonly name: string | null;
  access: ConnectionIdentity['access'];
  /** Awareness client ids this connection introduced; removed when it leaves. */
  awarenessClientIds: Set<number> | null = null;
  /** Updates that build on content this client has not sent yet, waiting for it (in order). */
  parked: { updates: Uint8Array[]; bytes: number } | null = null;
  /**
   * Undefined until the client subscribes to hear what is durably stored (Justera's saved-state
   * extension); then the latest request number of its subscription (null: none given), echoed in
   * every answer. Frames are handled in order, so an answer carrying it covers every update the
   * client sent before the request — deletions included, which a state vector alone cannot show.
   */
  savedStateRequest: number | null | undefined = undefined;
  /** The update rate limit's bucket (updateRateLimit.ts). */
  milliTokens: number;
  refilledAt: number;

  constructor(
    readonly socket: SyncSocket,
    identity: ConnectionIdentity,
    burst: number,
  ) {
    this.userId = identity.userId;
    this.name = identity.name;
    this.access = identity.access;
    const bucket = fullBucket(burst);
    this.milliTokens = bucket.milliTokens;
    this.refilledAt = bucket.refilledAt;
  }
}

/** Origin of changes the server itself makes (lifecycle fields): stored, broadcast, no author. */
const serverOrigin = Symbol('server');

/**
 * One meeting's live document and its connections, speaking the y-websocket protocol.
 *
 * The rule that makes it safe: nothing leaves the room before it is stored. An accepted update is
 * applied to the in-memory doc (which also tells us exactly what is new), the new part is appended
 * to storage, and only after the commit is it broadcast. A state answer (sync step 2) computed
 * while writes are in flight is held until those writes are committed.
 *
 * Committed is not yet on disk: the fsync that makes it so runs off the event loop and, on a
 * virtual disk, now and then takes 100 ms or more. Peers get the update at commit (it survives a
 * crash of this process; only a power cut before the fsync could lose it, and then every peer
 * that has it, the author first, sends it back on reconnect); the author's "saved" (the
 * saved-state answer) waits for the fsync, so "saved" always means on disk.
 *
 * Each editing session (Yjs client id) belongs to the account that first wrote under it
 * (sessionOwners.ts). The claim is appended with the content that makes it, in the same entry,
 * and a room starts from the claims in storage: an unload, a restart or a power cut does not
 * open anyone's session to whoever reconnects first.
 */
export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  /** The meeting's content: stored bytes until something needs the Y.Doc (lazyDocument.ts). */
  private readonly content: LazyDocument;
  private readonly connections = new Map<SyncSocket, Connection>();
  /** Accepted updates not committed yet. */
  private pendingWrites = 0;
  /** Updates committed and not broadcast yet (see broadcastCommitted), with their authors. */
  private committed: { update: Uint8Array; author: SyncSocket | undefined }[] = [];
  /** Committed updates not known to be on disk yet: nobody is told "saved" while there are any. */
  private pendingDurable = 0;
  /** Settles after the most recently started write has settled (commits settle in order). */
  private lastWrite: Promise<void> = Promise.resolve();
  /** Settles once the most recent commit is on disk (or its fsync failed). */
  private lastDurable: Promise<void> = Promise.resolve();
  private lastSeq: number;
  private updatesSinceSnapshot: number;
  private compacting = false;
  private closed = false;
  /** Bytes stored for this meeting (snapshot + log tail): an upper bound of its encoded size. */
  private storedBytes: number;
  /** True while parked updates are being retried (acceptUpdate must not recurse into it). */
  private retrying = false;
  /** Which connection introduced each awareness client id; nobody else may speak for it. */
  private readonly awarenessOwners = new Map<number, Connection>();
  /**
   * Check updates of connections with `write` access, and with `text` access (adjusters:
   * existing text only). Made with the doc.
   */
  private validators: { write: UpdateValidator; text: UpdateValidator } | null = null;
  private materializeScheduled = false;
  /** Counts finished transaction cleanups: tells a throw inside Yjs from one in the clean-up. */
  private settledTransactions = 0;
  /** Which account writes under each Yjs client id (see sessionOwners.ts); from storage. */
  private readonly sessions: SessionOwners;
  /** Items the last client transaction added after approval without the flag; marked next. */
  private readonly unmarked: string[] = [];

  constructor(
    readonly meetingId: string,
    stored: StoredDocument,
    private readonly deps: RoomDeps,
  ) {
    // Owners do not need the doc: presence is checked against them before it is built.
    this.sessions = new SessionOwners(stored.sessions);
    this.content = new LazyDocument(stored, (doc) => {
      doc.on('update', this.onDocUpdate);
      doc.on('afterTransaction', this.onAfterTransaction);
      doc.on('afterAllTransactions', this.onTransactionsSettled);
      // The server's own changes (lifecycle fields) are written under the doc's client id.
      this.sessions.reserveForServer(doc.clientID);
      this.validators = {
        write: new UpdateValidator(doc, deps.shape),
        text: new UpdateValidator(doc, textOnly(deps.shape)),
      };
    });
    this.lastSeq = stored.lastSeq;
    this.storedBytes =
      (stored.snapshot?.byteLength ?? 0) +
      stored.updates.reduce((sum, update) => sum + update.byteLength, 0);
    this.updatesSinceSnapshot = stored.updates.length;
    // Presence is independent of the content; its own small doc only lends it a client id.
    this.awareness = new awarenessProtocol.Awareness(new Y.Doc());
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** The meeting's Y.Doc, built from storage if it has not been yet. */
  get doc(): Y.Doc {
    return this.content.get();
  }

  /** False while the room still answers from the stored bytes (see lazyDocument.ts). */
  get documentBuilt(): boolean {
    return this.content.isMaterialized;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Adds a connection and starts the sync handshake. */
  join(socket: SyncSocket, identity: ConnectionIdentity): void {
    if (this.closed) {
      socket.close(CloseCode.goingAway, 'room closed, reconnect');
      return;
    }
    const connection = new Connection(socket, identity, this.deps.limits.updateBurst);
    this.connections.set(socket, connection);
    this.send(connection, encodeSyncStep1(this.content.encodeStateVector()));
    const states = this.awareness.getStates();
    if (states.size > 0) {
      this.send(
        connection,
        encodeAwareness(
          awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()]),
        ),
      );
    }
  }

  /** Handles one binary frame from a joined socket. */
  receive(socket: SyncSocket, frame: Uint8Array): void {
    const connection = this.connections.get(socket);
    if (!connection) return;
    if (frame.byteLength > this.deps.limits.maxMessageBytes) {
      this.deps.metrics.messageRefused('message_too_large');
      this.disconnect(
        connection,
        CloseCode.messageTooLarge,
        `message of ${frame.byteLength} bytes exceeds the limit of ${this.deps.limits.maxMessageBytes}`,
      );
      return;
    }
    try {
      const message = decodeClientMessage(frame);
      switch (message.kind) {
        case 'syncStep1':
          this.answerStep1(connection, message.stateVector);
          return;
        case 'update':
          if (
            !takeToken(
              connection,
              this.deps.limits.maxUpdatesPerSecond,
              this.deps.limits.updateBurst,
            )
          ) {
            this.deps.metrics.messageRefused('rate_limited');
            // Transient code: the client reconnects after a back-off and resends from its state.
            this.disconnect(connection, CloseCode.rateLimited, 'too many updates; slow down');
            return;
          }
          this.acceptUpdate(connection, message.update);
          return;
        case 'awareness':
          this.acceptAwareness(connection, message.update);
          return;
        case 'subscribeSaved':
          connection.savedStateRequest = message.request;
          // With writes in flight the answer comes from announceSavedState once they are on disk.
          if (this.pendingWrites === 0 && this.pendingDurable === 0) {
            this.send(
              connection,
              encodeSavedState(this.content.encodeStateVector(), connection.savedStateRequest),
            );
          }
          return;
        case 'queryAwareness':
          this.send(
            connection,
            encodeAwareness(
              awarenessProtocol.encodeAwarenessUpdate(this.awareness, [
                ...this.awareness.getStates().keys(),
              ]),
            ),
          );
          return;
      }
    } catch (error) {
      const reason = error instanceof ProtocolError ? error.message : 'malformed message';
      this.deps.metrics.messageRefused('malformed');
      this.deps.logger.info(
        { meetingId: this.meetingId, reason: (error as Error).message },
        'refused malformed message',
      );
      this.disconnect(connection, CloseCode.malformedMessage, reason);
    }
  }

  /** Removes a connection (idempotent) and its awareness states. */
  leave(socket: SyncSocket): void {
    const connection = this.connections.get(socket);
    if (!connection) return;
    this.connections.delete(socket);
    const clientIds = connection.awarenessClientIds;
    if (clientIds !== null && clientIds.size > 0) {
      for (const clientId of clientIds) this.awarenessOwners.delete(clientId);
      awarenessProtocol.removeAwarenessStates(this.awareness, [...clientIds], 'disconnect');
    }
    if (this.connections.size === 0 && !this.closed) this.deps.onEmpty(this);
  }

  /**
   * Applies a changed role to the user's open connections at once: a demoted editor's next update
   * is refused; a user who lost access altogether is disconnected with 4403.
   */
  updateAccess(userId: string, access: ConnectionIdentity['access'] | null): void {
    for (const connection of [...this.connections.values()]) {
      if (connection.userId !== userId) continue;
      if (access === null) {
        this.disconnect(
          connection,
          CloseCode.forbidden,
          'you no longer have access to this meeting',
        );
      } else if (connection.access !== access) {
        // Refused from now on, and told: the client reconnects (a transient code) and asks
        // for its new role, so its editor turns read-only or editable without a reload.
        connection.access = access;
        this.disconnect(
          connection,
          CloseCode.roleChanged,
          `your role changed: access is now ${access}`,
        );
      }
    }
  }

  /** Applies a change the server makes (lifecycle fields); stored and broadcast like any update. */
  applyServerChange(change: (doc: Y.Doc) => void): void {
    if (this.closed) throw new Error('room is closed');
    Y.transact(this.doc, () => change(this.doc), serverOrigin);
  }

  /** Resolves once every accepted update has been committed and made durable (or failed). */
  async settle(): Promise<void> {
    while (this.pendingWrites > 0 || this.pendingDurable > 0) {
      await this.lastWrite;
      await this.lastDurable;
    }
  }

  /** Closes every connection with `code`; the room accepts nothing afterwards. */
  closeConnections(code: number, reason: string): void {
    this.closed = true;
    for (const connection of [...this.connections.values()]) {
      this.disconnect(connection, code, reason);
    }
  }

  /** Waits for pending writes, folds the log into a snapshot, and frees memory. */
  async unload(): Promise<void> {
    this.closed = true;
    await this.settle();
    // Also when only readers came (the doc was never built): the log has no per-meeting index,
    // so an unfolded tail makes every later load of this meeting scan the log from its first row.
    if (this.updatesSinceSnapshot > 0) await this.compactNow();
    this.destroy();
  }

  destroy(): void {
    this.closed = true;
    this.awareness.doc.destroy();
    this.awareness.destroy();
    this.content.destroy();
  }

  private answerStep1(connection: Connection, stateVector: Uint8Array): void {
    const reply = encodeSyncStep2(this.content.encodeStateAsUpdate(stateVector));
    // Answered from the stored bytes; a person who may write will type soon, so build the doc
    // now rather than on their first keystroke.
    if (!this.content.isMaterialized && connection.access !== 'read') {
      this.materializeSoon();
    }
    if (this.pendingWrites === 0) {
      this.send(connection, reply);
    } else {
      // The reply may contain updates that are not committed yet: hold it until they are.
      void this.lastWrite.then(() => {
        if (this.connections.has(connection.socket)) this.send(connection, reply);
      });
    }
  }

  private acceptUpdate(connection: Connection, update: Uint8Array): void {
    // The sync step 2 of a client that has nothing new: nothing to store, check or refuse.
    if (isEmptyUpdate(update)) return;
    if (this.doc.getMap(RootName.meta).get(MetaKey.locked) === true) {
      // Locked for justering: nobody edits, whatever their role, until the secretary unlocks.
      this.deps.metrics.messageRefused('locked');
      this.send(
        connection,
        encodePermissionDenied('the minutes are locked for justering: this update was not stored'),
      );
      return;
    }
    if (connection.access === 'read') {
      this.deps.metrics.messageRefused('read_only');
      this.send(connection, encodePermissionDenied('read-only: this update was not stored'));
      return;
    }
    // Parses the whole update without touching the doc, so a corrupt payload is refused before
    // anything is applied (applyUpdate could fail halfway through).
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(update);
    } catch (error) {
      throw new ProtocolError(`invalid Yjs update: ${(error as Error).message}`);
    }
    const doc = this.doc;
    const validators = this.validators;
    if (validators === null) throw new Error('the room has no validators');
    const validator = connection.access === 'write' ? validators.write : validators.text;
    const problem =
      validator.check(decoded) ??
      agendaRecordProblem(doc, decoded) ??
      this.sessions.check(doc, connection.userId, decoded);
    if (problem === missingDependency) {
      this.park(connection, update);
      return;
    }
    if (problem !== null) {
      this.deps.metrics.messageRefused('invalid_update');
      this.deps.logger.info(
        { meetingId: this.meetingId, userId: connection.userId, problem },
        'refused update that does not fit the meeting document',
      );
      this.disconnect(connection, CloseCode.invalidUpdate, problem);
      return;
    }
    if (this.storedBytes + update.byteLength > this.deps.limits.maxDocumentBytes) {
      this.deps.metrics.messageRefused('document_too_large');
      this.disconnect(
        connection,
        CloseCode.messageTooLarge,
        `the meeting document would exceed its limit of ${this.deps.limits.maxDocumentBytes} bytes`,
      );
      return;
    }
    const settledBefore = this.settledTransactions;
    try {
      Y.applyUpdate(doc, update, connection);
    } catch (error) {
      this.refuseBrokenUpdate(connection, error, this.settledTransactions > settledBefore);
      return;
    }
    // The sender's claims on the client ids it was first to write under were made, and stored
    // with the update, in onDocUpdate.
    this.markAdditions();
    this.retryParked(connection);
  }

  /**
   * Presence is applied only for client ids this connection owns (the first to announce an id
   * owns it), with the account's name stamped on, so nobody can appear as someone else or change
   * another person's presence. Entries for other clients' ids are dropped without a fuss:
   * y-websocket clients echo every awareness change they receive, their peers' included.
   */
  private acceptAwareness(connection: Connection, update: Uint8Array): void {
    const userId = connection.userId;
    const own = decodeAwarenessUpdate(update).filter((entry) => {
      const owner = this.awarenessOwners.get(entry.clientId);
      return (
        (owner === undefined || owner === connection) &&
        this.sessions.mayPresent(entry.clientId, userId)
      );
    });
    if (own.length === 0) return;
    for (const entry of own) {
      if (entry.state === null) {
        this.awarenessOwners.delete(entry.clientId);
      } else {
        this.awarenessOwners.set(entry.clientId, connection);
        this.sessions.claimPresence(entry.clientId, userId);
      }
    }
    const stamped = own.map((entry) => ({
      ...entry,
      state: stampIdentity(entry.state, connection),
    }));
    awarenessProtocol.applyAwarenessUpdate(
      this.awareness,
      encodeAwarenessUpdate(stamped),
      connection,
    );
  }

  /**
   * Yjs threw while applying an update the validator let through. When the throw came from
   * integrating the update, Yjs still ran the transaction's clean-up (it sits in a `finally`):
   * whatever part was integrated was emitted as an ordinary update, so it is being stored and
   * broadcast like any other, and doc, storage and peers agree. Then only the sender goes: hostile
   * input must never send everyone else away. Only when the clean-up itself did not finish does
   * the room no longer know what it holds, and it reloads from storage (4500 for everyone).
   */
  private refuseBrokenUpdate(connection: Connection, error: unknown, settled: boolean): void {
    if (!settled) {
      this.fail(error);
      return;
    }
    this.deps.metrics.messageRefused('malformed');
    this.deps.logger.warn(
      { meetingId: this.meetingId, userId: connection.userId, err: error },
      'refused an update that Yjs could not apply',
    );
    this.disconnect(
      connection,
      CloseCode.malformedMessage,
      `invalid Yjs update: ${(error as Error).message}`,
    );
  }

  /**
   * Holds an update whose dependencies have not arrived. Bounded: a client that keeps sending
   * updates built on content it never sends is closed instead of growing memory.
   */
  private park(connection: Connection, update: Uint8Array): void {
    connection.parked ??= { updates: [], bytes: 0 };
    connection.parked.updates.push(update);
    connection.parked.bytes += update.byteLength;
    if (
      connection.parked.updates.length > 1000 ||
      connection.parked.bytes > this.deps.limits.maxMessageBytes
    ) {
      this.deps.metrics.messageRefused('invalid_update');
      this.disconnect(
        connection,
        CloseCode.invalidUpdate,
        `${missingDependency} (and never sent it)`,
      );
    }
  }

  /** After an update from this connection was applied, tries its parked ones again, in order. */
  private retryParked(connection: Connection): void {
    if (connection.parked === null || this.retrying) return;
    this.retrying = true;
    try {
      let progress = true;
      while (progress && connection.parked !== null && this.connections.has(connection.socket)) {
        progress = false;
        const waiting = connection.parked.updates;
        connection.parked = null;
        for (const update of waiting) {
          const before = parkedCount(connection);
          this.acceptUpdate(connection, update);
          if (parkedCount(connection) === before) progress = true;
        }
      }
    } finally {
      this.retrying = false;
    }
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    const author = origin instanceof Connection ? origin : null;
    const authorId = author?.userId ?? null;
    // Fired inside Y.applyUpdate of an update acceptUpdate has just checked: its sender now owns
    // the client ids it is the first to write under, and the claims go into the same commit as
    // the content. Server-made changes claim nothing.
    const claims = author === null ? [] : this.sessions.claimChecked(authorId);
    this.pendingWrites += 1;
    this.storedBytes += update.byteLength;
    this.deps.metrics.updateAccepted(update.byteLength);
    const committed = this.deps.appendUpdate({
      meetingId: this.meetingId,
      update,
      authorId,
      ...(claims.length > 0 && authorId !== null ? { claims } : {}),
    });
    this.lastWrite = committed.then(
      (seq) => {
        this.pendingWrites -= 1;
        this.lastSeq = Math.max(this.lastSeq, seq);
        this.updatesSinceSnapshot += 1;
        // Counted at once: nobody may hear "saved" between the commit and the fsync's request.
        this.pendingDurable += 1;
        this.committed.push({ update, author: author?.socket });
        // A group commit resolves all its updates in one go: their broadcast waits for the
        // last of them (a microtask later), so that each peer gets them in one socket write.
        if (this.committed.length === 1) queueMicrotask(this.broadcastCommitted);
      },
      (error: unknown) => {
        this.pendingWrites -= 1;
        this.fail(error);
      },
    );
  };

  /**
   * Sends every update committed in the current group commit to the room's peers (each to all but
   * its author), then asks for their fsync: asking costs a thread-pool hand-off, which is better
   * not on the way of the broadcast.
   */
  private readonly broadcastCommitted = (): void => {
    const committed = this.committed;
    this.committed = [];
    if (!(this.closed && this.connections.size === 0)) {
      const all = new BroadcastMessage(committed.map((entry) => encodeSyncUpdate(entry.update)));
      for (const connection of this.connections.values()) {
        if (!this.mayQueue(connection)) continue;
        const socket = connection.socket;
        if (committed.every((entry) => entry.author !== socket)) {
          socket.sendBroadcast(all);
          continue;
        }
        // Its own updates are not echoed: the others are sent one by one (rarely more than one).
        const others = all.payloads.filter((_, index) => committed[index]?.author !== socket);
        if (others.length > 0) socket.sendBroadcast(new BroadcastMessage(others));
      }
    }
    this.awaitDurable(committed.length);
    if (!this.closed) this.maybeCompact();
  };

  /**
   * After `count` commits (counted in pendingDurable): once they are on disk, and nothing else is
   * waiting, subscribers hear "saved".
   */
  private awaitDurable(count: number): void {
    this.lastDurable = this.deps.whenDurable().then(
      () => {
        this.pendingDurable -= count;
        if (this.closed && this.connections.size === 0) return;
        if (this.pendingDurable === 0 && this.pendingWrites === 0) this.announceSavedState();
      },
      (error: unknown) => {
        this.pendingDurable -= count;
        // What peers have may not be on disk: reload, so that clients resend what is missing.
        this.fail(error);
      },
    );
  }

  private readonly onAfterTransaction = (transaction: Y.Transaction): void => {
    if (!(transaction.origin instanceof Connection)) return;
    this.unmarked.push(...unmarkedAdditions(transaction));
    const itemIds = touchedItemIds(transaction);
    if (itemIds.size > 0) {
      this.deps.onActivity(this.meetingId, transaction.origin.userId, itemIds);
    }
  };

  private readonly onTransactionsSettled = (): void => {
    this.settledTransactions += 1;
  };

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin instanceof Connection) {
      if (change.added.length > 0) {
        origin.awarenessClientIds ??= new Set();
        for (const clientId of change.added) origin.awarenessClientIds.add(clientId);
      }
      for (const clientId of change.removed) origin.awarenessClientIds?.delete(clientId);
    }
    const changed = [...change.added, ...change.updated, ...change.removed];
    // Sent to the sender too: renewals are what keep an idle client's 30 s timeout from firing.
    this.broadcast(
      encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)),
    );
  };

  /** Flags items a client added after the agenda was approved without saying so (agendaRecord.ts). */
  private markAdditions(): void {
    if (this.unmarked.length === 0) return;
    const itemIds = this.unmarked.splice(0);
    this.applyServerChange((doc) => {
      const items = doc.getMap<Y.Map<unknown>>(RootName.items);
      for (const itemId of itemIds) items.get(itemId)?.set(ItemKey.addedAfterApproval, true);
    });
  }

  /**
   * With no write in flight or waiting for its fsync, the document's state is exactly what is on
   * disk: tell the subscribers, so "saved" on their screen means stored here.
   */
  private announceSavedState(): void {
    let stateVector: Uint8Array | null = null;
    for (const connection of this.connections.values()) {
      if (connection.savedStateRequest === undefined) continue;
      stateVector ??= this.content.encodeStateVector();
      this.send(connection, encodeSavedState(stateVector, connection.savedStateRequest));
    }
  }

  private broadcast(payload: Uint8Array): void {
    const message = new BroadcastMessage([payload]);
    for (const connection of this.connections.values()) {
      if (this.mayQueue(connection)) connection.socket.sendBroadcast(message);
    }
  }

  private send(connection: Connection, message: Uint8Array): void {
    if (this.mayQueue(connection)) connection.socket.sendMessage(message);
  }

  /**
   * A consumer that cannot keep up would otherwise grow our memory without bound: it is closed
   * with 4503 and reconnects to catch up from its state vector, which is cheaper than buffering.
   */
  private mayQueue(connection: Connection): boolean {
    if (connection.socket.bufferedAmount <= this.deps.limits.maxBufferedBytes) return true;
    this.deps.metrics.messageRefused('slow_consumer');
    this.disconnect(connection, CloseCode.overloaded, 'send buffer full: reconnect to catch up');
    return false;
  }

  private disconnect(connection: Connection, code: number, reason: string): void {
    connection.socket.close(code, reason);
    this.leave(connection.socket);
  }

  /** Builds the doc after the current I/O (the answer already sent), unless something did. */
  private materializeSoon(): void {
    if (this.materializeScheduled) return;
    this.materializeScheduled = true;
    setImmediate(() => {
      this.materializeScheduled = false;
      if (this.closed || this.content.isMaterialized) return;
      try {
        this.content.get();
      } catch (error) {
        this.fail(error);
      }
    });
  }

  private maybeCompact(): void {
    if (
      this.updatesSinceSnapshot >= this.deps.limits.compactAfterUpdates &&
      this.pendingWrites === 0 &&
      !this.compacting
    ) {
      void this.compactNow();
    }
  }

  private async compactNow(): Promise<void> {
    if (this.compacting) return;
    this.compacting = true;
    const folded = this.updatesSinceSnapshot;
    // Taken with no write pending, so the snapshot holds exactly the updates up to lastSeq.
    const { state: snapshot, stateVector } = this.content.encodeSnapshot();
    try {
      await this.deps.compact(this.meetingId, snapshot, this.lastSeq, stateVector);
      this.updatesSinceSnapshot -= folded;
      this.storedBytes = snapshot.byteLength;
    } catch (error) {
      // Not fatal: the log is still complete; the next compaction retries.
      this.deps.logger.warn({ meetingId: this.meetingId, err: error }, 'compaction failed');
    } finally {
      this.compacting = false;
    }
  }

  private fail(error: unknown): void {
    if (this.closed) return;
    this.deps.logger.error({ meetingId: this.meetingId, err: error }, 'room failed; reloading');
    this.closeConnections(CloseCode.storageFailure, 'server could not store edits; reconnecting');
    this.deps.onFailed(this);
    this.destroy();
  }
}

/** Read through a call: TypeScript would keep `parked` narrowed to null inside the retry loop. */
function parkedCount(connection: Connection): number {
  return connection.parked?.updates.length ?? 0;
}
