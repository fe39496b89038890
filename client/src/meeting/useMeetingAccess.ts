import { useCallback, useEffect, useRef, useState } from 'react';
import { type DocumentAccess, meetingSchema } from '../../../shared/api/index.ts';
import { getJson } from '../api/http.ts';

/** What the server says about this user and the meeting (GET /api/meetings/:id). */
export interface MeetingInfo {
  access: DocumentAccess;
  boardId: string;
}

export type MeetingAccessState =
  | { state: 'loading' }
  /** `meeting` is null when the server could not be asked (offline): open the local copy. */
  | { state: 'allowed'; meeting: MeetingInfo | null }
  | { state: 'denied'; status: number };

/**
 * Asks the server what this user may do in the meeting before opening it. The socket is refused
 * the same way, but a browser never sees why a WebSocket upgrade failed, so without asking first
 * a signed-out user would only see an endless "reconnecting".
 */
export function useMeetingAccess(meetingId: string): MeetingAccessState & { refresh: () => void } {
  const [result, setResult] = useState<MeetingAccessState>({ state: 'loading' });
  // Bumped by refresh(): ask again (after a role change) without leaving the open workspace.
  const [generation, setGeneration] = useState(0);
  const askedFor = useRef<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    // A refresh (generation > 0) of the meeting already shown keeps the workspace open.
    const refreshing = generation > 0 && askedFor.current === meetingId;
    askedFor.current = meetingId;
    if (!refreshing) setResult({ state: 'loading' });
    void getJson(
      `/api/meetings/${encodeURIComponent(meetingId)}`,
      meetingSchema,
      controller.signal,
    ).then((outcome) => {
      if (controller.signal.aborted) return;
      if (outcome.ok) {
        const { access, boardId } = outcome.data;
        setResult({ state: 'allowed', meeting: { access, boardId } });
      } else if (outcome.kind === 'network') {
        // Offline while refreshing: keep what the server said last.
        if (!refreshing) setResult({ state: 'allowed', meeting: null });
      } else {
        setResult({ state: 'denied', status: outcome.status });
      }
    });
    return () => controller.abort();
  }, [meetingId, generation]);
  const refresh = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...result, refresh };
}
