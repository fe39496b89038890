import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MeetingDoc, MeetingSnapshot } from '../../../shared/doc/index.ts';
import {
  appendParagraph,
  at,
  bodyText,
  createReplicas,
  recordUpdates,
  typeInBody,
} from './replicas.ts';

/** A meeting with five items A–E and two attendees, the common starting point. */
function seedMeeting(seed: MeetingDoc): void {
  seed.setMeta({ title: 'Styrelsemöte', firstParagraphNumber: 47 });
  for (const id of ['A', 'B', 'C', 'D', 'E']) {
    seed.addItem({ id, title: `Ärende ${id}`, body: [`Text ${id}`] });
  }
  seed.addAttendee({ id: 'p1', name: 'Anna Andersson', category: 'beslutande' });
  seed.addAttendee({ id: 'p2', name: 'Bo Berg', category: 'ersattare' });
}

type Edit = (doc: MeetingDoc) => void;

/**
 * Runs two concurrent edits on two replicas, then syncs them in both delivery orders (first
 * replica 0 → 1, and in a fresh run 1 → 0 first). Checks that both replicas of each run are
 * identical and that both runs end the same, and returns that converged snapshot.
 */
function runBothOrders(editA: Edit, editB: Edit, extraSetup?: Edit): MeetingSnapshot {
  const results: MeetingSnapshot[] = [];
  for (const order of [
    [0, 1],
    [1, 0],
  ] as const) {
    const replicas = createReplicas(2);
    seedMeeting(at(replicas, 0));
    if (extraSetup) extraSetup(at(replicas, 0));
    replicas.sync(0, 1);
    editA(at(replicas, 0));
    editB(at(replicas, 1));
    replicas.sync(order[0], order[1]);
    replicas.sync(order[1], order[0]);
    const first = at(replicas, 0).readMeeting();
    expect(at(replicas, 1).readMeeting()).toEqual(first);
    results.push(first);
  }
  const [first, second] = results;
  if (first === undefined) throw new Error('no result');
  expect(second).toEqual(first);
  return first;
}

function titles(snapshot: MeetingSnapshot): string[] {
  return snapshot.items.map((item) => item.title);
}

function labels(snapshot: MeetingSnapshot): Array<string | null> {
  return snapshot.items.map((item) => item.label);
}

describe('concurrent edits of the meeting document', () => {
  it('keeps text typed into an item while another person moves it', () => {
    const result = runBothOrders(
      (doc) => doc.moveItem('D', { before: 'A' }),
      (doc) => {
        doc.itemTitle('D').insert(doc.itemTitle('D').length, ' (reviderad)');
        typeInBody(doc.itemBody('D'), ' och mer text', true);
        appendParagraph(doc.itemBody('D'), 'Ett nytt stycke.');
      },
    );
    expect(titles(result)).toEqual([
      'Ärende D (reviderad)',
      'Ärende A',
      'Ärende B',
      'Ärende C',
      'Ärende E',
    ]);
    expect(labels(result)).toEqual(['47', '48', '49', '50', '51']);
    const moved = result.items[0];
    expect(moved?.body.content?.length).toBe(2);
    expect(JSON.stringify(moved?.body)).toContain('Text D och mer text');
    expect(JSON.stringify(moved?.body)).toContain('Ett nytt stycke.');
  });

  it('gives an item moved by two people at once exactly one position', () => {
    const result = runBothOrders(
      (doc) => doc.moveItem('C', { before: 'A' }),
      (doc) => doc.moveItem('C', { after: 'E' }),
    );
    expect(result.items.filter((item) => item.id === 'C')).toHaveLength(1);
    expect(result.items).toHaveLength(5);
    expect([...titles(result)].sort()).toEqual([
      'Ärende A',
      'Ärende B',
      'Ärende C',
      'Ärende D',
      'Ärende E',
    ]);
    expect(labels(result)).toEqual(['47', '48', '49', '50', '51']);
  });

  it('merges two people moving different items at once', () => {
    const result = runBothOrders(
      (doc) => doc.moveItem('A', { after: 'C' }),
      (doc) => doc.moveItem('E', { before: 'B' }),
    );
    // Each move changed only its own order key, so both moves hold.
    expect(result.items.map((item) => item.id)).toEqual(['E', 'B', 'C', 'A', 'D']);
    const ids = result.items.map((item) => item.id);
    expect(ids.indexOf('A')).toBeGreaterThan(ids.indexOf('C'));
    expect(ids.indexOf('E')).toBeLessThan(ids.indexOf('B'));
    expect(new Set(ids).size).toBe(5);
  });

  it('keeps an item inserted next to an item another person deletes', () => {
    const result = runBothOrders(
      (doc) => doc.addItem({ id: 'N', title: 'Nytt ärende' }, { after: 'B' }),
      (doc) => doc.removeItem('B'),
    );
    expect(result.items.map((item) => item.id)).toEqual(['A', 'N', 'C', 'D', 'E']);
    expect(labels(result)).toEqual(['47', '48', '49', '50', '51']);
  });

  it('promotes a sub-item added under an item another person deletes', () => {
    const result = runBothOrders(
      (doc) => doc.addItem({ id: 'S', title: 'Underpunkt' }, { parentId: 'C' }),
      (doc) => doc.removeItem('C'),
    );
    const sub = result.items.find((item) => item.id === 'S');
    expect(sub?.parentId).toBeNull();
    expect(sub?.label).not.toBeNull();
    expect(result.items.some((item) => item.id === 'C')).toBe(false);
  });

  it('gives two people renaming the same item the same title, keeping both edits', () => {
    const result = runBothOrders(
      (doc) => doc.editItem('B', { title: 'Budget 2024' }),
      (doc) => doc.editItem('B', { title: 'Ärende B: uppföljning' }),
    );
    const title = result.items.find((item) => item.id === 'B')?.title ?? '';
    // Character-wise merge: nothing either person typed is lost.
    expect(title).toContain('Budget 2024');
    expect(title).toContain(': uppföljning');
  });

  it('merges attendance edited by two people and agrees on the same field', () => {
    const result = runBothOrders(
      (doc) => {
        doc.editAttendee('p1', { role: 'ordförande', note: 'från A' });
        doc.markDeparture('p2', 'D');
      },
      (doc) => {
        doc.markArrival('p1', 'B');
        doc.editAttendee('p1', { note: 'från B' });
        doc.editAttendee('p2', { category: 'beslutande' });
      },
    );
    const [anna, bo] = result.attendance;
    expect(anna?.role).toBe('ordförande');
    expect(anna?.presentFrom).toBe('B');
    expect(['från A', 'från B']).toContain(anna?.note);
    expect(bo?.presentTo).toBe('D');
    expect(bo?.category).toBe('beslutande');
  });

  it('orders two items inserted at the same place at once, and can insert between them', () => {
    const replicas = createReplicas(2);
    seedMeeting(at(replicas, 0));
    replicas.sync(0, 1);
    at(replicas, 0).addItem({ id: 'X1', title: 'X1' }, { after: 'A' });
    at(replicas, 1).addItem({ id: 'X2', title: 'X2' }, { after: 'A' });
    replicas.syncAll();
    const ids = at(replicas, 0)
      .listItems()
      .map((item) => item.id);
    expect(ids).toEqual(['A', 'X1', 'X2', 'B', 'C', 'D', 'E']);
    // The two new items share an order key; inserting between them re-keys the later one.
    at(replicas, 1).addItem({ id: 'Y', title: 'Y' }, { after: 'X1' });
    replicas.syncAll();
    expect(
      at(replicas, 0)
        .listItems()
        .map((item) => item.id),
    ).toEqual(['A', 'X1', 'Y', 'X2', 'B', 'C', 'D', 'E']);
    expect(at(replicas, 0).readMeeting()).toEqual(at(replicas, 1).readMeeting());
  });

  it('keeps the text of an item struck after approval while someone types in it', () => {
    const result = runBothOrders(
      (doc) => doc.removeItem('C'),
      (doc) => appendParagraph(doc.itemBody('C'), 'Sent tillägg.'),
      (seed) => seed.approveAgenda('2024-01-01T10:00:00.000Z'),
    );
    const struck = result.items.find((item) => item.id === 'C');
    expect(struck?.removedAfterApproval).toBe(true);
    expect(struck?.label).toBeNull();
    expect(JSON.stringify(struck?.body)).toContain('Sent tillägg.');
    expect(labels(result).filter((label) => label !== null)).toEqual(['47', '48', '49', '50']);
  });

  it('converges three replicas whose updates arrive one by one in reverse order', () => {
    const replicas = createReplicas(3);
    seedMeeting(at(replicas, 0));
    replicas.syncAll();
    const logs = replicas.docs.map(recordUpdates);
    at(replicas, 0).moveItem('A', { after: 'E' });
    at(replicas, 0).itemTitle('A').insert(0, 'Flyttad: ');
    at(replicas, 1).addItem({ id: 'N', title: 'Ny' }, { before: 'C' });
    at(replicas, 1).moveItem('N', { after: 'D' });
    at(replicas, 2).removeItem('B');
    at(replicas, 2).editAttendee('p1', { category: 'adjungerad' });
    for (const [from, log] of logs.entries()) {
      for (const [to, doc] of replicas.docs.entries()) {
        if (to === from) continue;
        for (const update of [...log].reverse()) Y.applyUpdate(doc.ydoc, update);
      }
    }
    const expected = at(replicas, 0).readMeeting();
    expect(at(replicas, 1).readMeeting()).toEqual(expected);
    expect(at(replicas, 2).readMeeting()).toEqual(expected);
    expect(expected.items.map((item) => item.id)).toEqual(['C', 'D', 'N', 'E', 'A']);
    expect(expected.items.at(-1)?.title).toBe('Flyttad: Ärende A');
    expect(bodyText(at(replicas, 2).itemBody('A'))).toBe('Text A');
  });
});
