import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BroadcastMessage, encodeBinaryFrame } from '../../../server/src/sync/broadcastMessage.ts';

/** ws's frame parser: exported by ws, left out of @types/ws. */
const { Receiver } = createRequire(import.meta.url)('ws') as {
  Receiver: new (options: { isServer: boolean }) => Writable;
};

/** Parses `wire` the way a client does (ws's own frame parser, client side: unmasked frames). */
function receive(wire: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const receiver = new Receiver({ isServer: false });
    receiver.on('message', (data: Buffer, isBinary: boolean) =>
      isBinary ? resolve(data) : reject(new Error('text frame')),
    );
    receiver.on('error', reject);
    receiver.write(wire);
  });
}

/** Parses `count` messages out of `wire`, as a client does. */
function receiveAll(wire: Buffer, count: number): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const messages: Buffer[] = [];
    const receiver = new Receiver({ isServer: false });
    receiver.on('message', (data: Buffer) => {
      messages.push(Buffer.from(data));
      if (messages.length === count) resolve(messages);
    });
    receiver.on('error', reject);
    receiver.write(wire);
  });
}

describe('a broadcast frame', () => {
  it.each([0, 1, 125, 126, 127, 65_535, 65_536, 300_000])(
    'carries a payload of %i bytes to a WebSocket client intact',
    async (size) => {
      const payload = Uint8Array.from({ length: size }, (_, index) => (index * 31) % 251);
      const received = await receive(encodeBinaryFrame(payload));
      expect(received.equals(Buffer.from(payload))).toBe(true);
    },
  );

  it('uses the shortest length encoding', () => {
    expect(encodeBinaryFrame(new Uint8Array(125)).byteLength).toBe(127);
    expect(encodeBinaryFrame(new Uint8Array(126)).byteLength).toBe(130);
    expect(encodeBinaryFrame(new Uint8Array(65_536)).byteLength).toBe(65_546);
  });

  it('is framed once, however many sockets ask', () => {
    const message = new BroadcastMessage([new Uint8Array([0, 2, 1])]);
    expect(message.frame).toBe(message.frame);
  });

  it('carries several messages in one buffer, each its own frame, in order', async () => {
    const payloads = [new Uint8Array([0, 2, 1]), new Uint8Array(300).fill(7), new Uint8Array([9])];
    const wire = new BroadcastMessage(payloads).frame;
    const received = await receiveAll(wire, payloads.length);
    expect(received.map((data) => [...data])).toEqual(payloads.map((payload) => [...payload]));
  });
});
