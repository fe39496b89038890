/** Stable codes of the errors the meeting document API throws. */
export const docErrorCodes = [
  'item_not_found',
  'attendee_not_found',
  'invalid_value',
  'invalid_placement',
  'nesting_too_deep',
  'meeting_locked',
  'not_empty',
  'invalid_body',
] as const;

export type DocErrorCode = (typeof docErrorCodes)[number];

/** An error from the meeting document API, with a stable machine-readable code. */
export class DocError extends Error {
  readonly code: DocErrorCode;

  constructor(code: DocErrorCode, message: string) {
    super(message);
    this.name = 'DocError';
    this.code = code;
  }
}
