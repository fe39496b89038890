import { pino } from 'pino';
import * as Y from 'yjs';
import type { ConnectionIdentity } from '../../server/src/auth/syncAccess.ts';
import type { StoredDocument, UpdateEntry } from '../../server/src/storage/storage.ts';
import type { BroadcastMessage } from '../../server/src/sync/broadcastMessage.ts';
import { Room, type RoomLimits } from '../../server/src/sync/room.ts';
import type { SyncSocket } from '../../server/src/sync/syncSocket.ts';
import { meetingShape } from '../../server/src/sync/validation/meetingShape.ts';
import { syncUpdateFrame } from './wire.ts';

/** An in-memory socket: records what the room sends and how it closes it. */
export class FakeSocket implements SyncSocket {
  sent: Uint8Array[] = [];
  closed: { code: number; reason: string } | null = null;
  bufferedAmount = 0;
  /** Calls to send: a real socket writes once per call. */
  writes = 0;
  sendMessage(message: Uint8Array): void {
    this.writes += 1;
    this.sent.push(message);
  }
  sendBroadcast(message: BroadcastMessage): void {
    this.writes += 1;
    this.sent.push(...message.payloads);
  }
  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }
  /** Sync messages of sub-type update (0, 2) received so far. */
  get updates(): number {
    return this.sent.filter((message) => message[0] === 0 && message[1] === 2).length;
  }
}

export interface MemoryRoomOptions {
  /** Storage's append; resolves with the sequence number once committed. Default: at once. */
  appendUpdate?: (entry: UpdateEntry) => Promise<number>;
  /** Storage's fsync of what is committed. Default: resolves at once. */
  whenDurable?: () => Promise<void>;
  stored?: StoredDocument;
  limits?: Partial<RoomLimits>;
}

/**
 * A Room over in-memory sockets and storage callbacks, with the real document shape: room logic
 * tested without a transport or a database (CONVENTIONS: the Room talks to a socket interface).
 */
export function createMemoryRoom(options: MemoryRoomOptions = {}) {
  const failed: Room[] = [];
  const stored: UpdateEntry[] = [];
  let seq = 0;
  const empty: StoredDocument = { snapshot: null, updates: [], lastSeq: 0, sessions: [] };
  const room = new Room('m1', options.stored ?? empty, {
    appendUpdate:
      options.appendUpdate ??
      (async (entry) => {
        stored.push(entry);
        seq += 1;
        return seq;
      }),
    whenDurable: options.whenDurable ?? (async () => undefined),
    compact: async () => undefined,
    logger: pino({ level: 'silent' }),
    metrics: {
      updateAccepted: () => undefined,
      messageRefused: () => undefined,
      storageAppended: () => undefined,
    },
    limits: {
      maxMessageBytes: 1024 * 1024,
      maxBufferedBytes: 64 * 1024,
      compactAfterUpdates: 1000,
      maxDocumentBytes: 16 * 1024 * 1024,
      maxUpdatesPerSecond: 1000,
      updateBurst: 1000,
      ...options.limits,
    },
    shape: meetingShape,
    onActivity: () => undefined,
    onEmpty: () => undefined,
    onFailed: (failedRoom) => failed.push(failedRoom),
  });
  return { room, failed, stored };
}

/**
 * A client replica joined to `room` as `identity`: `pull` takes what the room has, `push` sends
 * the room whatever it lacks (as one sync update) and waits until it is stored.
 */
export function connectReplica(room: Room, identity: ConnectionIdentity) {
  const socket = new FakeSocket();
  room.join(socket, identity);
  const doc = new Y.Doc();
  const pull = () => Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc, Y.encodeStateVector(doc)));
  const push = async () => {
    room.receive(
      socket,
      syncUpdateFrame(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(room.doc))),
    );
    await room.settle();
  };
  return { socket, doc, pull, push };
}
