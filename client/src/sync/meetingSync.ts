import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { syncPathPrefix } from '../../../shared/protocol/index.ts';
import { ConnectionMonitor } from './connectionState.ts';
import { currentItemField, type PresenceUser } from './presence.ts';
import { controlReconnects } from './reconnect.ts';
import { SavedStateTracker } from './savedState.ts';

/**
 * Everything that keeps one meeting's document in sync: the Y.Doc, the WebSocket provider, the
 * IndexedDB cache and the connection monitor. Created when the meeting page mounts and destroyed
 * as a whole when it unmounts, so no socket or database handle outlives the page.
 */
export interface MeetingSync {
  meetingId: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  persistence: IndexeddbPersistence;
  connection: ConnectionMonitor;
  /** Resolves once the local copy from IndexedDB has been applied to `doc` (or failed to load). */
  whenLocalLoaded: Promise<void>;
  /** Puts the local user (name, colour) into awareness: presence lists and carets read it. */
  setUser: (user: PresenceUser) => void;
  /** Tells the others which § (agenda item) this user is working in; null for none. */
  setCurrentItem: (itemId: string | null) => void;
  destroy: () => void;
  /** Destroys the session and deletes this meeting's IndexedDB copy; the caller reloads. */
  discardLocalCopy: () => Promise<void>;
}

/** `ws(s)://<host>/sync`: the app and the sync endpoint are always served from the same origin. */
export function syncServerUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${syncPathPrefix}`;
}

/** The IndexedDB database holding this browser's copy of a meeting. */
export function localCacheName(meetingId: string): string {
  return `justera:${meetingId}`;
}

/** Opens a meeting: local copy first (so a reload works offline), then the server connection. */
export function createMeetingSync(meetingId: string, user: PresenceUser): MeetingSync {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(localCacheName(meetingId), doc);
  // Connect on the next task, not now: React's StrictMode mounts, unmounts and mounts again in
  // development, and a socket closed while it is still connecting only produces noise.
  const provider = new WebsocketProvider(syncServerUrl(window.location), meetingId, doc, {
    connect: false,
  });
  const reconnects = controlReconnects(provider);
  // A peer ignores awareness with clock 0, so setting `user` is also what makes us visible.
  provider.awareness.setLocalStateField('user', user);
  const savedState = new SavedStateTracker(provider);
  const connection = new ConnectionMonitor(provider, savedState);

  const whenLocalLoaded = new Promise<void>((resolve) => {
    void persistence.whenSynced.then(() => resolve());
    // IndexedDB can be unavailable (private windows, blocked storage); whenSynced then never
    // settles. The meeting still works online, it just cannot be reopened offline.
    persistence._db.catch((error: unknown) => {
      console.warn('Could not open the local copy of the meeting', error);
      resolve();
    });
  });

  let destroyed = false;
  const connectTimer = window.setTimeout(() => provider.connect(), 0);
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    window.clearTimeout(connectTimer);
    connection.destroy();
    savedState.destroy();
    reconnects.cancel();
    // Tell the others we left now rather than after their 30 s awareness timeout.
    provider.awareness.setLocalState(null);
    provider.destroy();
    // doc.destroy() also destroys the IndexedDB persistence (it listens for the doc's destroy).
    doc.destroy();
  };

  return {
    meetingId,
    doc,
    provider,
    persistence,
    connection,
    whenLocalLoaded,
    setUser: (next) => provider.awareness.setLocalStateField('user', next),
    setCurrentItem: (itemId) => {
      const current: unknown = provider.awareness.getLocalState()?.[currentItemField] ?? null;
      if (current !== itemId) provider.awareness.setLocalStateField(currentItemField, itemId);
    },
    destroy,
    discardLocalCopy: async () => {
      destroy();
      // The database must be closed before it can be deleted.
      await persistence.destroy();
      await clearDocument(localCacheName(meetingId));
    },
  };
}
