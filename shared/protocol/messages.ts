/**
 * Top-level message types of the y-websocket protocol (y-protocols), and the sync sub-types.
 * Both ends speak exactly this; nothing Justera-specific is added to the wire format.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;

export const SyncMessageType = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;

/** The path prefix of the sync endpoint: a meeting's room is at `${syncPathPrefix}/<meetingId>`. */
export const syncPathPrefix = '/sync';
