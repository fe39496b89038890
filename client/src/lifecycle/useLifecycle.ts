import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { LifecycleState } from '../../../shared/api/index.ts';
import { getMeta } from '../../../shared/doc/meta.ts';
import type { ApiFailure } from '../api/http.ts';
import { fetchLifecycle } from '../api/lifecycle.ts';

export interface LifecycleData {
  /** The last state the server gave; null until the first answer. */
  state: LifecycleState | null;
  failure: ApiFailure | null;
  /** Shows a state the server answered a step with, without asking again. */
  apply: (state: LifecycleState) => void;
  reload: () => void;
}

const noDoc = () => () => undefined;

/**
 * A fingerprint of the server-owned lifecycle fields of the live document (status, lock,
 * signatures, posting). The server writes them into the document at every step, so a change
 * here means someone else took a step: time to ask the server for the full state.
 */
export function useLiveLifecycleKey(doc: Y.Doc | null): string {
  const subscribe = useCallback(
    (listener: () => void) => {
      if (doc === null) return noDoc();
      doc.on('update', listener);
      return () => doc.off('update', listener);
    },
    [doc],
  );
  return useSyncExternalStore(subscribe, () => {
    if (doc === null) return '';
    const meta = getMeta(doc);
    return JSON.stringify([meta.status, meta.locked, meta.signatures.length, meta.posting]);
  });
}

/**
 * The meeting's lifecycle from GET /api/meetings/:id/lifecycle, asked again whenever the live
 * document shows that a step was taken (by anyone, in any browser), and when `rolesKey` changes
 * (who has to sign follows the meeting's roles).
 */
export function useLifecycle(
  meetingId: string,
  doc: Y.Doc | null,
  rolesKey: string,
): LifecycleData {
  const [state, setState] = useState<LifecycleState | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [generation, setGeneration] = useState(0);
  const liveKey = useLiveLifecycleKey(doc);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the keys only say when to ask again
  useEffect(() => {
    const controller = new AbortController();
    void fetchLifecycle(meetingId, controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      if (result.ok) {
        setState(result.data);
        setFailure(null);
      } else {
        setFailure(result);
      }
    });
    return () => controller.abort();
  }, [meetingId, liveKey, rolesKey, generation]);

  // Back online: the steps taken meanwhile may not show in the document until it syncs.
  useEffect(() => {
    const onOnline = () => setGeneration((value) => value + 1);
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, []);

  const apply = useCallback((next: LifecycleState) => {
    setState(next);
    setFailure(null);
  }, []);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { state, failure, apply, reload };
}
