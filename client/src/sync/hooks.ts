import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ConnectionSnapshot } from './connectionState.ts';
import { createMeetingSync, type MeetingSync } from './meetingSync.ts';
import { createPresenceStore, type Participant, type PresenceUser } from './presence.ts';

/**
 * Opens the meeting's sync session while the component is mounted: null on the first render,
 * then the session. Everything is destroyed on unmount or when the meeting id changes.
 */
export function useMeetingSync(meetingId: string, user: PresenceUser): MeetingSync | null {
  const [session, setSession] = useState<MeetingSync | null>(null);
  const { name, color } = user;
  // The user at creation time only seeds awareness (a rename must not reconnect); the second
  // effect follows later changes.
  const initialUser = useRef(user);

  useEffect(() => {
    const created = createMeetingSync(meetingId, initialUser.current);
    setSession(created);
    return () => {
      created.destroy();
      setSession(null);
    };
  }, [meetingId]);

  useEffect(() => {
    session?.setUser({ name, color });
  }, [session, name, color]);

  return session;
}

/** How long to wait for the local copy or the server before showing the editor anyway. */
const readyFallbackMs = 3000;

/**
 * True once there is something worth showing: the IndexedDB copy is loaded or the server has
 * synced (whichever comes first), so the editor does not flash empty before the text arrives.
 */
export function useDocumentReady(session: MeetingSync): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    setReady(false);
    let active = true;
    const markReady = () => {
      if (active) setReady(true);
    };
    void session.whenLocalLoaded.then(markReady);
    const onSync = (synced: boolean) => {
      if (synced) markReady();
    };
    session.provider.on('sync', onSync);
    if (session.provider.synced) markReady();
    const timer = window.setTimeout(markReady, readyFallbackMs);
    return () => {
      active = false;
      session.provider.off('sync', onSync);
      window.clearTimeout(timer);
    };
  }, [session]);
  return ready;
}

/** The connection badge's state, re-rendering only when it changes. */
export function useConnection(session: MeetingSync): ConnectionSnapshot {
  return useSyncExternalStore(session.connection.subscribe, session.connection.getSnapshot);
}

/** Everyone in the meeting right now, the local user first. */
export function useParticipants(session: MeetingSync): Participant[] {
  const store = useMemo(() => createPresenceStore(session.provider.awareness), [session]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
