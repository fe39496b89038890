/**
 * The only thing a Room knows about a connection. The ws transport implements it over a real
 * socket; tests implement it in memory.
 */
import type { BroadcastMessage } from './broadcastMessage.ts';

export interface SyncSocket {
  /** Sends one message to this socket alone. */
  sendMessage(message: Uint8Array): void;
  /** Sends a message that many sockets get: the transport may write its shared frame. */
  sendBroadcast(message: BroadcastMessage): void;
  close(code: number, reason: string): void;
  /** Bytes queued but not yet written to the network (back-pressure signal). */
  readonly bufferedAmount: number;
}
