/**
 * Messages that go to many sockets, in order: their payloads, and the same messages as
 * WebSocket frames, built once for all of them into one buffer.
 *
 * Server-to-client frames are not masked (RFC 6455 §5.1), so the bytes on the wire are the same
 * for every peer. `ws` would frame each message again for each socket (a header allocation, a
 * cork and a two-buffer writev per peer); the transport writes this one buffer instead, one
 * socket write for all the messages. Framed lazily: a room whose sockets are in-memory test
 * sockets never frames.
 */
export class BroadcastMessage {
  private framed: Buffer | null = null;

  constructor(readonly payloads: readonly Uint8Array[]) {}

  /** Each message as a frame: FIN + binary opcode, unmasked, the shortest length encoding. */
  get frame(): Buffer {
    if (this.framed === null) {
      const frames = this.payloads.map(encodeBinaryFrame);
      this.framed = frames.length === 1 ? (frames[0] as Buffer) : Buffer.concat(frames);
    }
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
