import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attendanceCategories,
  DocError,
  type MeetingDoc,
  type MeetingSnapshot,
  validateMeetingDoc,
} from '../../../shared/doc/index.ts';
import { appendParagraph, at, createReplicas, typeInBody } from './replicas.ts';

/**
 * Random concurrent edits on three replicas with random sync in between: every run must
 * converge to identical snapshots, keep a gap-free numbering and a unique position per item,
 * stay schema-valid, and lose no text typed into an item that still exists.
 */

const replica = fc.integer({ min: 0, max: 2 });
const pick = fc.nat({ max: 50 });
const where = fc.constantFrom('after', 'before', 'child', 'end');

const command = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('add'), replica, anchor: pick, where }) },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('move'), replica, item: pick, anchor: pick, where }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('remove'), replica, item: pick }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('rename'),
      replica,
      item: pick,
      title: fc.constantFrom('Budget', 'Budget 2025', 'Rapporter', 'Övrigt', ''),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('typeTitle'),
      replica,
      item: pick,
      atEnd: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('typeBody'),
      replica,
      item: pick,
      newParagraph: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('attendance'),
      replica,
      person: pick,
      item: pick,
      action: fc.constantFrom('add', 'category', 'arrive', 'depart', 'note'),
      category: fc.constantFrom(...attendanceCategories),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('approve'), replica }) },
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('sync'), from: replica, to: replica }),
  },
);

type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

interface Typed {
  itemId: string;
  token: string;
  where: 'title' | 'body';
}

function choose<T>(values: readonly T[], index: number): T | undefined {
  return values.length === 0 ? undefined : values[index % values.length];
}

/** Applies one command; a refusal by the API (DocError) is a legitimate outcome, not a failure. */
function apply(
  docs: MeetingDoc[],
  cmd: Command,
  state: { counter: number; typed: Typed[]; renamed: Set<string> },
): void {
  if (cmd.op === 'sync') return;
  const doc = docs[cmd.replica];
  if (doc === undefined) return;
  const items = doc.listItems();
  try {
    switch (cmd.op) {
      case 'add': {
        state.counter += 1;
        const id = `n${state.counter}`;
        const anchor = choose(items, cmd.anchor);
        if (anchor === undefined || cmd.where === 'end') doc.addItem({ id, title: id });
        else if (cmd.where === 'child') doc.addItem({ id, title: id }, { parentId: anchor.id });
        else doc.addItem({ id, title: id }, { [cmd.where]: anchor.id });
        return;
      }
      case 'move': {
        const item = choose(items, cmd.item);
        const anchor = choose(items, cmd.anchor);
        if (item === undefined || anchor === undefined) return;
        if (cmd.where === 'end') doc.moveItem(item.id, {});
        else if (cmd.where === 'child') doc.moveItem(item.id, { parentId: anchor.id });
        else doc.moveItem(item.id, { [cmd.where]: anchor.id });
        return;
      }
      case 'remove': {
        const item = choose(items, cmd.item);
        if (item !== undefined) doc.removeItem(item.id);
        return;
      }
      case 'rename': {
        const item = choose(items, cmd.item);
        if (item === undefined) return;
        state.renamed.add(item.id);
        doc.editItem(item.id, { title: cmd.title });
        return;
      }
      case 'typeTitle':
      case 'typeBody': {
        const item = choose(items, cmd.item);
        if (item === undefined) return;
        state.counter += 1;
        const token = `[t${state.counter}]`;
        if (cmd.op === 'typeTitle') {
          const title = doc.itemTitle(item.id);
          title.insert(cmd.atEnd ? title.length : 0, token);
          state.typed.push({ itemId: item.id, token, where: 'title' });
        } else {
          const body = doc.itemBody(item.id);
          if (cmd.newParagraph) appendParagraph(body, token);
          else typeInBody(body, token, true);
          state.typed.push({ itemId: item.id, token, where: 'body' });
        }
        return;
      }
      case 'attendance': {
        const people = doc.listAttendance();
        const person = choose(people, cmd.person);
        const item = choose(items, cmd.item);
        if (cmd.action === 'add' || person === undefined) {
          state.counter += 1;
          doc.addAttendee({
            id: `q${state.counter}`,
            name: `Person ${state.counter}`,
            category: cmd.category,
          });
        } else if (cmd.action === 'category') {
          doc.editAttendee(person.id, { category: cmd.category });
        } else if (cmd.action === 'note') {
          doc.editAttendee(person.id, { note: `anteckning ${cmd.replica}` });
        } else if (item !== undefined) {
          if (cmd.action === 'arrive') doc.markArrival(person.id, item.id);
          else doc.markDeparture(person.id, item.id);
        }
        return;
      }
      case 'approve':
        doc.approveAgenda('2024-05-28T09:15:00.000Z');
        return;
    }
  } catch (error) {
    if (!(error instanceof DocError)) throw error;
  }
}

function checkInvariants(snapshot: MeetingSnapshot): void {
  const ids = snapshot.items.map((item) => item.id);
  expect(new Set(ids).size).toBe(ids.length);
  const first = snapshot.meta.firstParagraphNumber;
  const topNumbers = snapshot.items
    .filter((item) => item.depth === 0 && item.label !== null)
    .map((item) => item.number);
  expect(topNumbers).toEqual(topNumbers.map((_, index) => first + index));
  const labels = snapshot.items.flatMap((item) => (item.label === null ? [] : [item.label]));
  expect(new Set(labels).size).toBe(labels.length);
  for (const [index, item] of snapshot.items.entries()) {
    if (item.parentId === null) continue;
    const parentIndex = ids.indexOf(item.parentId);
    expect(parentIndex).toBeGreaterThanOrEqual(0);
    expect(parentIndex).toBeLessThan(index);
    expect(snapshot.items[parentIndex]?.parentId).toBeNull();
  }
  for (const item of snapshot.items) {
    if (item.parentId !== null || item.label === null) continue;
    const subNumbers = snapshot.items
      .filter((child) => child.parentId === item.id && child.label !== null)
      .map((child) => child.subIndex);
    expect(subNumbers).toEqual(subNumbers.map((_, index) => index + 1));
  }
}

function countOccurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('random concurrent editing (property)', () => {
  it('always converges, keeps numbering gap-free and loses no text of surviving items', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 40 }), (commands) => {
        const replicas = createReplicas(3);
        const seed = at(replicas, 0);
        seed.setMeta({ firstParagraphNumber: 12, subItemNumbering: 'decimal' });
        for (const id of ['a', 'b', 'c', 'd'])
          seed.addItem({ id, title: `Ärende ${id}`, body: [`Text ${id}`] });
        seed.addItem({ id: 'c1', title: 'Underpunkt' }, { parentId: 'c' });
        seed.addAttendee({ id: 'p1', name: 'Anna', category: 'beslutande' });
        replicas.syncAll();
        const state = { counter: 0, typed: [] as Typed[], renamed: new Set<string>() };
        for (const cmd of commands) {
          if (cmd.op === 'sync') replicas.sync(cmd.from, cmd.to);
          else apply(replicas.docs, cmd, state);
        }
        replicas.syncAll();

        const snapshot = at(replicas, 0).readMeeting();
        expect(at(replicas, 1).readMeeting()).toEqual(snapshot);
        expect(at(replicas, 2).readMeeting()).toEqual(snapshot);
        checkInvariants(snapshot);
        expect(validateMeetingDoc(at(replicas, 0).ydoc)).toEqual([]);
        for (const typed of state.typed) {
          const item = snapshot.items.find((candidate) => candidate.id === typed.itemId);
          if (item === undefined) continue; // deleted before the agenda was approved
          if (typed.where === 'title') {
            if (!state.renamed.has(item.id))
              expect(countOccurrences(item.title, typed.token)).toBe(1);
          } else {
            expect(countOccurrences(JSON.stringify(item.body), typed.token)).toBe(1);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
