/**
 * A lean load-generator client for the y-websocket protocol and for Hocuspocus's framing of it
 * (every message prefixed with the document name, plus an auth handshake).
 *
 * Clients may carry a Y.Doc (writers, cold-load readers) or none (idle and receiving clients:
 * they answer the handshake with an empty state and time arriving updates by the id of their
 * first struct, without applying them), so the load generator spends its share of the two cores
 * on sockets, not on Yjs.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';

export type Framing = 'y-websocket' | 'hocuspocus';

export interface ClientOptions {
  url: string;
  framing: Framing;
  /** Hocuspocus: the document name every message is prefixed with. */
  documentName?: string;
  /** Hocuspocus: the token sent in the auth message. */
  token?: string;
  /** A doc to sync into and to send local changes from. */
  doc?: Y.Doc;
  /** Told about every incoming update (broadcast edits), with its arrival time. */
  onUpdate?: (update: Uint8Array, at: number) => void;
  /**
   * Justera's saved-state answers (after subscribeSaved): the state vector of what is on disk.
   * Only Justera sends them.
   */
  onSaved?: (stored: Map<number, number>, at: number) => void;
  /** Close code/reason callback (unexpected closes are counted by scenarios). */
  onClose?: (code: number, reason: string) => void;
}

const MSG_SYNC = 0;
const MSG_AWARENESS = 1;
const MSG_AUTH = 2;
const MSG_SYNC_REPLY = 4; // Hocuspocus: a sync message that asks for no further step 1
const MSG_SAVED_STATE = 4; // Justera (y-websocket framing): what is on disk, see shared/protocol
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;
/** encodeStateAsUpdate of an empty doc: no structs, no deletions. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);
/** encodeStateVector of an empty doc. */
const EMPTY_STATE_VECTOR = new Uint8Array([0]);
const REMOTE = Symbol('remote');

export class BenchClient {
  readonly ws: WebSocket;
  /** Resolves when the server's state (sync step 2) has arrived (and was applied to `doc`). */
  readonly synced: Promise<void>;
  /** performance.now() when the socket was created / opened. */
  readonly createdAt = performance.now();
  openedAt = 0;
  /** performance.now() when sync step 2 arrived (before it was applied), and once it was applied. */
  step2At = 0;
  syncedAt = 0;
  /** Bytes of the sync step 2 payload received. */
  step2Bytes = 0;
  updatesReceived = 0;
  closed = false;
  closeCode = 0;
  private resolveSynced!: () => void;
  private rejectSynced!: (error: Error) => void;

  constructor(private readonly options: ClientOptions) {
    this.synced = new Promise<void>((resolve, reject) => {
      this.resolveSynced = resolve;
      this.rejectSynced = reject;
    });
    // Unhandled if nobody awaits it (idle clients); the close code is recorded anyway.
    this.synced.catch(() => undefined);
    this.ws = new WebSocket(options.url, { perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('open', this.onOpen);
    this.ws.on('message', this.onMessage);
    this.ws.on('error', (error) => this.rejectSynced(error));
    this.ws.on('close', (code, reason) => {
      this.closed = true;
      this.closeCode = code;
      this.rejectSynced(new Error(`closed with ${code} ${reason.toString()}`));
      options.onClose?.(code, reason.toString());
    });
    if (options.doc) options.doc.on('update', this.onLocalUpdate);
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Sends a Yjs update as a sync `update` message. */
  sendUpdate(update: Uint8Array): void {
    this.send(MSG_SYNC, (encoder) => {
      encoding.writeVarUint(encoder, SYNC_UPDATE);
      encoding.writeVarUint8Array(encoder, update);
    });
  }

  /** Justera: asks to be told what is on disk now and after every fsync (onSaved). */
  subscribeSaved(request: number): void {
    this.send(MSG_SAVED_STATE, (encoder) => encoding.writeVarUint(encoder, request));
  }

  /** Sends an awareness update (presence) for this client. */
  sendAwareness(clientId: number, clock: number, state: unknown): void {
    this.send(MSG_AWARENESS, (encoder) => {
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, clientId);
      encoding.writeVarUint(inner, clock);
      encoding.writeVarString(inner, JSON.stringify(state));
      encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
    });
  }

  close(): void {
    this.options.doc?.off('update', this.onLocalUpdate);
    if (this.ws.readyState === WebSocket.CONNECTING || this.ws.readyState === WebSocket.OPEN) {
      this.ws.close(1000);
    }
  }

  /** Resolves once the socket is closed. */
  whenClosed(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => this.ws.once('close', () => resolve()));
  }

  private readonly onOpen = (): void => {
    this.openedAt = performance.now();
    if (this.options.framing === 'hocuspocus') {
      this.send(MSG_AUTH, (encoder) => {
        encoding.writeVarUint(encoder, 0); // AuthMessageType.Token
        encoding.writeVarString(encoder, this.options.token ?? 'bench');
      });
    }
    const stateVector = this.options.doc
      ? Y.encodeStateVector(this.options.doc)
      : EMPTY_STATE_VECTOR;
    this.send(MSG_SYNC, (encoder) => {
      encoding.writeVarUint(encoder, SYNC_STEP1);
      encoding.writeVarUint8Array(encoder, stateVector);
    });
  };

  private readonly onMessage = (data: Buffer): void => {
    const at = performance.now();
    const decoder = decoding.createDecoder(
      new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    );
    if (this.options.framing === 'hocuspocus') decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === MSG_SAVED_STATE && this.options.framing === 'y-websocket') {
      this.options.onSaved?.(Y.decodeStateVector(decoding.readVarUint8Array(decoder)), at);
      return;
    }
    if (type !== MSG_SYNC && type !== MSG_SYNC_REPLY) return; // awareness, auth, sync status
    const sub = decoding.readVarUint(decoder);
    if (sub === SYNC_STEP1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      const update = this.options.doc
        ? Y.encodeStateAsUpdate(this.options.doc, stateVector)
        : EMPTY_UPDATE;
      this.send(MSG_SYNC, (encoder) => {
        encoding.writeVarUint(encoder, SYNC_STEP2);
        encoding.writeVarUint8Array(encoder, update);
      });
    } else if (sub === SYNC_STEP2) {
      const update = decoding.readVarUint8Array(decoder);
      this.step2Bytes += update.byteLength;
      if (this.step2At === 0) this.step2At = at;
      if (this.options.doc) Y.applyUpdate(this.options.doc, update, REMOTE);
      if (this.syncedAt === 0) {
        this.syncedAt = performance.now();
        this.resolveSynced();
      }
    } else if (sub === SYNC_UPDATE) {
      const update = decoding.readVarUint8Array(decoder);
      this.updatesReceived += 1;
      this.options.onUpdate?.(update, at);
    }
  };

  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === REMOTE || !this.isOpen) return;
    this.sendUpdate(update);
  };

  private send(type: number, write: (encoder: encoding.Encoder) => void): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    if (this.options.framing === 'hocuspocus') {
      encoding.writeVarString(encoder, this.options.documentName ?? '');
    }
    encoding.writeVarUint(encoder, type);
    write(encoder);
    this.ws.send(encoding.toUint8Array(encoder));
  }
}

/**
 * The id (client, clock) of an update's first struct, as a map key; null for a delete-only
 * update. Cheap: reads four varints of the v1 update header, applies nothing.
 */
export function firstStructKey(update: Uint8Array): string | null {
  const decoder = decoding.createDecoder(update);
  const clients = decoding.readVarUint(decoder);
  if (clients === 0) return null;
  decoding.readVarUint(decoder); // number of structs of this client
  const client = decoding.readVarUint(decoder);
  const clock = decoding.readVarUint(decoder);
  return `${client}:${clock}`;
}

/** The key firstStructKey will give for the next local change of `doc`. */
export function nextStructKey(doc: Y.Doc): string {
  return `${doc.clientID}:${Y.getState(doc.store, doc.clientID)}`;
}
