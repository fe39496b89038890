import { TextSelection } from '@tiptap/pm/state';
import { type ChainedCommands, type Editor, findParentNodeClosestToPos } from '@tiptap/react';

/**
 * The structured blocks a secretary inserts into a § body. Every attribute is written with the
 * type the server's schema check expects (counts or null, a date or null), so an inserted block
 * can never get the connection refused.
 */

export type BlockKind = 'decision' | 'assignment' | 'table';

/**
 * Focuses a body with the caret at its end. A body without any block has no end to put a text
 * caret at (ProseMirror would warn); there the editor's own selection is kept.
 */
export function focusEnd(editor: Editor): void {
  editor.commands.focus(editor.state.doc.childCount === 0 ? null : 'end');
}

/** A decision (beslut) with one empty paragraph for its text; no vote, no reservation yet. */
export function insertDecision(chain: ChainedCommands): ChainedCommands {
  return chain.insertContent({
    type: 'decision',
    attrs: { votesFor: null, votesAgainst: null, votesAbstain: null, reservations: '' },
    content: [{ type: 'paragraph' }],
  });
}

/** An assignment (uppdrag) without assignee or due date; its text is the task. */
export function insertAssignment(chain: ChainedCommands): ChainedCommands {
  return chain.insertContent({ type: 'assignment', attrs: { assignee: '', dueDate: null } });
}

const cell = (type: 'tableHeader' | 'tableCell') => ({ type, content: [{ type: 'paragraph' }] });
const row = (type: 'tableHeader' | 'tableCell') => ({
  type: 'tableRow',
  content: [cell(type), cell(type), cell(type)],
});

/**
 * A 3 × 3 table with a header row, the caret in its first cell. Built here rather than with
 * insertTable, whose cells come out empty under the body schema (`block*`: no line to type in).
 */
export function insertTable(chain: ChainedCommands): ChainedCommands {
  return chain
    .insertContent({
      type: 'table',
      content: [row('tableHeader'), row('tableCell'), row('tableCell')],
    })
    .command(({ tr }) => {
      const table = findParentNodeClosestToPos(
        tr.selection.$from,
        (node) => node.type.name === 'table',
      );
      // table → row → cell → paragraph: the first cell's text starts four positions in.
      if (table !== undefined) tr.setSelection(TextSelection.create(tr.doc, table.pos + 4));
      return true;
    });
}

const inserters: Record<BlockKind, (chain: ChainedCommands) => ChainedCommands> = {
  decision: insertDecision,
  assignment: insertAssignment,
  table: insertTable,
};

/**
 * Inserts a block at the caret (the last selection when the editor has lost focus to the
 * toolbar) or at the end of the body, and leaves the caret inside it, ready to type.
 */
export function insertBlock(editor: Editor, kind: BlockKind, at: 'selection' | 'end'): boolean {
  if (!editor.isEditable) return false;
  const toEnd = at === 'end' && !editor.isFocused && editor.state.doc.childCount > 0;
  const chain = editor.chain().focus(toEnd ? 'end' : null);
  return inserters[kind](chain).run();
}
