import type { IncomingMessage, Server } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { ApiError } from '../../../shared/api/index.ts';
import {
  CloseCode,
  fitCloseReason,
  meetingIdSchema,
  syncPathPrefix,
} from '../../../shared/protocol/index.ts';
import type { ConnectionIdentity, SyncAccessResolver } from '../auth/syncAccess.ts';
import type { Logger } from '../logger.ts';
import type { SyncMetrics } from '../metrics.ts';
import { type BroadcastMessage, encodeBinaryFrame } from './broadcastMessage.ts';
import { startHeartbeat } from './heartbeat.ts';
import { dropListenerTable } from './listenerTable.ts';
import type { Room } from './room.ts';
import type { RoomManager } from './roomManager.ts';
import type { SyncSocket } from './syncSocket.ts';

export interface SyncEndpointOptions {
  manager: RoomManager;
  logger: Logger;
  resolveAccess: SyncAccessResolver;
  heartbeatIntervalMs: number;
  /** Largest frame accepted; larger ones are closed with 4413 as soon as their header arrives. */
  maxMessageBytes: number;
  /** Open sockets per process; further upgrades are answered 503. */
  maxConnections: number;
  /** Loaded meetings per process; opening one more is answered 503. */
  maxRooms: number;
  metrics: SyncMetrics;
}

export interface SyncEndpoint {
  readonly connectionCount: number;
  /** Stops accepting upgrades and the heartbeat; connections are closed by the room manager. */
  close(): void;
}

/**
 * Binds the y-websocket endpoint `/sync/<meetingId>` to an HTTP server, using `ws` directly: we
 * get native Buffers without copies, our own maxPayload, and every socket's events, its errors
 * included (unhandled, a protocol error from ws would crash the process), handled by the socket.
 */
export function attachSyncEndpoint(server: Server, options: SyncEndpointOptions): SyncEndpoint {
  const tooLargeReason = `message exceeds the limit of ${options.maxMessageBytes} bytes`;
  const sockets = new Set<SyncWebSocket>();
  /**
   * One object per connection: the ws socket is the room's SyncSocket and carries the little the
   * transport keeps about the connection, and it handles its own events (emit, below), so an idle
   * connection costs ws's own objects and a few fields, not listeners and closures.
   */
  class SyncWebSocket extends WebSocket implements SyncSocket {
    answeredPing = true;
    pingsWhileQueued = 0;
    meetingId = '';
    /** The TCP socket under ws: broadcasts are written to it as ready-made frames. */
    raw: Duplex | null = null;
    room: Room | null = null;
    /** Frames that arrive while the room loads, replayed in order; null once it has. */
    held: Uint8Array[] | null = null;

    /**
     * ws refuses a frame whose header announces more than maxPayload (before buffering any of
     * it) by closing with 1009, which y-websocket treats as transient: it would reconnect and
     * resend the same update forever. 1009 means nothing else here (no compression), so it
     * becomes the documented, permanent 4413, whatever the announced size (up to 2^64).
     */
    override close(code?: number, reason?: string | Buffer): void {
      if (code === CloseCode.transportTooLarge) {
        options.metrics.messageRefused('message_too_large');
        super.close(CloseCode.messageTooLarge, tooLargeReason);
        return;
      }
      super.close(code, typeof reason === 'string' ? fitCloseReason(reason) : reason);
    }

    /**
     * ws writes each of its own frames to the TCP socket in one synchronous call (no
     * compression, no Blobs, so its sender never queues), so a ready-made frame written beside
     * them cannot interleave with one; once ws has begun closing nothing more is written.
     * `bufferedAmount` (ws's) counts the TCP socket's queue, so these frames count too.
     */
    sendBroadcast(message: BroadcastMessage): void {
      this.writeFrames(message.frame);
    }

    /**
     * A small message is framed into one buffer and written the same way (one write instead of
     * ws's header allocation, cork and two-buffer writev); a large one goes through ws, which
     * writes it without copying it.
     */
    sendMessage(message: Uint8Array): void {
      if (message.byteLength >= copyLimitBytes) this.send(message);
      else this.writeFrames(encodeBinaryFrame(message));
    }

    /** Writes ready-made frames to the TCP socket, unless ws has begun closing. */
    private writeFrames(frames: Buffer): void {
      if (this.readyState === WebSocket.OPEN) this.raw?.write(frames);
    }

    /**
     * ws emits the socket's events on the socket itself; they are answered here, before
     * EventEmitter would look for listeners, so that an idle connection has no listener table
     * of its own (a dictionary of a few hundred bytes per socket) and no closures.
     */
    override emit(event: string | symbol, a?: unknown, b?: unknown, ...rest: unknown[]): boolean {
      switch (event) {
        case 'message':
          this.handleMessage(a as Buffer, b as boolean);
          return true;
        case 'ping':
          this.answerPing(a as Buffer);
          return true;
        case 'pong':
          this.answeredPing = true;
          return true;
        case 'error':
          options.logger.info({ meetingId: this.meetingId, err: a }, 'socket error');
          return true;
        case 'close':
          this.handleClose(a as number, b as Buffer);
          return true;
        default:
          return super.emit(event, a, b, ...rest);
      }
    }

    handleMessage(data: Buffer, isBinary: boolean): void {
      if (!isBinary) {
        options.metrics.messageRefused('text_frame');
        this.close(CloseCode.unsupportedData, 'text frames are not supported; send binary');
        return;
      }
      const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (this.room) {
        this.room.receive(this, frame);
        return;
      }
      this.held ??= [];
      this.held.push(frame);
    }

    /**
     * ws's own pong answering keeps a closure per socket to count the pongs not yet written;
     * this counts the pings that arrive while anything is waiting to be written instead. A peer
     * that keeps pinging without reading what we send is cut off, as ws would.
     */
    answerPing(data: Buffer): void {
      if (this.readyState !== WebSocket.OPEN) return;
      this.pingsWhileQueued = this.bufferedAmount === 0 ? 0 : this.pingsWhileQueued + 1;
      if (this.pingsWhileQueued > maxPingsWhileQueued) {
        options.metrics.messageRefused('slow_consumer');
        this.terminate();
        return;
      }
      this.pong(data);
    }

    handleClose(code: number, reason: Buffer): void {
      sockets.delete(this);
      this.room?.leave(this);
      this.room = null;
      options.logger.debug(
        { meetingId: this.meetingId, code, reason: reason.toString() },
        'socket closed',
      );
    }
  }

  function onUpgradeSocketError(error: Error): void {
    options.logger.debug({ err: error }, 'upgrade socket error');
  }

  const wss = new WebSocketServer({
    noServer: true,
    WebSocket: SyncWebSocket,
    maxPayload: options.maxMessageBytes,
    perMessageDeflate: false,
    // We keep our own set (for the limit and the heartbeat); ws's would be a second one.
    clientTracking: false,
    // Pings are answered by SyncWebSocket.answerPing (see there).
    autoPong: false,
  });
  const heartbeat = startHeartbeat(options.heartbeatIntervalMs, sockets);
  let accepting = true;

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Until ws has the socket (it adds its own listener), an error must not crash the process.
    socket.on('error', onUpgradeSocketError);
    void handleUpgrade(request, socket, head).catch((error: unknown) => {
      options.logger.error({ err: error }, 'upgrade failed');
      rejectUpgrade(socket, 500);
    });
  };

  const handleUpgrade = async (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!accepting) return rejectUpgrade(socket, 503, shuttingDown);
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (!path.startsWith(`${syncPathPrefix}/`)) return rejectUpgrade(socket, 404);
    const parsed = meetingIdSchema.safeParse(safeDecode(path.slice(syncPathPrefix.length + 1)));
    if (!parsed.success) return rejectUpgrade(socket, 400);
    const meetingId = parsed.data;
    const access = await options.resolveAccess(request, meetingId);
    if (!access.ok) return rejectUpgrade(socket, access.status);
    if (socket.destroyed) return;
    // Checked after authentication so that strangers cannot probe the server's load.
    if (sockets.size >= options.maxConnections) {
      options.metrics.messageRefused('connection_limit');
      return rejectUpgrade(socket, 503, {
        code: 'too_many_connections',
        message: `The server has reached its limit of ${options.maxConnections} open connections. Try again in a moment.`,
      });
    }
    if (
      !options.manager.isActive(meetingId) &&
      options.manager.loadedRoomCount >= options.maxRooms
    ) {
      options.metrics.messageRefused('room_limit');
      return rejectUpgrade(socket, 503, {
        code: 'too_many_rooms',
        message: `The server has reached its limit of ${options.maxRooms} open meetings. Try again in a moment.`,
      });
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      socket.off('error', onUpgradeSocketError);
      onConnection(ws as SyncWebSocket, socket, meetingId, access.identity);
    });
  };

  const onConnection = (
    ws: SyncWebSocket,
    raw: Duplex,
    meetingId: string,
    identity: ConnectionIdentity,
  ) => {
    ws.meetingId = meetingId;
    ws.raw = raw;
    // Its emit answers every event itself: the (empty) listener table is not needed.
    dropListenerTable(ws);
    sockets.add(ws);

    options.manager.acquire(meetingId).then(
      (loaded) => {
        if (ws.readyState !== WebSocket.OPEN) {
          options.manager.releaseIfEmpty(loaded);
          return;
        }
        ws.room = loaded;
        // The room's copy of the id: one string per meeting instead of one per connection.
        ws.meetingId = loaded.meetingId;
        loaded.join(ws, identity);
        const held = ws.held;
        ws.held = null;
        if (held) for (const frame of held) loaded.receive(ws, frame);
      },
      (error: unknown) => {
        options.logger.error({ meetingId, err: error }, 'room load failed');
        ws.close(CloseCode.storageFailure, 'could not load the meeting; retrying');
      },
    );
  };

  server.on('upgrade', onUpgrade);
  return {
    get connectionCount() {
      return sockets.size;
    },
    close() {
      accepting = false;
      server.off('upgrade', onUpgrade);
      heartbeat.stop();
      wss.close();
    },
  };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A broken %-escape cannot be a meeting id; the schema check rejects the raw string.
    return segment;
  }
}

/** Messages up to this size are copied into a frame of their own by sendMessage. */
const copyLimitBytes = 16 * 1024;

/** As ws's own limit (maxPendingAutoPongs): pongs queued behind a peer that does not read. */
const maxPingsWhileQueued = 60;

const shuttingDown: ApiError['error'] = {
  code: 'shutting_down',
  message: 'The server is shutting down. Reconnect in a moment.',
};

/** Seconds a client refused with 503 is asked to wait (the limits are transient). */
const retryAfterSeconds = 5;

/** Answers an upgrade with the API's one error shape, before any WebSocket handshake. */
function rejectUpgrade(socket: Duplex, status: number, error?: ApiError['error']): void {
  if (socket.destroyed) return;
  const payload: ApiError = {
    error: error ?? { code: `http_${status}`, message: STATUS_CODES[status] ?? 'Error' },
  };
  const body = JSON.stringify(payload);
  const retryAfter = status === 503 ? `Retry-After: ${retryAfterSeconds}\r\n` : '';
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'Connection: close\r\nContent-Type: application/json\r\n' +
      retryAfter +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
