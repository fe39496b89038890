// @vitest-environment happy-dom
import { Editor } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { afterEach, describe, expect, it } from 'vitest';
import { KeepPendingSelection } from '../../../client/src/editor/keepPendingSelection.ts';
import { bodyExtensions } from '../../../shared/doc/index.ts';
import { appendParagraph, at, createReplicas } from '../doc/replicas.ts';

/**
 * The browser moves the caret (End, Ctrl+End, arrows) first and tells ProseMirror afterwards, in
 * a `selectionchange` event. A remote change applied in between used to put the caret back where
 * ProseMirror last knew it, so the next key went there: a CI run showed "öppna" / "Bertil: …t."
 * when Bertil pressed Ctrl+End, Enter and typed while Anna's text streamed in.
 */

const editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
  document.body.replaceChildren();
});

function bindFocused(withFix: boolean) {
  const replicas = createReplicas(2);
  const writer = at(replicas, 0);
  const itemId = writer.addItem({ id: 'i', title: 'Mötets öppnande', body: ['Mötet öppnat.'] });
  replicas.syncAll();
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({
    element,
    extensions: [
      ...bodyExtensions,
      Collaboration.configure({ fragment: at(replicas, 1).itemBody(itemId) }),
      ...(withFix ? [KeepPendingSelection] : []),
    ],
  });
  editors.push(editor);
  editor.view.focus();
  editor.commands.setTextSelection(3);
  return { replicas, writer, itemId, editor };
}

/**
 * Moves the DOM caret to the end of the first paragraph, as the End key does, and holds back the
 * `selectionchange` event that happy-dom would deliver at once (a browser delivers it a task
 * later): the editor has not read the move yet.
 */
function moveDomCaretToEnd(editor: Editor): void {
  const text = editor.view.dom.querySelector('p')?.firstChild;
  if (!text) throw new Error('no text in the editor');
  const holdBack = (event: Event) => event.stopImmediatePropagation();
  window.addEventListener('selectionchange', holdBack, { capture: true });
  try {
    document.getSelection()?.collapse(text, text.textContent?.length ?? 0);
  } finally {
    window.removeEventListener('selectionchange', holdBack, { capture: true });
  }
}

describe('a caret move the editor has not read yet', () => {
  it('survives a remote change that arrives before the selectionchange event', () => {
    const { replicas, writer, itemId, editor } = bindFocused(true);
    expect(editor.view.hasFocus()).toBe(true);
    moveDomCaretToEnd(editor);
    // The other person's paragraph arrives in the same task, before selectionchange fires.
    appendParagraph(writer.itemBody(itemId), 'Anna skriver.');
    replicas.sync(0, 1);
    const endOfFirstParagraph = 1 + 'Mötet öppnat.'.length;
    expect(editor.state.selection.head).toBe(endOfFirstParagraph);
    expect(editor.getText()).toContain('Anna skriver.');
    // And the next key goes where the caret is.
    editor.commands.insertContent('!');
    expect(editor.state.doc.firstChild?.textContent).toBe('Mötet öppnat.!');
  });

  it('is where the next key acts, even when the key comes before the selectionchange', () => {
    const { editor } = bindFocused(true);
    moveDomCaretToEnd(editor);
    // Enter, handled by the keymap before the browser reported the caret move.
    const enter = new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, bubbles: true });
    editor.view.dom.dispatchEvent(enter);
    const paragraphs: string[] = [];
    editor.state.doc.forEach((node) => {
      paragraphs.push(node.textContent);
    });
    expect(paragraphs).toEqual(['Mötet öppnat.', '']);
  });

  it('is lost without the extension (the bug it fixes)', () => {
    const { replicas, writer, itemId, editor } = bindFocused(false);
    moveDomCaretToEnd(editor);
    appendParagraph(writer.itemBody(itemId), 'Anna skriver.');
    replicas.sync(0, 1);
    expect(editor.state.selection.head).toBe(3);
    editor.view.dom.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, bubbles: true }),
    );
    // Split where the editor last knew the caret, not where it was.
    expect(editor.state.doc.firstChild?.textContent).toBe('Mö');
  });
});
