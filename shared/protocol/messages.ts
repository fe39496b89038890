/**
 * Top-level message types of the y-websocket protocol (y-protocols), and the sync sub-types.
 * Standard clients speak exactly types 0–3. Type 4 is Justera's one extension, opt-in: a client
 * that sends `[4]` is told, as `[4, stateVector]`, what the server has durably stored, once no
 * write is pending and after every commit, so it can show "all changes saved" truthfully. A
 * client that sends `[4, n]` (n a varuint request number) gets `[4, stateVector, n]`: with the
 * latest n, everything it sent before the request is stored. Standard y-websocket clients never
 * send it and so never receive it.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  savedState: 4,
} as const;

export const SyncMessageType = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;

/** The path prefix of the sync endpoint: a meeting's room is at `${syncPathPrefix}/<meetingId>`. */
export const syncPathPrefix = '/sync';
