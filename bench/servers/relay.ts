/**
 * Not a reference server but a floor: the least a Node server can do and still speak the
 * y-websocket protocol to the benchmark's clients. It keeps no Y.Doc and checks nothing: every
 * update is framed once and the same bytes are written straight to the TCP socket of each of
 * the room's other clients (as Justera's transport does), and kept in a list
 * that answers a new client's sync step 1 (merged without a document). What is left of the
 * latency is the sockets, the kernel and the load generator, which every server pays too; a
 * target below what this gets cannot be met by doing the server's work faster.
 * Bound to 127.0.0.1:$PORT (0 = any free port); prints one JSON "listening" line.
 */
import { createServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { encodeBinaryFrame } from '../../server/src/sync/broadcastMessage.ts';
import { isEmptyUpdate } from '../../server/src/sync/lazyDocument.ts';
import {
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from '../../server/src/sync/messages.ts';

interface RelayRoom {
  /** Each client's WebSocket and the TCP socket under it. */
  sockets: Map<WebSocket, Duplex>;
  updates: Uint8Array[];
}

const rooms = new Map<string, RelayRoom>();
/**
 * RELAY_WORK_MS (the bench's --relay-work-ms): CPU time spent on each update before forwarding
 * it, standing in for the work a real server does first (decoding, checks, applying, storing).
 * The relay then shows what that much work costs in latency, and nothing else differs.
 */
const workMs = Number(process.env.RELAY_WORK_MS ?? 0);

function work(): void {
  const until = performance.now() + workMs;
  while (performance.now() < until) {
    // Busy on purpose: the time must be spent on the event loop's CPU, not in a timer.
  }
}
const emptyUpdate = new Uint8Array([0, 0]);

function forward(room: RelayRoom, from: WebSocket, message: Uint8Array): void {
  const frame = encodeBinaryFrame(message);
  for (const [socket, tcp] of room.sockets) {
    if (socket !== from && socket.readyState === WebSocket.OPEN) tcp.write(frame);
  }
}

function onMessage(room: RelayRoom, socket: WebSocket, data: Buffer): void {
  const message = decodeClientMessage(
    new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  );
  switch (message.kind) {
    case 'syncStep1': {
      const state = room.updates.length > 0 ? Y.mergeUpdates(room.updates) : emptyUpdate;
      room.updates = [state];
      socket.send(encodeSyncStep2(state));
      return;
    }
    case 'update':
      if (isEmptyUpdate(message.update)) return;
      if (workMs > 0) work();
      room.updates.push(message.update.slice());
      forward(room, socket, encodeSyncUpdate(message.update));
      return;
    case 'awareness':
      forward(room, socket, encodeAwareness(message.update));
      return;
    default:
      return;
  }
}

const wss = new WebSocketServer({ noServer: true });
const server = createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' });
  response.end('okay');
});
server.on('upgrade', (request, tcp, head) => {
  wss.handleUpgrade(request, tcp, head, (socket) => {
    const name = (request.url ?? '/').slice(1);
    let room = rooms.get(name);
    if (room === undefined) {
      room = { sockets: new Map(), updates: [] };
      rooms.set(name, room);
    }
    const joined = room;
    joined.sockets.set(socket, tcp);
    socket.on('message', (data: Buffer) => onMessage(joined, socket, data));
    socket.on('close', () => joined.sockets.delete(socket));
    // Ask for the client's content, as the other servers do.
    socket.send(encodeSyncStep1(new Uint8Array([0])));
  });
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ msg: 'listening', port })}\n`);
});
process.on('SIGTERM', () => process.exit(0));
