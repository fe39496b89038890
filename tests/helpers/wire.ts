import { WebSocket } from 'ws';

/** lib0's variable-length unsigned integer, as y-protocols writes lengths and ids. */
export function varUint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  do {
    let byte = rest % 128;
    rest = Math.floor(rest / 128);
    if (rest > 0) byte += 128;
    bytes.push(byte);
  } while (rest > 0);
  return bytes;
}

/** A y-websocket message: its type bytes, then the payload with its length. */
export function frame(
  type: readonly number[],
  payload: Uint8Array | readonly number[],
): Uint8Array {
  return new Uint8Array([...type, ...varUint(payload.length), ...payload]);
}

/** A sync update message (type 0, sub-type 2) around a Yjs update or arbitrary bytes. */
export const syncUpdateFrame = (update: Uint8Array | readonly number[]) => frame([0, 2], update);

/** An awareness message (type 1) around an awareness update. */
export const awarenessFrame = (update: Uint8Array | readonly number[]) => frame([1], update);

/** Opens a raw WebSocket and resolves once it is open. */
export function openSocket(
  url: string,
  options?: ConstructorParameters<typeof WebSocket>[2],
): Promise<WebSocket> {
  const socket = new WebSocket(url, options);
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** How the server closed a socket. */
export function closeOf(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
}

/** 101 when the upgrade succeeded, otherwise the HTTP status it was refused with. */
export function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    // The refusal also surfaces as an error event; the status above is the answer.
    socket.once('error', () => undefined);
  });
}

/** How an upgrade was refused: the HTTP status, its JSON body and its Retry-After header. */
export function upgradeRefusal(
  url: string,
): Promise<{ status: number; body: unknown; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('open', () => {
      socket.close();
      reject(new Error('the upgrade was accepted'));
    });
    socket.once('unexpected-response', (_request, response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () => {
        const retryAfter = response.headers['retry-after'];
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(text), retryAfter });
        socket.terminate();
      });
    });
    // The refusal also surfaces as an error event; the response above is the answer.
    socket.once('error', () => undefined);
  });
}

/**
 * Writes a binary frame header that announces `length` payload bytes (a 64-bit length, masked as
 * a client must) straight onto an open socket's TCP stream, without sending the payload.
 */
export function announceFrame(socket: WebSocket, length: bigint): void {
  const header = Buffer.alloc(2 + 8 + 4);
  header[0] = 0x82; // FIN, binary
  header[1] = 0x80 | 127; // masked, 64-bit length follows
  header.writeBigUInt64BE(length, 2);
  header.writeUInt32BE(0x01020304, 10); // mask key
  const tcp = (socket as unknown as { _socket: { write: (data: Buffer) => void } })._socket;
  tcp.write(header);
}
