import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MessageType } from '../../../shared/protocol/index.ts';

/** What we asked the server to confirm: request number and the local state at that moment. */
export interface SaveRequest {
  request: number;
  localStateVector: Uint8Array;
}

/** The server's saved-state message: what it has durably stored, and our latest request number. */
export interface SavedAnswer {
  request: number | null;
  storedStateVector: Uint8Array;
}

/** True when the stored state vector has every client's clock at least as far as `local`. */
export function stateVectorCovers(stored: Uint8Array, local: Uint8Array): boolean {
  const storedClocks = Y.decodeStateVector(stored);
  for (const [client, clock] of Y.decodeStateVector(local)) {
    if ((storedClocks.get(client) ?? 0) < clock) return false;
  }
  return true;
}

/**
 * "All changes saved": the server answered our latest request (so every update we sent before
 * it, deletions included, was handled and committed — the server answers only with no write
 * pending) and what it stores covers everything this document had when we asked (so nothing was
 * refused, parked or never sent).
 */
export function isStoredOnServer(pending: SaveRequest | null, answer: SavedAnswer | null): boolean {
  if (pending === null || answer === null) return false;
  if (answer.request !== pending.request) return false;
  return stateVectorCovers(answer.storedStateVector, pending.localStateVector);
}

/**
 * Follows Justera's saved-state extension (message type 4) on a provider. After every local
 * change, every reconnect and every sync reply we send, it asks again with a new request number
 * `[4, n]`; the server answers `[4, storedStateVector, n]` once nothing is pending.
 */
export class SavedStateTracker {
  private readonly listeners = new Set<() => void>();
  private request = 0;
  private pending: SaveRequest | null = null;
  private answer: SavedAnswer | null = null;
  private queued = false;
  private destroyed = false;
  /** True while y-websocket applies a message that came from the server (already stored there). */
  private applyingServerMessage = false;
  private saved = false;
  private readonly cleanups: Array<() => void> = [];

  constructor(private readonly provider: WebsocketProvider) {
    const handlers = provider.messageHandlers;
    const stockSync = handlers[MessageType.sync];
    if (stockSync === undefined) throw new Error('y-websocket has no sync message handler');
    handlers[MessageType.sync] = (encoder, decoder, target, emitSynced, messageType) => {
      // emitSynced is true for socket messages and false for other tabs (BroadcastChannel),
      // whose changes the server may not have.
      this.applyingServerMessage = emitSynced;
      try {
        stockSync(encoder, decoder, target, emitSynced, messageType);
      } finally {
        this.applyingServerMessage = false;
      }
      // A reply (our sync step 2: what the server lacks, e.g. offline edits) is sent right after
      // this handler returns; ask once it is on the wire.
      if (emitSynced && encoding.length(encoder) > 1) this.askAgain();
    };
    handlers[MessageType.savedState] = (_encoder, decoder, _target, emitSynced) => {
      if (!emitSynced) return;
      const storedStateVector = decoding.readVarUint8Array(decoder);
      const request = decoding.hasContent(decoder) ? decoding.readVarUint(decoder) : null;
      this.answer = { request, storedStateVector };
      this.refresh();
    };
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === provider && this.applyingServerMessage) return;
      this.askAgain();
    };
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') this.askAgain();
    };
    // Registered after the provider's own update listener, so our request follows the update.
    provider.doc.on('update', onUpdate);
    provider.on('status', onStatus);
    this.cleanups.push(
      () => provider.doc.off('update', onUpdate),
      () => provider.off('status', onStatus),
      () => {
        handlers[MessageType.sync] = stockSync;
        delete handlers[MessageType.savedState];
      },
    );
    if (provider.wsconnected) this.askAgain();
  }

  /** True when everything in the local document is stored on the server. */
  get isSaved(): boolean {
    return this.saved;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.destroyed = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.listeners.clear();
  }

  /** Invalidates the current answer now; sends one request for all changes of this task. */
  private askAgain(): void {
    this.request += 1;
    this.pending = null;
    this.refresh();
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      if (this.destroyed) return;
      this.pending = {
        request: this.request,
        localStateVector: Y.encodeStateVector(this.provider.doc),
      };
      const ws = this.provider.ws;
      if (this.provider.wsconnected && ws !== null && ws.readyState === ws.OPEN) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.savedState);
        encoding.writeVarUint(encoder, this.request);
        ws.send(encoding.toUint8Array(encoder));
      }
      this.refresh();
    });
  }

  private refresh(): void {
    const saved = isStoredOnServer(this.pending, this.answer);
    if (saved === this.saved) return;
    this.saved = saved;
    for (const listener of this.listeners) listener();
  }
}
