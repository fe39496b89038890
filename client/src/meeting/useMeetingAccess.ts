import { useEffect, useState } from 'react';
import type { DocumentAccess } from '../../../shared/api/index.ts';
import { fetchMeetingAccess } from '../api/meetings.ts';

export type MeetingAccessState =
  | { state: 'loading' }
  /** `access` is null when the server could not be asked (offline): open the local copy. */
  | { state: 'allowed'; access: DocumentAccess | null }
  | { state: 'denied'; status: number };

/**
 * Asks the server what this user may do in the meeting before opening it. The socket is refused
 * the same way, but a browser never sees why a WebSocket upgrade failed, so without asking first
 * a signed-out user would only see an endless "reconnecting".
 */
export function useMeetingAccess(meetingId: string): MeetingAccessState {
  const [result, setResult] = useState<MeetingAccessState>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setResult({ state: 'loading' });
    void fetchMeetingAccess(meetingId, controller.signal).then((outcome) => {
      if (controller.signal.aborted) return;
      if (outcome.ok) setResult({ state: 'allowed', access: outcome.data.access });
      else if (outcome.kind === 'network') setResult({ state: 'allowed', access: null });
      else setResult({ state: 'denied', status: outcome.status });
    });
    return () => controller.abort();
  }, [meetingId]);
  return result;
}
