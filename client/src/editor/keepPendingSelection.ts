import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';

/**
 * Keeps a caret move that the browser has made but ProseMirror has not read yet.
 *
 * For End, Ctrl+End, arrows and clicks the browser moves the DOM selection first and ProseMirror
 * learns of it from the `selectionchange` event a task later. The Yjs binding remembers the
 * caret when a Yjs transaction starts (`beforeAllTransactions`) and puts it back after a remote
 * change, so a remote keystroke landing in that gap moved the caret back to where ProseMirror
 * last knew it, and the next key typed went there (seen in a CI run: Ctrl+End, Enter, and the
 * paragraph split two characters before its end). Before a remote Yjs transaction starts, and
 * before a key is handled, this reads the DOM caret into the editor. It must run before the
 * binding's own listener and before the keymaps, hence a priority above Collaboration's
 * (plugins' views are created, and their props asked, in priority order).
 */
export const KeepPendingSelection = Extension.create({
  name: 'keepPendingSelection',
  priority: 1001,
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('keepPendingSelection'),
        props: {
          // A key pressed right after a caret move (Ctrl+End, then Enter) can arrive before the
          // move's selectionchange; ProseMirror's keymaps would then act at the old caret (seen
          // under load: Enter split the paragraph where it had been clicked).
          handleKeyDown: (view) => {
            readDomSelection(view);
            return false;
          },
        },
        view: (view) => {
          const doc = fragmentDoc(view);
          if (doc === null) return {};
          // Only for changes from elsewhere (the provider, the local cache). The binding's own
          // transactions start inside a ProseMirror dispatch, where the DOM may be behind the
          // state; reading it there would move the caret to where it was.
          const read = () => {
            if (doc._transaction?.local === false) readDomSelection(view);
          };
          doc.on('beforeAllTransactions', read);
          return { destroy: () => doc.off('beforeAllTransactions', read) };
        },
      }),
    ];
  },
});

/** The Y.Doc the editor is bound to (the sync plugin's state exists before the views). */
function fragmentDoc(view: EditorView): Y.Doc | null {
  const state = ySyncPluginKey.getState(view.state) as { doc?: Y.Doc | null } | undefined;
  return state?.doc ?? null;
}

/** Copies the DOM caret into the editor's state when the two differ. */
function readDomSelection(view: EditorView): void {
  if (view.isDestroyed || view.composing || !view.hasFocus()) return;
  // Only a text caret or range: a node selection's DOM selection does not map back to it.
  if (!(view.state.selection instanceof TextSelection)) return;
  const dom = view.dom.ownerDocument.getSelection();
  const { anchorNode, focusNode } = dom ?? {};
  if (!dom || !anchorNode || !focusNode) return;
  if (!view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return;
  let anchor: number;
  let head: number;
  try {
    anchor = view.posAtDOM(anchorNode, dom.anchorOffset);
    head = view.posAtDOM(focusNode, dom.focusOffset);
  } catch {
    // A DOM position ProseMirror cannot map (inside a node view's own DOM): leave it be.
    return;
  }
  const { selection } = view.state;
  if (selection.anchor === anchor && selection.head === head) return;
  const { doc } = view.state;
  const next = TextSelection.between(doc.resolve(anchor), doc.resolve(head));
  view.dispatch(view.state.tr.setSelection(next).setMeta('addToHistory', false));
}
