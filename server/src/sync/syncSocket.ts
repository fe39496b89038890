/**
 * The only thing a Room knows about a connection. The ws transport implements it over a real
 * socket; tests implement it in memory.
 */
export interface SyncSocket {
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Bytes queued but not yet written to the network (back-pressure signal). */
  readonly bufferedAmount: number;
}
