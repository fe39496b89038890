// @vitest-environment happy-dom
import { Editor } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bodyExtensions,
  bodySchema,
  MeetingDoc,
  readBodyJson,
  validateItemBody,
} from '../../../shared/doc/index.ts';
import { at, createReplicas } from './replicas.ts';

/**
 * The body schema as the client uses it: a real Tiptap editor bound to an item's fragment.
 * The binding deletes whatever its schema rejects (TECH-NOTES §2), so it must accept everything
 * the API writes and everything a merge produces, and nothing it writes may fail validation.
 */

const editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

function bind(doc: MeetingDoc, itemId: string): Editor {
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: [...bodyExtensions, Collaboration.configure({ fragment: doc.itemBody(itemId) })],
  });
  editors.push(editor);
  return editor;
}

describe('a Tiptap editor bound to an item body', () => {
  it('shows everything the API wrote and deletes nothing', () => {
    const doc = new MeetingDoc();
    const itemId = doc.addItem({
      title: 'Cresco+',
      body: [
        'Inledning.',
        {
          type: 'table',
          rows: [
            ['', '2023'],
            ['Budget', '9 819 660 kr'],
          ],
          headerRow: true,
        },
        {
          type: 'decision',
          content: [
            'Styrelsen beslutar att',
            { type: 'bulletList', items: ['utöka projektet'] },
            {
              type: 'assignment',
              assignee: 'Kansliet',
              dueDate: '2023-11-21',
              text: 'ta fram underlag',
            },
          ],
          votes: { for: 4, against: 0, abstain: 1 },
          reservations: 'Ingen reservation.',
        },
      ],
    });
    const before = readBodyJson(doc.itemBody(itemId));
    const updates: Uint8Array[] = [];
    doc.ydoc.on('update', (update: Uint8Array) => updates.push(update));
    const editor = bind(doc, itemId);
    expect(bodySchema.nodeFromJSON(editor.getJSON()).toJSON()).toEqual(
      bodySchema.nodeFromJSON(before).toJSON(),
    );
    expect(readBodyJson(doc.itemBody(itemId))).toEqual(before);
    expect(updates).toHaveLength(0);
  });

  it('writes typed text and inserted decisions that pass validation', () => {
    const doc = new MeetingDoc();
    const itemId = doc.addItem({ title: 'Beslut', body: ['Bakgrund.'] });
    const editor = bind(doc, itemId);
    editor.commands.insertContentAt(editor.state.doc.content.size, {
      type: 'decision',
      attrs: { votesFor: 7, votesAgainst: null, votesAbstain: null, reservations: '' },
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Styrelsen godkänner förslaget.' }] },
      ],
    });
    editor.commands.insertContentAt(1, 'Kort ');
    expect(validateItemBody(doc.itemBody(itemId))).toEqual([]);
    const decisions = doc.decisionsOfMeeting();
    expect(decisions.map((decision) => [decision.text, decision.votes?.for])).toEqual([
      ['Styrelsen godkänner förslaget.', 7],
    ]);
    expect(JSON.stringify(doc.getItem(itemId)?.body)).toContain('Kort Bakgrund.');
  });

  it('keeps a merged body that two editors emptied at once, without deleting anything more', () => {
    const replicas = createReplicas(2);
    const itemId = at(replicas, 0).addItem({
      id: 'i',
      title: 'x',
      body: [{ type: 'bulletList', items: ['ett', 'två'] }, 'sista'],
    });
    replicas.syncAll();
    const first = bind(at(replicas, 0), itemId);
    const second = bind(at(replicas, 1), itemId);
    // Each editor deletes a different list item; the merge leaves an empty list.
    first.commands.deleteRange({ from: 1, to: 6 });
    second.commands.deleteRange({ from: 6, to: 11 });
    replicas.syncAll();
    const merged = readBodyJson(at(replicas, 0).itemBody(itemId));
    expect(readBodyJson(at(replicas, 1).itemBody(itemId))).toEqual(merged);
    expect(validateItemBody(at(replicas, 0).itemBody(itemId))).toEqual([]);
    // With Tiptap's stock `listItem+` the binding would delete this empty list on every client
    // and a strict server validator would refuse the second update.
    expect(merged).toEqual({
      type: 'doc',
      content: [
        { type: 'bulletList' },
        { type: 'paragraph', content: [{ type: 'text', text: 'sista' }] },
      ],
    });
  });
});
