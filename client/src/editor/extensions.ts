import { Extension, type Extensions } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extension-placeholder';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { Assignment, bodyExtensions, Decision } from '../../../shared/doc/index.ts';
import type { PresenceUser } from '../sync/presence.ts';
import { AssignmentView } from './AssignmentView.tsx';
import { DecisionView } from './DecisionView.tsx';
import { KeepPendingSelection } from './keepPendingSelection.ts';
import { createSlashMenuExtension, type SlashMenuController } from './slashMenu.ts';

/** What the placeholders say. */
export interface PlaceholderTexts {
  /** An empty body. */
  body: string;
  /** An empty line in a body with text: how to insert blocks. */
  line: string;
}

export interface CollaborativeExtensionOptions {
  /** The shared fragment this editor edits; each editor binds exactly one. */
  fragment: Y.XmlFragment;
  /** Anything with the meeting's awareness (the WebsocketProvider): carets are drawn from it. */
  awarenessSource: { awareness: Awareness };
  user: PresenceUser;
  /** Read on every render of the placeholder, so a language switch needs no new editor. */
  placeholder: () => PlaceholderTexts;
  slashMenu: SlashMenuController;
}

/**
 * The schema's decision and assignment nodes with React node views. Only the rendering changes:
 * the name, content and attributes stay those of shared/doc, which the server validates against.
 */
const DecisionWithView = Decision.extend({
  addNodeView() {
    return ReactNodeViewRenderer(DecisionView);
  },
});

const AssignmentWithView = Assignment.extend({
  addNodeView() {
    return ReactNodeViewRenderer(AssignmentView);
  },
});

const withNodeViews: Extensions = bodyExtensions.map((extension) => {
  if (extension.name === Decision.name) return DecisionWithView;
  if (extension.name === Assignment.name) return AssignmentWithView;
  return extension;
});

/**
 * A body whose every block was deleted holds no line to type in (the schema allows an empty
 * body, so concurrent deletions never make it invalid). The first key typed there creates the
 * paragraph it goes into; just looking at an empty § writes nothing.
 */
const EmptyBody = Extension.create({
  name: 'emptyBody',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('emptyBody'),
        props: {
          handleKeyDown: (view, event) => {
            const { state } = view;
            if (state.doc.childCount > 0 || event.ctrlKey || event.metaKey || event.altKey) {
              return false;
            }
            if (event.key.length !== 1 && event.key !== 'Enter') return false;
            const paragraph = state.schema.nodes.paragraph?.create();
            if (paragraph === undefined) return false;
            const tr = state.tr.insert(0, paragraph);
            view.dispatch(tr.setSelection(TextSelection.create(tr.doc, 1)));
            return event.key === 'Enter';
          },
        },
      }),
    ];
  },
});

/**
 * The body schema lets a table cell be empty (`block*`, so no merge can invalidate it), and
 * prosemirror-tables fills new cells with `createAndFill()`, which then gives a cell with no line
 * to type in. After this person's own changes (never after remote ones, so two clients do not
 * both fill the same cell) an empty cell gets an empty paragraph, and a caret left in such a
 * cell moves into it.
 */
const FillTableCells = Extension.create({
  name: 'fillTableCells',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('fillTableCells'),
        appendTransaction: (transactions, _oldState, state) => {
          const local = transactions.some(
            (tr) => tr.docChanged && tr.getMeta(ySyncPluginKey)?.isChangeOrigin !== true,
          );
          const paragraph = state.schema.nodes.paragraph;
          if (!local || paragraph === undefined) return null;
          const empty: Array<{ pos: number; size: number }> = [];
          state.doc.descendants((node, pos) => {
            const cell = node.type.name === 'tableCell' || node.type.name === 'tableHeader';
            if (cell && node.childCount === 0) empty.push({ pos, size: node.nodeSize });
            return !cell;
          });
          if (empty.length === 0) return null;
          const tr = state.tr;
          const head = state.selection.head;
          let caret: number | null = null;
          for (const cell of [...empty].reverse()) {
            tr.insert(cell.pos + 1, paragraph.create());
            if (head > cell.pos && head < cell.pos + cell.size) caret = cell.pos + 2;
          }
          if (caret !== null) tr.setSelection(TextSelection.create(tr.doc, tr.mapping.map(caret)));
          return tr;
        },
      }),
    ];
  },
});

/**
 * The extensions of a collaborative § body: exactly the item-body schema the server validates
 * against (shared/doc; it leaves out StarterKit's undo/redo, because Collaboration brings the
 * Yjs undo manager), node views, the "/" menu, collaboration, carets and placeholders. A node or
 * mark the server does not know would get the whole connection refused.
 */
export function collaborativeExtensions(options: CollaborativeExtensionOptions): Extensions {
  return [
    ...withNodeViews,
    Collaboration.configure({ fragment: options.fragment }),
    KeepPendingSelection,
    CollaborationCaret.configure({
      provider: options.awarenessSource,
      user: options.user,
      render: renderCaret,
    }),
    // The empty top-level line with the caret. (Decision and assignment views draw their own:
    // this callback runs while a transaction is applied, when the editor's state is still the
    // old one, so it cannot look at the node's parent.)
    Placeholder.configure({
      placeholder: ({ editor, node }) => {
        if (node.type.name !== 'paragraph') return '';
        const texts = options.placeholder();
        return editor.isEmpty ? texts.body : texts.line;
      },
    }),
    createSlashMenuExtension(options.slashMenu),
    EmptyBody,
    FillTableCells,
  ];
}

/** Another person's caret: a thin bar in their colour with their name above it. */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : 'transparent';
  const name = typeof user.name === 'string' ? user.name : '';
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  label.textContent = name;
  // The name is decoration for sighted users; screen readers get presence from the agenda.
  label.setAttribute('aria-hidden', 'true');
  caret.append(label);
  return caret;
}
