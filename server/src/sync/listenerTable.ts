import type { EventEmitter } from 'node:events';

/**
 * Drops an emitter's listener table until it gets its first listener; one that has listeners
 * keeps it.
 *
 * EventEmitter gives every instance an empty table up front: a dictionary of about 190 bytes,
 * which for an object that answers its events itself (the sync socket) is never used. Node makes
 * the table at the first `on`/`once` when there is none (it always has: `_events` is undefined
 * for emitters that skipped the constructor), so dropping it loses nothing; the unit test of this
 * module holds Node to that on the version that runs.
 */
export function dropListenerTable(emitter: EventEmitter): void {
  if (emitter.eventNames().length > 0) return;
  (emitter as unknown as { _events: unknown })._events = undefined;
}
