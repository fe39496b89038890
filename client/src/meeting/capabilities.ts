import type { DocumentAccess } from '../../../shared/api/index.ts';

/** What this person may change in the meeting right now. */
export interface Capabilities {
  /** Titles, proposals and § bodies (adjusters correct the text too). */
  editText: boolean;
  /**
   * Everything else: add, move and remove items, their kind, presenter, status and attachments,
   * the attendance list and the approval of the agenda (chair and secretary).
   */
  editStructure: boolean;
}

/**
 * Capabilities from the server's answer (null when it could not be asked), whether the server
 * refused the connection for good, and whether the minutes are locked for justering. Offline,
 * only text is editable: an adjuster's structural edit made offline would be refused on
 * reconnect and leave this copy diverged.
 */
export function capabilitiesFor(
  access: DocumentAccess | null,
  refused: boolean,
  locked: boolean,
): Capabilities {
  if (refused || locked || access === 'read') return { editText: false, editStructure: false };
  return { editText: true, editStructure: access === 'write' };
}
