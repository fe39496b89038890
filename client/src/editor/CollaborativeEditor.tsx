import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { PresenceUser } from '../sync/presence.ts';
import { EditorToolbar, type EditorToolbarHandle } from './EditorToolbar.tsx';
import { collaborativeExtensions } from './extensions.ts';
import '../styles/editor.css';

export interface CollaborativeEditorProps {
  /** The shared fragment to edit. A new fragment gets a new editor. */
  fragment: Y.XmlFragment;
  /** The meeting's provider (or anything with its awareness), for the others' carets. */
  awarenessSource: { awareness: Awareness };
  user: PresenceUser;
  editable: boolean;
  /** Accessible name of the text area, e.g. "The minutes". */
  label: string;
  placeholder: string;
  /** id of the editable element, for skip links and labels. */
  id?: string;
}

/**
 * A rich-text field bound to one Y.XmlFragment, with a formatting toolbar and the carets of the
 * other participants. Reusable for every text field of the meeting (minutes now, one per agenda
 * item later).
 */
export function CollaborativeEditor(props: CollaborativeEditorProps) {
  const { fragment, awarenessSource, user, editable, label, placeholder, id } = props;
  const { t } = useI18n();
  const toolbar = useRef<EditorToolbarHandle>(null);
  // The editor is created once per fragment; these are read through refs so that a rename or a
  // language switch does not tear it down (and lose the selection and undo history).
  const latest = useRef({ user, placeholder, editable });
  latest.current = { user, placeholder, editable };

  const editor = useEditor(
    {
      extensions: collaborativeExtensions({
        fragment,
        awarenessSource,
        user: latest.current.user,
        placeholder: () => latest.current.placeholder,
      }),
      editable: latest.current.editable,
      editorProps: {
        attributes: {
          class: 'editor__content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          ...(id === undefined ? {} : { id }),
        },
        handleKeyDown: (_view, event) => {
          // Alt+F10 moves to the toolbar, as in most word processors' accessibility modes.
          if (event.altKey && event.key === 'F10') {
            toolbar.current?.focus();
            return true;
          }
          return false;
        },
      },
    },
    [fragment, awarenessSource],
  );

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

  return (
    <div className="editor" data-editable={editable}>
      <EditorToolbar ref={toolbar} editor={editor} label={t('editor.toolbarLabel')} controls={id} />
      <EditorContent editor={editor} className="editor__body" />
    </div>
  );
}
