import type * as Y from 'yjs';
import { type AttendeeSnapshot, listAttendance } from './attendance.ts';
import { type ItemSnapshot, readItems } from './itemRead.ts';
import { getMeta, type MeetingMeta } from './meta.ts';
import { getOfficers, type Officers } from './officers.ts';

/** Everything in a meeting document as plain JSON: for export, the server and tests. */
export interface MeetingSnapshot {
  meta: MeetingMeta;
  items: ItemSnapshot[];
  attendance: AttendeeSnapshot[];
  officers: Officers;
}

/** Reads the whole meeting as a plain JSON snapshot; two converged replicas give equal snapshots. */
export function readMeeting(doc: Y.Doc): MeetingSnapshot {
  return {
    meta: getMeta(doc),
    items: readItems(doc, true),
    attendance: listAttendance(doc),
    officers: getOfficers(doc),
  };
}
