import * as Y from 'yjs';
import {
  type AttendeePatch,
  type AttendeeSnapshot,
  addAttendee,
  editAttendee,
  listAttendance,
  markArrival,
  markDeparture,
  type NewAttendee,
  removeAttendee,
} from './attendance.ts';
import { type ItemSnapshot, type ItemSummary, readItem, readItems } from './itemRead.ts';
import {
  addItem,
  editItem,
  type ItemPatch,
  itemBody,
  itemProposal,
  itemTitle,
  moveItem,
  type NewItem,
  removeItem,
  restoreItem,
  setItemBody,
} from './items.ts';
import { approveAgenda, getMeta, type MeetingMeta, type MetaPatch, setMeta } from './meta.ts';
import {
  addAdjuster,
  getOfficers,
  type Officers,
  removeAdjuster,
  type SingleOffice,
  setOfficer,
} from './officers.ts';
import type { ItemPlacement } from './placement.ts';
import {
  type AssignmentRecord,
  assignmentsOfMeeting,
  type DecisionRecord,
  decisionsOfMeeting,
  presentAt,
} from './queries.ts';
import type { BodyInput } from './schema/bodyJson.ts';
import { type MeetingSnapshot, readMeeting } from './snapshot.ts';
import type { OfficerRef } from './values.ts';

/**
 * The typed API over one meeting's Y.Doc (sammanträdesdokument), used by the client, the server
 * and the tests alike. Every mutation is one Yjs transaction, so it reaches other replicas as
 * one update. The methods delegate to the module functions, which take the Y.Doc directly.
 */
export class MeetingDoc {
  readonly ydoc: Y.Doc;

  constructor(ydoc: Y.Doc = new Y.Doc()) {
    this.ydoc = ydoc;
  }

  /** Reads the meeting header and lifecycle fields. */
  getMeta(): MeetingMeta {
    return getMeta(this.ydoc);
  }

  /** Writes header fields; null clears one. */
  setMeta(patch: MetaPatch): void {
    setMeta(this.ydoc, patch);
  }

  /** Marks the agenda as approved: later additions are marked, removals struck. */
  approveAgenda(at?: string): void {
    approveAgenda(this.ydoc, at);
  }

  /** Adds an item at a placement (default last) and returns its id. */
  addItem(input: NewItem = {}, placement: ItemPlacement = {}): string {
    return addItem(this.ydoc, input, placement);
  }

  /** Changes an item's fields. */
  editItem(itemId: string, patch: ItemPatch): void {
    editItem(this.ydoc, itemId, patch);
  }

  /** Deletes an item (before approval) or strikes it (after). */
  removeItem(itemId: string): void {
    removeItem(this.ydoc, itemId);
  }

  /** Un-strikes a struck item. */
  restoreItem(itemId: string): void {
    restoreItem(this.ydoc, itemId);
  }

  /** Moves an item; only its order key (and parent) change. */
  moveItem(itemId: string, placement: ItemPlacement): void {
    moveItem(this.ydoc, itemId, placement);
  }

  /** Items in reading order with derived § numbers, without bodies. */
  listItems(): ItemSummary[] {
    return readItems(this.ydoc);
  }

  /** One item with its body, or null. */
  getItem(itemId: string): ItemSnapshot | null {
    return readItem(this.ydoc, itemId);
  }

  /** Replaces an item's body with blocks or ProseMirror JSON. */
  setItemBody(itemId: string, body: BodyInput): void {
    setItemBody(this.ydoc, itemId, body);
  }

  /** The shared title of an item. */
  itemTitle(itemId: string): Y.Text {
    return itemTitle(this.ydoc, itemId);
  }

  /** The shared proposal (förslag till beslut) of an item. */
  itemProposal(itemId: string): Y.Text {
    return itemProposal(this.ydoc, itemId);
  }

  /** The body fragment of an item, for its Tiptap editor. */
  itemBody(itemId: string): Y.XmlFragment {
    return itemBody(this.ydoc, itemId);
  }

  /** Adds a person to the attendance list and returns the id. */
  addAttendee(input: NewAttendee): string {
    return addAttendee(this.ydoc, input);
  }

  /** Changes an attendee. */
  editAttendee(personId: string, patch: AttendeePatch): void {
    editAttendee(this.ydoc, personId, patch);
  }

  /** Removes an attendee. */
  removeAttendee(personId: string): void {
    removeAttendee(this.ydoc, personId);
  }

  /** Records an arrival at an item. */
  markArrival(personId: string, itemId: string): void {
    markArrival(this.ydoc, personId, itemId);
  }

  /** Records a departure after an item. */
  markDeparture(personId: string, itemId: string): void {
    markDeparture(this.ydoc, personId, itemId);
  }

  /** The attendance list in entry order. */
  listAttendance(): AttendeeSnapshot[] {
    return listAttendance(this.ydoc);
  }

  /** Sets or clears the chair or secretary. */
  setOfficer(office: SingleOffice, ref: OfficerRef | null): void {
    setOfficer(this.ydoc, office, ref);
  }

  /** Adds an adjuster (justerare). */
  addAdjuster(ref: OfficerRef): void {
    addAdjuster(this.ydoc, ref);
  }

  /** Removes an adjuster. */
  removeAdjuster(ref: OfficerRef): void {
    removeAdjuster(this.ydoc, ref);
  }

  /** The meeting's chair, secretary and adjusters. */
  getOfficers(): Officers {
    return getOfficers(this.ydoc);
  }

  /** Every decision (beslut) in agenda order. */
  decisionsOfMeeting(): DecisionRecord[] {
    return decisionsOfMeeting(this.ydoc);
  }

  /** Every assignment (uppdrag) in agenda order. */
  assignmentsOfMeeting(): AssignmentRecord[] {
    return assignmentsOfMeeting(this.ydoc);
  }

  /** Who was present at an item (for quorum). */
  presentAt(itemId: string): AttendeeSnapshot[] {
    return presentAt(this.ydoc, itemId);
  }

  /** The whole meeting as plain JSON. */
  readMeeting(): MeetingSnapshot {
    return readMeeting(this.ydoc);
  }

  /** Calls `listener` after every change to the document; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    const onUpdate = (): void => listener();
    this.ydoc.on('update', onUpdate);
    return () => this.ydoc.off('update', onUpdate);
  }
}
