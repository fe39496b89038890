import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { useEffect, useMemo, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { PresenceUser } from '../sync/presence.ts';
import { useEditorRegistry } from './editorRegistry.ts';
import { collaborativeExtensions, type PlaceholderTexts } from './extensions.ts';
import { SlashMenu } from './SlashMenu.tsx';
import { SlashMenuController } from './slashMenu.ts';
import '../styles/editor.css';

export interface CollaborativeEditorProps {
  /** The agenda item whose body this is. */
  itemId: string;
  /** The shared fragment to edit. A new fragment gets a new editor. */
  fragment: Y.XmlFragment;
  /** The meeting's provider (or anything with its awareness), for the others' carets. */
  awarenessSource: { awareness: Awareness };
  user: PresenceUser;
  editable: boolean;
  /** Accessible name of the text area, e.g. "Minutes of § 5". */
  label: string;
  placeholder: PlaceholderTexts;
  /** id of the editable element, for skip links, labels and the toolbar's aria-controls. */
  id: string;
}

/**
 * The rich-text body of one § bound to its Y.XmlFragment, with the carets of the others and the
 * "/" menu. The formatting toolbar is shared by all §§ (see EditorRegistry).
 */
export function CollaborativeEditor(props: CollaborativeEditorProps) {
  const { itemId, fragment, awarenessSource, user, editable, label, placeholder, id } = props;
  const { t } = useI18n();
  const registry = useEditorRegistry();
  // The editor is created once per fragment; these are read through refs so that a rename or a
  // language switch does not tear it down (and lose the selection and undo history).
  const latest = useRef({ user, placeholder, editable, t });
  latest.current = { user, placeholder, editable, t };
  const slashMenu = useMemo(
    () => new SlashMenuController(() => (command) => latest.current.t(command.label)),
    [],
  );

  const editor = useEditor(
    {
      extensions: collaborativeExtensions({
        fragment,
        awarenessSource,
        user: latest.current.user,
        placeholder: () => latest.current.placeholder,
        slashMenu,
      }),
      editable: latest.current.editable,
      editorProps: {
        attributes: {
          class: 'editor__content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          id,
        },
        handleKeyDown: (_view, event) => {
          // Alt+F10 moves to the toolbar, as in most word processors' accessibility modes.
          if (event.altKey && event.key === 'F10') return registry.focusToolbar();
          return false;
        },
      },
      onFocus: () => registry.activate(itemId),
    },
    [fragment, awarenessSource],
  );
  slashMenu.editor = editor;

  useEffect(() => registry.register(itemId, editor, id), [registry, itemId, editor, id]);

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    editor.view.dom.setAttribute('aria-label', label);
  }, [editor, label]);

  useEffect(() => {
    // The placeholder decoration is recomputed on every view update; an empty transaction
    // triggers one after a language switch.
    if (!editor.isDestroyed) {
      const refresh = editor.state.tr.setMeta('placeholder', placeholder);
      editor.view.dispatch(refresh.setMeta('addToHistory', false));
    }
  }, [editor, placeholder]);

  // A body with no block at all has no empty line for the placeholder decoration to mark.
  const blockless = useEditorState({
    editor,
    selector: ({ editor: current }) => current.state.doc.childCount === 0,
  });

  return (
    <div className="editor" data-editable={editable}>
      {blockless && editable && (
        <p className="editor__empty" aria-hidden="true">
          {placeholder.body}
        </p>
      )}
      <EditorContent editor={editor} className="editor__body" />
      <SlashMenu controller={slashMenu} />
    </div>
  );
}
