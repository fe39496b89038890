import type * as Y from 'yjs';
import { type AttendeeSnapshot, listAttendance } from './attendance.ts';
import { DocError } from './errors.ts';
import { readItems } from './itemRead.ts';
import { buildItemTree, spanOf } from './itemTree.ts';
import { type BodyJson, plainText, type VoteResult } from './schema/bodyJson.ts';

/** An assignment (uppdrag) found in an item body. */
export interface AssignmentRecord {
  itemId: string;
  label: string | null;
  assignee: string;
  dueDate: string | null;
  text: string;
  /** True when the assignment is part of a decision block. */
  inDecision: boolean;
}

/** A decision (beslut) found in an item body. */
export interface DecisionRecord {
  itemId: string;
  label: string | null;
  itemTitle: string;
  /** The decision's text, one line per block. */
  text: string;
  /** Null when no vote was recorded. */
  votes: VoteResult | null;
  reservations: string;
  assignments: AssignmentRecord[];
}

function attr(node: BodyJson, name: string): unknown {
  return node.attrs?.[name];
}

function count(node: BodyJson, name: string): number | null {
  const value = attr(node, name);
  return typeof value === 'number' ? value : null;
}

function toAssignment(
  node: BodyJson,
  item: { id: string; label: string | null },
  inDecision: boolean,
): AssignmentRecord {
  const assignee = attr(node, 'assignee');
  const dueDate = attr(node, 'dueDate');
  return {
    itemId: item.id,
    label: item.label,
    assignee: typeof assignee === 'string' ? assignee : '',
    dueDate: typeof dueDate === 'string' ? dueDate : null,
    text: plainText(node),
    inDecision,
  };
}

function collect(
  node: BodyJson,
  visit: (node: BodyJson, insideDecision: boolean) => void,
  insideDecision = false,
): void {
  visit(node, insideDecision);
  const inside = insideDecision || node.type === 'decision';
  for (const child of node.content ?? []) collect(child, visit, inside);
}

/** Every decision of the meeting in agenda order; struck items are left out. */
export function decisionsOfMeeting(doc: Y.Doc): DecisionRecord[] {
  const decisions: DecisionRecord[] = [];
  for (const item of readItems(doc, true)) {
    if (item.removedAfterApproval) continue;
    collect(item.body, (node) => {
      if (node.type !== 'decision') return;
      const votes: VoteResult = {
        for: count(node, 'votesFor'),
        against: count(node, 'votesAgainst'),
        abstain: count(node, 'votesAbstain'),
      };
      const hasVotes = votes.for !== null || votes.against !== null || votes.abstain !== null;
      const reservations = attr(node, 'reservations');
      const assignments: AssignmentRecord[] = [];
      collect(node, (inner) => {
        if (inner.type === 'assignment') assignments.push(toAssignment(inner, item, true));
      });
      decisions.push({
        itemId: item.id,
        label: item.label,
        itemTitle: item.title,
        text: plainText(node),
        votes: hasVotes ? votes : null,
        reservations: typeof reservations === 'string' ? reservations : '',
        assignments,
      });
    });
  }
  return decisions;
}

/** Every assignment of the meeting in agenda order, inside decisions or not. */
export function assignmentsOfMeeting(doc: Y.Doc): AssignmentRecord[] {
  const assignments: AssignmentRecord[] = [];
  for (const item of readItems(doc, true)) {
    if (item.removedAfterApproval) continue;
    collect(item.body, (node, insideDecision) => {
      if (node.type === 'assignment') assignments.push(toAssignment(node, item, insideDecision));
    });
  }
  return assignments;
}

/**
 * Who was present at an item, for quorum (beslutförhet): everyone not listed as absent whose
 * presence range covers the item. A range ending at an item includes its sub-items; a bound that
 * points at a deleted item is ignored.
 */
export function presentAt(doc: Y.Doc, itemId: string): AttendeeSnapshot[] {
  const tree = buildItemTree(doc);
  const node = tree.byId.get(itemId);
  if (node === undefined) throw new DocError('item_not_found', `no item ${itemId}`);
  const position = tree.flat.indexOf(node);
  return listAttendance(doc).filter((person) => {
    if (person.category === 'franvarande') return false;
    const from = person.presentFrom === null ? null : spanOf(tree, person.presentFrom);
    const to = person.presentTo === null ? null : spanOf(tree, person.presentTo);
    return (from === null || from[0] <= position) && (to === null || position <= to[1]);
  });
}
