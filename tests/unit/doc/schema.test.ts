import type { ContentMatch, NodeType } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  bodyMarkAttributes,
  bodyNodeAttributes,
  bodySchema,
  DocError,
  MeetingDoc,
  readBodyJson,
  validateBodyJson,
  validateItemBody,
} from '../../../shared/doc/index.ts';
import { at, createReplicas } from './replicas.ts';

function bodyWith(build: (body: Y.XmlFragment) => void): Y.XmlFragment {
  const doc = new MeetingDoc();
  const itemId = doc.addItem({ title: 'Test' });
  const body = doc.itemBody(itemId);
  doc.ydoc.transact(() => build(body));
  return body;
}

function element(
  name: string,
  attrs: Record<string, unknown>,
  children: Array<Y.XmlElement | Y.XmlText>,
): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value as string);
  node.insert(0, children);
  return node;
}

/** Every content-match state reachable from a node type's start state. */
function reachableStates(type: NodeType): ContentMatch[] {
  const seen = new Set<ContentMatch>();
  const pending = [type.contentMatch];
  while (pending.length > 0) {
    const match = pending.pop();
    if (match === undefined || seen.has(match)) continue;
    seen.add(match);
    for (let index = 0; index < match.edgeCount; index += 1) pending.push(match.edge(index).next);
  }
  return [...seen];
}

describe('the item body schema', () => {
  it('builds headless in Node, with no DOM', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    expect(bodySchema.topNodeType.name).toBe('doc');
  });

  it('is described node by node and attribute by attribute for the server validator', () => {
    const nodes = Object.fromEntries(
      Object.values(bodySchema.nodes).map((type) => [
        type.name,
        Object.keys(type.spec.attrs ?? {}).sort(),
      ]),
    );
    const described = Object.fromEntries(
      Object.entries(bodyNodeAttributes).map(([name, attrs]) => [name, Object.keys(attrs).sort()]),
    );
    expect(described).toEqual(nodes);
    const marks = Object.fromEntries(
      Object.values(bodySchema.marks).map((type) => [
        type.name,
        Object.keys(type.spec.attrs ?? {}).sort(),
      ]),
    );
    const describedMarks = Object.fromEntries(
      Object.entries(bodyMarkAttributes).map(([name, attrs]) => [name, Object.keys(attrs).sort()]),
    );
    expect(describedMarks).toEqual(marks);
  });

  it('uses only content expressions that no merge of valid edits can break', () => {
    // Closed under merges: every reachable state accepts the end and every child allowed at
    // the start, so any sequence of allowed children (what a Yjs merge yields) stays valid.
    for (const type of Object.values(bodySchema.nodes)) {
      if (type.isLeaf) continue;
      const start = type.contentMatch;
      const allowed = Array.from({ length: start.edgeCount }, (_, index) => start.edge(index).type);
      for (const state of reachableStates(type)) {
        expect(state.validEnd, `${type.name} must allow ending anywhere`).toBe(true);
        for (const child of allowed) {
          expect(
            state.matchType(child),
            `${type.name} must accept ${child.name} anywhere`,
          ).not.toBeNull();
        }
      }
    }
  });

  it('has no mark that excludes others, so concurrent formatting never clashes', () => {
    for (const mark of Object.values(bodySchema.marks)) {
      for (const other of Object.values(bodySchema.marks)) {
        if (other !== mark)
          expect(mark.excludes(other), `${mark.name} excludes ${other.name}`).toBe(false);
      }
    }
  });

  it('accepts bodies with every kind of block', () => {
    const doc = new MeetingDoc();
    const itemId = doc.addItem({
      title: 'Alla block',
      body: [
        { type: 'heading', level: 3, text: 'Bakgrund' },
        'Ett stycke.',
        { type: 'bulletList', items: ['ett', 'två'] },
        { type: 'orderedList', items: ['första'] },
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
            { type: 'bulletList', items: ['godkänna budgeten'] },
            {
              type: 'assignment',
              assignee: 'Kansliet',
              text: 'arbeta vidare',
              dueDate: '2024-02-01',
            },
          ],
          votes: { for: 5, against: 2, abstain: 1 },
          reservations: 'Bo Berg (M) reserverar sig.',
        },
        { type: 'assignment', assignee: 'Ola Andersson', text: 'bjuda in Jonas och Elin' },
      ],
    });
    expect(validateItemBody(doc.itemBody(itemId))).toEqual([]);
    const link = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'fet', marks: [{ type: 'bold' }, { type: 'italic' }] },
            {
              type: 'text',
              text: 'länk',
              marks: [{ type: 'link', attrs: { href: 'https://example.se' } }],
            },
            { type: 'hardBreak' },
          ],
        },
        { type: 'blockquote', content: [{ type: 'paragraph' }] },
        { type: 'horizontalRule' },
      ],
    };
    doc.setItemBody(itemId, link);
    expect(validateItemBody(doc.itemBody(itemId))).toEqual([]);
    expect(readBodyJson(doc.itemBody(itemId)).content?.[0]?.content?.[1]?.marks?.[0]?.type).toBe(
      'link',
    );
  });

  it('refuses an unknown node type', () => {
    const body = bodyWith((fragment) => fragment.insert(0, [element('pollWidget', {}, [])]));
    expect(validateItemBody(body)[0]?.message).toMatch(/unknown node type "pollWidget"/);
  });

  it('refuses an unknown attribute and a wrongly typed one', () => {
    const unknown = bodyWith((fragment) =>
      fragment.insert(0, [element('decision', { outcome: 'bifall' }, [])]),
    );
    expect(validateItemBody(unknown)[0]?.message).toMatch(/unknown attribute "outcome"/);
    const wrongType = bodyWith((fragment) =>
      fragment.insert(0, [element('decision', { votesFor: 'många' }, [])]),
    );
    expect(validateItemBody(wrongType)[0]?.message).toMatch(/votesFor/);
    const badDate = bodyWith((fragment) =>
      fragment.insert(0, [element('assignment', { dueDate: 'nästa vecka' }, [])]),
    );
    expect(validateItemBody(badDate)[0]?.message).toMatch(/dueDate/);
  });

  it('refuses unknown marks, unsafe links and blocks in the wrong place', () => {
    const code = bodyWith((fragment) => {
      const text = new Y.XmlText();
      text.insert(0, 'x', { code: {} });
      fragment.insert(0, [element('paragraph', {}, [text])]);
    });
    expect(validateItemBody(code)[0]?.message).toMatch(/unknown mark "code"/);
    expect(
      validateBodyJson({
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'x',
                marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
              },
            ],
          },
        ],
      })[0]?.message,
    ).toMatch(/href/);
    const misplaced = bodyWith((fragment) =>
      fragment.insert(0, [element('decision', {}, [element('table', {}, [])])]),
    );
    expect(validateItemBody(misplaced)).not.toEqual([]);
    const textAtRoot = bodyWith((fragment) => fragment.insert(0, [new Y.XmlText('lös text')]));
    expect(validateItemBody(textAtRoot)).not.toEqual([]);
  });

  it('validates without changing the document, even when the body is invalid', () => {
    const body = bodyWith((fragment) => fragment.insert(0, [element('pollWidget', {}, [])]));
    const doc = body.doc;
    if (doc === null) throw new Error('body not in a doc');
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    expect(validateItemBody(body)).not.toEqual([]);
    expect(updates).toHaveLength(0);
    expect(body.length).toBe(1);
  });

  it('refuses to write an invalid body through the API and writes nothing', () => {
    const doc = new MeetingDoc();
    const itemId = doc.addItem({ title: 'x', body: ['kvar'] });
    expect(() =>
      doc.setItemBody(itemId, { type: 'doc', content: [{ type: 'pollWidget' }] }),
    ).toThrow(DocError);
    expect(() => doc.addItem({ body: { type: 'doc', content: [{ type: 'pollWidget' }] } })).toThrow(
      DocError,
    );
    expect(doc.listItems()).toHaveLength(1);
    expect(JSON.stringify(doc.getItem(itemId)?.body)).toContain('kvar');
  });

  it('stays valid when two people empty a list item, a table and a body at once', () => {
    const replicas = createReplicas(2);
    const seed = at(replicas, 0);
    const itemId = seed.addItem({
      id: 'i',
      title: 'Sammanslagning',
      body: ['Stycke ett', 'Stycke två', { type: 'table', rows: [['a'], ['b']] }],
    });
    replicas.syncAll();
    // A deletes the first paragraph and the first table row, B the second of each.
    const bodyA = at(replicas, 0).itemBody(itemId);
    const bodyB = at(replicas, 1).itemBody(itemId);
    at(replicas, 0).ydoc.transact(() => {
      bodyA.delete(0, 1);
      const table = bodyA.get(1) as Y.XmlElement;
      table.delete(0, 1);
    });
    at(replicas, 1).ydoc.transact(() => {
      bodyB.delete(1, 1);
      const table = bodyB.get(1) as Y.XmlElement;
      table.delete(1, 1);
    });
    replicas.syncAll();
    const merged = at(replicas, 0).itemBody(itemId);
    expect(readBodyJson(merged)).toEqual({ type: 'doc', content: [{ type: 'table' }] });
    expect(validateItemBody(merged)).toEqual([]);
  });
});
