import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createMeetingFromTemplate,
  DocError,
  ItemKey,
  MeetingDoc,
  RootName,
  serverOwnedKeysTouched,
  serverOwnedMetaKeys,
  setServerMeta,
  standardBoardMeetingTemplate,
  touchedItemIds,
  validateMeetingDoc,
} from '../../../shared/doc/index.ts';

function labelsAndTitles(doc: MeetingDoc): string[] {
  return doc.listItems().map((item) => `${item.label ?? '—'} ${item.title}`);
}

function codeOf(action: () => void): string | null {
  try {
    action();
    return null;
  } catch (error) {
    return error instanceof DocError ? error.code : 'not a DocError';
  }
}

describe('MeetingDoc', () => {
  it('builds a new meeting from the standard template, numbered from the first § number', () => {
    const doc = new MeetingDoc();
    const ids = createMeetingFromTemplate(doc.ydoc, {
      firstParagraphNumber: 47,
      title: 'Styrelsemöte',
      kind: 'board',
      date: '2024-03-05',
    });
    expect(ids).toHaveLength(standardBoardMeetingTemplate.items.length);
    const items = doc.listItems();
    expect(items[0]?.label).toBe('47');
    expect(items[0]?.title).toBe('Mötets öppnande');
    expect(items[1]?.title).toBe('Val av justerare');
    expect(items.at(-1)?.title).toBe('Mötets avslutande');
    expect(items.at(-1)?.label).toBe(String(47 + ids.length - 1));
    expect(items.map((item) => item.kind)).toContain('decision');
    expect(doc.getMeta()).toMatchObject({
      title: 'Styrelsemöte',
      kind: 'board',
      date: '2024-03-05',
    });
    expect(codeOf(() => createMeetingFromTemplate(doc.ydoc, { firstParagraphNumber: 1 }))).toBe(
      'not_empty',
    );
  });

  it('inserts between two items and renumbers the rest without gaps', () => {
    const doc = new MeetingDoc();
    doc.setMeta({ firstParagraphNumber: 5 });
    const a = doc.addItem({ title: 'A' });
    const b = doc.addItem({ title: 'B' });
    doc.addItem({ title: 'A½' }, { after: a });
    doc.addItem({ title: 'Först' }, { before: a });
    expect(labelsAndTitles(doc)).toEqual(['5 Först', '6 A', '7 A½', '8 B']);
    doc.moveItem(b, { before: a });
    expect(labelsAndTitles(doc)).toEqual(['5 Först', '6 B', '7 A', '8 A½']);
    doc.setMeta({ firstParagraphNumber: 1 });
    expect(doc.listItems().map((item) => item.number)).toEqual([1, 2, 3, 4]);
  });

  it('labels sub-items by letter or decimal and keeps them with their parent when it moves', () => {
    const doc = new MeetingDoc();
    const first = doc.addItem({ title: 'Rapporter' });
    const second = doc.addItem({ title: 'Beslutsärenden' });
    doc.addItem({ title: 'Delårsredovisning' }, { parentId: second });
    const budget = doc.addItem({ title: 'Budget' }, { parentId: second });
    doc.addItem({ title: 'Cresco+' }, { before: budget });
    expect(labelsAndTitles(doc)).toEqual([
      '1 Rapporter',
      '2 Beslutsärenden',
      '2a Delårsredovisning',
      '2b Cresco+',
      '2c Budget',
    ]);
    doc.moveItem(second, { before: first });
    doc.setMeta({ subItemNumbering: 'decimal' });
    expect(labelsAndTitles(doc)).toEqual([
      '1 Beslutsärenden',
      '1.1 Delårsredovisning',
      '1.2 Cresco+',
      '1.3 Budget',
      '2 Rapporter',
    ]);
    doc.moveItem(budget, { parentId: null });
    expect(labelsAndTitles(doc).at(-1)).toBe('3 Budget');
    expect(codeOf(() => doc.moveItem(second, { parentId: first }))).toBe('nesting_too_deep');
    expect(codeOf(() => doc.moveItem(first, { after: first }))).toBe('invalid_placement');
  });

  it('reads back kind, presenter, status and attachments as edited, and converges them', () => {
    const doc = new MeetingDoc();
    const itemId = doc.addItem({
      title: 'Budget 2024',
      kind: 'decision',
      presenter: 'Mikael Holmlund',
      attachments: [{ label: 'Bilaga 1', title: 'Budgetförslag' }],
    });
    expect(doc.getItem(itemId)).toMatchObject({
      kind: 'decision',
      presenter: 'Mikael Holmlund',
      status: 'pending',
      attachments: [{ label: 'Bilaga 1', title: 'Budgetförslag' }],
    });
    const other = new MeetingDoc();
    Y.applyUpdate(other.ydoc, Y.encodeStateAsUpdate(doc.ydoc));
    // One person marks the item handled while another adds an attachment.
    doc.editItem(itemId, { status: 'handled' });
    other.editItem(itemId, {
      attachments: [
        { label: 'Bilaga 1', title: 'Budgetförslag' },
        { label: 'Bilaga 2', title: 'Revisionsberättelse' },
      ],
    });
    Y.applyUpdate(other.ydoc, Y.encodeStateAsUpdate(doc.ydoc, Y.encodeStateVector(other.ydoc)));
    Y.applyUpdate(doc.ydoc, Y.encodeStateAsUpdate(other.ydoc, Y.encodeStateVector(doc.ydoc)));
    for (const replica of [doc, other]) {
      expect(replica.getItem(itemId)).toMatchObject({
        status: 'handled',
        attachments: [
          { label: 'Bilaga 1', title: 'Budgetförslag' },
          { label: 'Bilaga 2', title: 'Revisionsberättelse' },
        ],
      });
    }
    expect(codeOf(() => doc.editItem(itemId, { status: 'done' as never }))).toBe('invalid_value');
  });

  it('moves an item by rewriting only its order key', () => {
    const doc = new MeetingDoc();
    const a = doc.addItem({ title: 'A', body: ['text'] });
    doc.addItem({ title: 'B' });
    const title = doc.itemTitle(a);
    const body = doc.itemBody(a);
    const changedKeys: string[] = [];
    doc.ydoc.getMap(RootName.items).observeDeep((events) => {
      for (const event of events) {
        for (const key of event.keys.keys()) changedKeys.push(key);
      }
    });
    doc.moveItem(a, { parentId: null });
    expect(changedKeys).toEqual([ItemKey.order]);
    expect(doc.itemTitle(a)).toBe(title);
    expect(doc.itemBody(a)).toBe(body);
  });

  it('deletes items before the agenda is approved, and strikes and marks changes after', () => {
    const doc = new MeetingDoc();
    const a = doc.addItem({ title: 'A' });
    const b = doc.addItem({ title: 'B' });
    const child = doc.addItem({ title: 'B1' }, { parentId: b });
    const c = doc.addItem({ title: 'C' });
    doc.removeItem(a);
    expect(doc.listItems().map((item) => item.title)).toEqual(['B', 'B1', 'C']);
    doc.approveAgenda('2023-10-03T09:10:00.000Z');
    const late = doc.addItem({ title: 'Tillägg' }, { after: child });
    doc.removeItem(c);
    const items = doc.listItems();
    expect(items.find((item) => item.id === late)).toMatchObject({
      addedAfterApproval: true,
      label: '1b',
    });
    expect(items.find((item) => item.id === c)).toMatchObject({
      removedAfterApproval: true,
      label: null,
    });
    expect(items.find((item) => item.id === b)?.addedAfterApproval).toBe(false);
    doc.restoreItem(c);
    expect(doc.listItems().find((item) => item.id === c)?.label).toBe('2');
  });

  it('refuses invalid values with a typed error and writes nothing', () => {
    const doc = new MeetingDoc();
    const itemId = doc.addItem({ title: 'A' });
    expect(codeOf(() => doc.setMeta({ date: '3 oktober' }))).toBe('invalid_value');
    expect(codeOf(() => doc.setMeta({ status: 'signed' } as never))).toBe('invalid_value');
    expect(codeOf(() => doc.editItem(itemId, { kind: 'vote' as never }))).toBe('invalid_value');
    expect(codeOf(() => doc.addItem({ id: 'a/b' }))).toBe('invalid_value');
    expect(codeOf(() => doc.addItem({ id: itemId }))).toBe('invalid_value');
    expect(codeOf(() => doc.editItem('missing', { title: 'x' }))).toBe('item_not_found');
    expect(codeOf(() => doc.addAttendee({ name: 'X', category: 'gäst' as never }))).toBe(
      'invalid_value',
    );
    expect(
      codeOf(() => doc.addAttendee({ name: 'X', category: 'ovrig', presentFrom: 'missing' })),
    ).toBe('item_not_found');
    expect(doc.listItems()).toHaveLength(1);
    expect(doc.getMeta().date).toBeNull();
  });

  it('refuses every edit once the minutes are locked, and shows the frozen numbers', () => {
    const doc = new MeetingDoc();
    const a = doc.addItem({ title: 'A' });
    const b = doc.addItem({ title: 'B' });
    setServerMeta(doc.ydoc, 'lockedNumbers', { [a]: '12', [b]: '13' });
    setServerMeta(doc.ydoc, 'locked', true);
    setServerMeta(doc.ydoc, 'status', 'lockedForAdjustment');
    expect(doc.listItems().map((item) => item.label)).toEqual(['12', '13']);
    expect(codeOf(() => doc.addItem({ title: 'C' }))).toBe('meeting_locked');
    expect(codeOf(() => doc.editItem(a, { title: 'x' }))).toBe('meeting_locked');
    expect(codeOf(() => doc.setMeta({ title: 'x' }))).toBe('meeting_locked');
    expect(codeOf(() => doc.addAttendee({ name: 'X', category: 'ovrig' }))).toBe('meeting_locked');
    expect(doc.getMeta()).toMatchObject({ locked: true, status: 'lockedForAdjustment' });
  });

  it('tells who was present at each item from partial presence ranges', () => {
    const doc = new MeetingDoc();
    const ids = ['1', '2', '3', '4', '5'].map((n) => doc.addItem({ id: `i${n}`, title: `§ ${n}` }));
    const sub = doc.addItem({ id: 'i4a', title: '§ 4a' }, { parentId: 'i4' });
    doc.addAttendee({ id: 'all', name: 'Hela mötet', category: 'beslutande' });
    doc.addAttendee({ id: 'early', name: 'Går efter § 4', category: 'ovrig', presentTo: 'i4' });
    doc.addAttendee({ id: 'late', name: 'Kommer till § 3', category: 'ersattare' });
    doc.markArrival('late', 'i3');
    doc.addAttendee({ id: 'away', name: 'Borta', category: 'franvarande', absenceNotified: true });
    const present = (itemId: string) => doc.presentAt(itemId).map((person) => person.id);
    expect(present('i1')).toEqual(['all', 'early']);
    expect(present('i3')).toEqual(['all', 'early', 'late']);
    expect(present(sub)).toEqual(['all', 'early', 'late']);
    expect(present('i5')).toEqual(['all', 'late']);
    // Moving § 5 before § 3 moves it into the early leaver's range.
    doc.moveItem('i5', { before: 'i3' });
    expect(present('i5')).toEqual(['all', 'early']);
    expect(ids).toHaveLength(5);
    expect(codeOf(() => doc.presentAt('missing'))).toBe('item_not_found');
  });

  it('keeps officers, showing each adjuster once', () => {
    const doc = new MeetingDoc();
    const anita = doc.addAttendee({
      name: 'Anita Löfgren',
      organisation: 'Skövde kommun',
      category: 'adjungerad',
    });
    doc.setOfficer('chair', { personId: null, name: 'Ulla-Karin Cannervik' });
    doc.addAdjuster({ personId: anita, name: 'Anita Löfgren' });
    doc.addAdjuster({ personId: anita, name: 'Anita Löfgren' });
    doc.addAdjuster({ personId: null, name: 'Bo Berg' });
    expect(doc.getOfficers()).toEqual({
      chair: { personId: null, name: 'Ulla-Karin Cannervik' },
      secretary: null,
      adjusters: [
        { personId: anita, name: 'Anita Löfgren' },
        { personId: null, name: 'Bo Berg' },
      ],
    });
    doc.removeAdjuster({ personId: null, name: 'Bo Berg' });
    doc.setOfficer('chair', null);
    expect(doc.getOfficers()).toMatchObject({
      chair: null,
      adjusters: [{ name: 'Anita Löfgren' }],
    });
  });

  it('renames by rewriting only the changed part of a title, never splitting a character', () => {
    const doc = new MeetingDoc();
    const itemId = doc.addItem({ title: 'Budget 2024 🎉' });
    const deltas: unknown[] = [];
    doc.itemTitle(itemId).observe((event) => deltas.push(event.delta));
    doc.editItem(itemId, { title: 'Budget 2025 🎉' });
    doc.editItem(itemId, { title: 'Budget 2025 🎊' });
    expect(deltas[0]).toEqual([{ retain: 10 }, { delete: 1 }, { insert: '5' }]);
    expect(deltas[1]).toEqual([{ retain: 12 }, { delete: 2 }, { insert: '🎊' }]);
    expect(doc.itemTitle(itemId).toString()).toBe('Budget 2025 🎊');
  });

  it('notifies subscribers on every change and stops after unsubscribing', () => {
    const doc = new MeetingDoc();
    let calls = 0;
    const unsubscribe = doc.subscribe(() => {
      calls += 1;
    });
    const itemId = doc.addItem({ title: 'A', body: ['x'] });
    doc.editItem(itemId, { presenter: 'Åsa Fichtel' });
    unsubscribe();
    doc.editItem(itemId, { presenter: 'Geli Lytter' });
    expect(calls).toBe(2);
  });
});

describe('validateMeetingDoc and the helpers for the server validator', () => {
  it('accepts everything the API writes', () => {
    const doc = new MeetingDoc();
    createMeetingFromTemplate(doc.ydoc, { firstParagraphNumber: 1, title: 'Möte' });
    const person = doc.addAttendee({ name: 'A', category: 'beslutande' });
    doc.setOfficer('secretary', { personId: person, name: 'A' });
    doc.addAdjuster({ personId: null, name: 'B' });
    setServerMeta(doc.ydoc, 'signatures', [
      {
        role: 'chair',
        name: 'A',
        userId: null,
        signedAt: '2023-10-12T10:00:00.000Z',
        sha256: 'a'.repeat(64),
      },
    ]);
    expect(validateMeetingDoc(doc.ydoc)).toEqual([]);
  });

  it('reports unknown roots, keys, wrong types and invalid bodies', () => {
    const doc = new MeetingDoc();
    const itemId = doc.addItem({ title: 'A' });
    doc.ydoc.getMap('poll').set('x', 1);
    doc.ydoc.getMap(RootName.meta).set('colour', 'red');
    doc.ydoc.getMap(RootName.meta).set('firstParagraphNumber', 'elva');
    const item = doc.ydoc.getMap<Y.Map<unknown>>(RootName.items).get(itemId);
    item?.set('secret', true);
    item?.set(ItemKey.order, 'not a key!');
    doc.itemTitle(itemId).format(0, 1, { bold: true });
    doc.itemBody(itemId).insert(0, [new Y.XmlElement('pollWidget')]);
    const paths = validateMeetingDoc(doc.ydoc).map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'poll',
        'meta.colour',
        'meta.firstParagraphNumber',
        `items.${itemId}.secret`,
        `items.${itemId}.order`,
        `items.${itemId}.title`,
        `items.${itemId}.body.content[0]`,
      ]),
    );
  });

  it('names the server-owned keys and the items a transaction touched', () => {
    const doc = new MeetingDoc();
    const a = doc.addItem({ id: 'a', title: 'A' });
    doc.addItem({ id: 'b', title: 'B' });
    const seen: Array<{ serverOwned: string[]; items: string[] }> = [];
    doc.ydoc.on('afterTransaction', (transaction: Y.Transaction) => {
      seen.push({
        serverOwned: serverOwnedKeysTouched(transaction),
        items: [...touchedItemIds(transaction)].sort(),
      });
    });
    doc.itemTitle(a).insert(0, 'x');
    doc.ydoc.transact(() => doc.ydoc.getMap(RootName.meta).set('status', 'signed'));
    doc.setMeta({ title: 'ok' });
    expect(seen).toEqual([
      { serverOwned: [], items: ['a'] },
      { serverOwned: ['status'], items: [] },
      { serverOwned: [], items: [] },
    ]);
    expect(serverOwnedMetaKeys).toEqual([
      'status',
      'locked',
      'lockedNumbers',
      'signatures',
      'posting',
    ]);
  });
});
