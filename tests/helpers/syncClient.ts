import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface SyncClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text: Y.Text;
  /** Resolves once the first sync with the server completed. */
  synced: Promise<void>;
  destroy: () => void;
}

/** A y-websocket client in Node, exactly as a non-browser integration would connect. */
export function connectClient(syncUrl: string, meetingId: string, name = 'client'): SyncClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl, meetingId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
  provider.awareness.setLocalStateField('user', { name });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', (isSynced: boolean) => isSynced && resolve());
  });
  return {
    doc,
    provider,
    text: doc.getText('t'),
    synced,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls `condition` until it holds, or fails with `message` after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean,
  message: string | (() => string),
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(typeof message === 'function' ? message() : message);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
