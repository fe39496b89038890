/**
 * WebSocket close codes used by the sync endpoint, shared by server and client.
 *
 * y-websocket 3.x treats 4400–4499 as permanent (it stops reconnecting), everything else as
 * transient. So a code in the 44xx range means "do not retry the same thing" (the message will be
 * refused again), and 45xx / 1001 mean "try again later".
 */
export const CloseCode = {
  /** Server is shutting down or restarting; clients reconnect. */
  goingAway: 1001,
  /** The user's role in the meeting changed; the client reconnects and reads its new access. */
  roleChanged: 4000,
  /**
   * ws's own code for a frame above its maxPayload. Never sent: the transport answers such a
   * frame with messageTooLarge (4413) instead, which y-websocket does not retry.
   */
  transportTooLarge: 1009,
  /** A binary message that is not a valid y-websocket / Yjs message. */
  malformedMessage: 4400,
  /** No or invalid credentials. */
  unauthenticated: 4401,
  /** Credentials are valid but do not give access to this meeting. */
  forbidden: 4403,
  /** A text frame: the protocol is binary only. */
  unsupportedData: 4415,
  /** A single message exceeded the application's message-size limit. */
  messageTooLarge: 4413,
  /** An update the document schema does not allow (see shared/doc validation). */
  invalidUpdate: 4422,
  /** Storage failed while persisting; the client keeps its edits and retries. */
  storageFailure: 4500,
  /** Server overloaded or this client could not keep up; retry later. */
  overloaded: 4503,
  /** The connection sent updates faster than its rate limit; reconnect after a back-off. */
  rateLimited: 4529,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

/** True when a y-websocket client will not reconnect after this close code. */
export function isPermanentCloseCode(code: number): boolean {
  return code >= 4400 && code < 4500;
}
