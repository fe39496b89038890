import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { DocError, itemBody, RootName, readItems } from '../../../shared/doc/index.ts';
import type { MeetingSync } from '../sync/meetingSync.ts';

/**
 * The fragment the minutes editor binds to, or null while there is none yet.
 *
 * The server accepts rich text only inside agenda items (`items.<id>.body`), so until the agenda
 * view exists (issue #3) the minutes pane edits the body of the first item in reading order. The
 * server writes the standard agenda when a meeting is created, so clients never fill an empty
 * meeting themselves (two of them would both do it). When the first item changes (moved,
 * removed) the editor follows.
 */
export function useMinutesFragment(session: MeetingSync): Y.XmlFragment | null {
  const { doc } = session;
  const store = useMemo(() => createFirstBodyStore(doc), [doc]);
  const fragment = useSyncExternalStore(store.subscribe, store.getSnapshot);

  return fragment;
}

function firstItemBody(doc: Y.Doc): Y.XmlFragment | null {
  const first = readItems(doc)[0];
  if (first === undefined) return null;
  try {
    return itemBody(doc, first.id);
  } catch (error) {
    // An item without a body fragment (written by a broken client): show nothing rather than
    // crash the page; the server's validation keeps such items out of stored documents.
    if (!(error instanceof DocError)) throw error;
    console.warn('The first agenda item has no body', error);
    return null;
  }
}

/** The first item's body, recomputed only when the agenda's structure changes. */
function createFirstBodyStore(doc: Y.Doc) {
  const items = doc.getMap<unknown>(RootName.items);
  let current = firstItemBody(doc);
  return {
    subscribe(listener: () => void): () => void {
      const observer = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
        // Items added, removed or reordered; typing inside a body (a deeper path) is irrelevant.
        if (!events.some((event) => event.path.length <= 1)) return;
        current = firstItemBody(doc);
        listener();
      };
      items.observeDeep(observer);
      current = firstItemBody(doc);
      return () => items.unobserveDeep(observer);
    },
    getSnapshot: (): Y.XmlFragment | null => current,
  };
}
