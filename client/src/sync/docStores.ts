import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import {
  type AttendeeSnapshot,
  getMeta,
  getOfficers,
  type ItemSummary,
  listAttendance,
  type MeetingMeta,
  type Officers,
  readItems,
} from '../../../shared/doc/index.ts';

/**
 * React views of the meeting document. Each store re-reads its part after every change of the
 * Y.Doc and keeps the previous snapshot (and the previous object of every unchanged row) when
 * nothing it shows changed, so typing in a § body re-renders neither the agenda nor the other §§.
 */

interface DocStore<T> {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => T;
}

function createDocStore<T>(doc: Y.Doc, read: () => T, share: (previous: T, next: T) => T) {
  let snapshot = read();
  const refresh = (): boolean => {
    const next = share(snapshot, read());
    if (next === snapshot) return false;
    snapshot = next;
    return true;
  };
  const store: DocStore<T> = {
    subscribe(listener) {
      const onUpdate = () => {
        if (refresh()) listener();
      };
      doc.on('update', onUpdate);
      refresh();
      return () => doc.off('update', onUpdate);
    },
    getSnapshot: () => snapshot,
  };
  return store;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Keeps the previous object of every row that did not change, and the previous list if none did. */
function shareRows<T extends { id: string }>(previous: T[], next: T[]): T[] {
  const byId = new Map(previous.map((row) => [row.id, row]));
  let changed = previous.length !== next.length;
  const shared = next.map((row, index) => {
    const old = byId.get(row.id);
    const kept = old !== undefined && sameJson(old, row) ? old : row;
    if (kept !== previous[index]) changed = true;
    return kept;
  });
  return changed ? shared : previous;
}

/** The agenda in reading order with derived § labels (no bodies). */
export function useItems(doc: Y.Doc): ItemSummary[] {
  const store = useMemo(() => createDocStore(doc, () => readItems(doc), shareRows), [doc]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** The meeting header and lifecycle fields. */
export function useMeta(doc: Y.Doc): MeetingMeta {
  const store = useMemo(
    () =>
      createDocStore(
        doc,
        () => getMeta(doc),
        (previous, next) => (sameJson(previous, next) ? previous : next),
      ),
    [doc],
  );
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** The attendance list in entry order. */
export function useAttendance(doc: Y.Doc): AttendeeSnapshot[] {
  const store = useMemo(() => createDocStore(doc, () => listAttendance(doc), shareRows), [doc]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** The officers of the meeting: chair, secretary and adjusters. */
export function useOfficers(doc: Y.Doc): Officers {
  const store = useMemo(
    () =>
      createDocStore(
        doc,
        () => getOfficers(doc),
        (previous, next) => (sameJson(previous, next) ? previous : next),
      ),
    [doc],
  );
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
