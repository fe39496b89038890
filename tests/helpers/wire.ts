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
