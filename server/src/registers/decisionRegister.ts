import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { assignmentsOfMeeting, decisionsOfMeeting } from '../../../shared/doc/queries.ts';
import type { AccountStore, MeetingRecord } from '../storage/accountStore.ts';
import type { Storage } from '../storage/storage.ts';

export interface RegisteredDecision {
  meetingId: string;
  meetingTitle: string;
  date: string;
  itemId: string;
  label: string | null;
  itemTitle: string;
  text: string;
  votes: { for: number | null; against: number | null; abstain: number | null } | null;
  reservations: string;
}

export interface RegisteredAssignment {
  meetingId: string;
  meetingTitle: string;
  date: string;
  itemId: string;
  label: string | null;
  key: string;
  assignee: string;
  text: string;
  dueDate: string | null;
  done: boolean;
  doneAt: string | null;
}

/** A stable fingerprint of an assignment: its item, assignee and task. */
export function assignmentKey(itemId: string, assignee: string, text: string): string {
  return createHash('sha256')
    .update(`${itemId}\u0000${assignee}\u0000${text}`)
    .digest('hex')
    .slice(0, 24);
}

/**
 * The board's register of decisions and assignments across its meetings (beslutsregister),
 * read from stored documents (storage is authoritative: nothing is broadcast before it is
 * stored), newest meeting first.
 */
export class DecisionRegister {
  constructor(
    private readonly accounts: AccountStore,
    private readonly storage: Storage,
  ) {}

  async decisions(boardId: string, query: string): Promise<RegisteredDecision[]> {
    const needle = query.trim().toLocaleLowerCase('sv');
    const found: RegisteredDecision[] = [];
    for (const meeting of await this.accounts.listMeetings(boardId)) {
      const doc = await this.load(meeting);
      for (const decision of decisionsOfMeeting(doc)) {
        const haystack =
          `${decision.itemTitle}\n${decision.text}\n${meeting.title}`.toLocaleLowerCase('sv');
        if (needle !== '' && !haystack.includes(needle)) continue;
        found.push({
          meetingId: meeting.id,
          meetingTitle: meeting.title,
          date: meeting.date,
          itemId: decision.itemId,
          label: decision.label,
          itemTitle: decision.itemTitle,
          text: decision.text,
          votes: decision.votes,
          reservations: decision.reservations,
        });
      }
      doc.destroy();
    }
    return found;
  }

  async assignments(
    boardId: string,
    status: 'open' | 'done' | 'all',
    include: (meeting: MeetingRecord) => boolean = () => true,
  ): Promise<RegisteredAssignment[]> {
    const meetings = (await this.accounts.listMeetings(boardId)).filter(include);
    const done = await this.accounts.doneAssignments(meetings.map((meeting) => meeting.id));
    const found: RegisteredAssignment[] = [];
    for (const meeting of meetings) {
      const doc = await this.load(meeting);
      for (const assignment of assignmentsOfMeeting(doc)) {
        const key = assignmentKey(assignment.itemId, assignment.assignee, assignment.text);
        const mark = done.get(`${meeting.id}/${key}`);
        if ((status === 'open' && mark) || (status === 'done' && !mark)) continue;
        found.push({
          meetingId: meeting.id,
          meetingTitle: meeting.title,
          date: meeting.date,
          itemId: assignment.itemId,
          label: assignment.label,
          key,
          assignee: assignment.assignee,
          text: assignment.text,
          dueDate: assignment.dueDate,
          done: mark !== undefined,
          doneAt: mark ? new Date(mark.doneAt).toISOString() : null,
        });
      }
      doc.destroy();
    }
    return found;
  }

  /**
   * What the board still has to follow up at `meeting` (uppföljning av uppdrag): the open
   * assignments of its earlier meetings, oldest meeting first.
   */
  async followUp(meeting: MeetingRecord): Promise<RegisteredAssignment[]> {
    const open = await this.assignments(
      meeting.boardId,
      'open',
      (other) => other.date < meeting.date,
    );
    // Stable: the assignments of one meeting stay in agenda order.
    return open.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  setDone(meetingId: string, key: string, done: boolean, userId: string): Promise<void> {
    return this.accounts.setAssignmentDone(
      meetingId,
      key,
      done ? { at: Date.now(), by: userId } : null,
    );
  }

  private async load(meeting: MeetingRecord): Promise<Y.Doc> {
    const stored = await this.storage.loadDocument(meeting.id);
    const doc = new Y.Doc();
    Y.transact(doc, () => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    });
    return doc;
  }
}
