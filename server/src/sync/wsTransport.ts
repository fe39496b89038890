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
import { startHeartbeat } from './heartbeat.ts';
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
 * get native Buffers without copies, our own maxPayload, and an error listener on every socket
 * (without one a protocol error from ws crashes the process).
 */
export function attachSyncEndpoint(server: Server, options: SyncEndpointOptions): SyncEndpoint {
  const tooLargeReason = `message exceeds the limit of ${options.maxMessageBytes} bytes`;
  /**
   * ws refuses a frame whose header announces more than maxPayload (before buffering any of it)
   * by closing with 1009, which y-websocket treats as transient: it would reconnect and resend
   * the same update forever. 1009 means nothing else here (no compression), so it becomes the
   * documented, permanent 4413, whatever the announced size (up to 2^64).
   */
  class SyncWebSocket extends WebSocket {
    override close(code?: number, data?: string | Buffer): void {
      if (code === CloseCode.transportTooLarge) {
        options.metrics.messageRefused('message_too_large');
        super.close(CloseCode.messageTooLarge, tooLargeReason);
        return;
      }
      super.close(code, data);
    }
  }
  const wss = new WebSocketServer({
    noServer: true,
    WebSocket: SyncWebSocket,
    maxPayload: options.maxMessageBytes,
    perMessageDeflate: false,
  });
  const heartbeat = startHeartbeat(options.heartbeatIntervalMs);
  const sockets = new Set<WebSocket>();
  let accepting = true;

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => options.logger.debug({ err: error }, 'upgrade socket error'));
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
    wss.handleUpgrade(request, socket, head, (ws) =>
      onConnection(ws, socket, meetingId, access.identity),
    );
  };

  /**
   * `raw` is the TCP socket under `ws`. Broadcasts are written to it as ready-made frames (see
   * broadcastMessage.ts): ws writes each of its own frames to the same socket in one synchronous
   * call (no compression, no Blobs, so its sender never queues), so frames cannot interleave, and
   * once ws has begun closing nothing more is written.
   */
  const onConnection = (
    ws: WebSocket,
    raw: Duplex,
    meetingId: string,
    identity: ConnectionIdentity,
  ) => {
    sockets.add(ws);
    heartbeat.track(ws);
    const socket: SyncSocket = {
      send: (message) => ws.send(message),
      sendBroadcast: (message) => {
        if (ws.readyState === WebSocket.OPEN) raw.write(message.frame);
      },
      close: (code, reason) => ws.close(code, fitCloseReason(reason)),
      get bufferedAmount() {
        // What ws.bufferedAmount counts, its sender's queue being always empty here.
        return raw.writableLength;
      },
    };
    let room: Room | null = null;
    // Frames that arrive while the room loads are held and replayed in order.
    const held: Uint8Array[] = [];

    ws.on('message', (data: Buffer, isBinary) => {
      if (!isBinary) {
        options.metrics.messageRefused('text_frame');
        ws.close(CloseCode.unsupportedData, 'text frames are not supported; send binary');
        return;
      }
      const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (room) room.receive(socket, frame);
      else held.push(frame);
    });
    ws.on('error', (error) => options.logger.info({ meetingId, err: error }, 'socket error'));
    ws.on('close', (code, reason) => {
      sockets.delete(ws);
      heartbeat.untrack(ws);
      room?.leave(socket);
      options.logger.debug({ meetingId, code, reason: reason.toString() }, 'socket closed');
    });

    options.manager.acquire(meetingId).then(
      (loaded) => {
        if (ws.readyState !== ws.OPEN) {
          options.manager.releaseIfEmpty(loaded);
          return;
        }
        room = loaded;
        loaded.join(socket, identity);
        for (const frame of held.splice(0)) loaded.receive(socket, frame);
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
