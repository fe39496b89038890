import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { DocError, MetaKey, RootName, setMeta } from '../../../shared/doc/index.ts';

export const maxTitleLength = 200;

/**
 * The meeting's title (`meta.title` of the shared document) and a setter. Every participant sees
 * a change as it is typed. Writes go through shared/doc, which validates them like the server.
 */
export function useMeetingTitle(doc: Y.Doc): [string, (title: string) => void] {
  const meta = doc.getMap<unknown>(RootName.meta);

  const subscribe = useCallback(
    (listener: () => void) => {
      const observer = (event: Y.YMapEvent<unknown>) => {
        if (event.keysChanged.has(MetaKey.title)) listener();
      };
      meta.observe(observer);
      return () => meta.unobserve(observer);
    },
    [meta],
  );
  const title = useSyncExternalStore(subscribe, () => {
    const value = meta.get(MetaKey.title);
    return typeof value === 'string' ? value : '';
  });

  const setTitle = useCallback(
    (next: string) => {
      try {
        setMeta(doc, { title: next.slice(0, maxTitleLength) });
      } catch (error) {
        // Locked minutes: the input is read-only then, so this is a race with the lock; the
        // shared title simply stays as it is.
        if (!(error instanceof DocError)) throw error;
        console.warn('The title was not changed', error);
      }
    },
    [doc],
  );
  return [title, setTitle];
}
