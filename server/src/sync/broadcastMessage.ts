/**
 * A message that goes to many sockets: the payload, and the same payload as one WebSocket frame
 * built once for all of them.
 *
 * Server-to-client frames are not masked (RFC 6455 §5.1), so the bytes on the wire are the same
 * for every peer. `ws` would frame the message again for each socket (a header allocation, a cork
 * and a two-buffer writev per peer); the transport writes this one buffer instead. Framed lazily:
 * a room whose sockets are in-memory test sockets never frames.
 */
export class BroadcastMessage {
  private framed: Buffer | null = null;

  constructor(readonly payload: Uint8Array) {}

  /** FIN + binary opcode, unmasked, with the shortest length encoding that fits. */
  get frame(): Buffer {
    this.framed ??= encodeBinaryFrame(this.payload);
    return this.framed;
  }
}

const finBinary = 0x82;

export function encodeBinaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const headerLength = length < 126 ? 2 : length < 0x10000 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = finBinary;
  if (headerLength === 2) {
    frame[1] = length;
  } else if (headerLength === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(payload, headerLength);
  return frame;
}
