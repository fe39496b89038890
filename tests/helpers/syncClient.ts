import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addItem, itemProposal, RootName } from '../../shared/doc/index.ts';

/** The agenda item whose proposal text the sync tests type into (created by seedMeeting). */
export const notesItemId = 'notes';

/** The Y.Text the sync tests edit: a real field of the meeting document, not a side channel. */
export function notesText(doc: Y.Doc): Y.Text {
  return itemProposal(doc, notesItemId);
}

export interface SyncClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** notesText(doc); only valid once the meeting was seeded and this client synced. */
  readonly text: Y.Text;
  /** Resolves once the first sync with the server completed. */
  synced: Promise<void>;
  destroy: () => void;
}

/**
 * A y-websocket client in Node, exactly as a non-browser integration would connect: with a
 * bearer token from POST /api/auth/tokens as the `token` query parameter.
 */
export function connectClient(
  syncUrl: string,
  meetingId: string,
  name: string,
  token: string,
): SyncClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl, meetingId, doc, {
    params: { token },
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
    get text() {
      return notesText(doc);
    },
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

/**
 * Creates the `notes` item of a meeting through the server and waits until a second client sees
 * it, so that tests' writers all type into one item instead of racing to create it.
 */
export async function seedMeeting(
  syncUrl: string,
  meetingId: string,
  token: string,
): Promise<void> {
  const seeder = connectClient(syncUrl, meetingId, 'seeder', token);
  const checker = connectClient(syncUrl, meetingId, 'checker', token);
  try {
    await Promise.all([seeder.synced, checker.synced]);
    if (!seeder.doc.getMap(RootName.items).has(notesItemId)) {
      addItem(seeder.doc, { id: notesItemId, title: 'Anteckningar' });
    }
    await waitFor(
      () => checker.doc.getMap(RootName.items).has(notesItemId),
      'the seeded item never reached a second client',
    );
  } finally {
    seeder.destroy();
    checker.destroy();
  }
}
