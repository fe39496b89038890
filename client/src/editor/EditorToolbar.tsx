import type { ChainedCommands, Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import {
  Fragment,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
  useImperativeHandle,
  useRef,
  useState,
} from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { ToolbarIcon } from './ToolbarIcon.tsx';

export interface EditorToolbarHandle {
  /** Moves keyboard focus to the toolbar (its last focused button). */
  focus: () => void;
}

interface ToolbarAction {
  id: string;
  /** Actions of one group sit together; a thin divider separates the groups. */
  group: 'marks' | 'headings' | 'lists';
  label: { key: MessageKey; params?: Record<string, string | number> };
  /** Key combination in the aria-keyshortcuts notation, with "Mod" for Ctrl/⌘. */
  shortcut: string;
  icon: ReactNode;
  isActive: (editor: Editor) => boolean;
  run: (chain: ChainedCommands) => ChainedCommands;
}

const actions: readonly ToolbarAction[] = [
  {
    id: 'bold',
    group: 'marks',
    label: { key: 'editor.bold' },
    shortcut: 'Mod+B',
    icon: <ToolbarIcon name="bold" />,
    isActive: (editor) => editor.isActive('bold'),
    run: (chain) => chain.toggleBold(),
  },
  {
    id: 'italic',
    group: 'marks',
    label: { key: 'editor.italic' },
    shortcut: 'Mod+I',
    icon: <ToolbarIcon name="italic" />,
    isActive: (editor) => editor.isActive('italic'),
    run: (chain) => chain.toggleItalic(),
  },
  {
    id: 'heading2',
    group: 'headings',
    label: { key: 'editor.headingLevel', params: { level: 2 } },
    shortcut: 'Mod+Alt+2',
    icon: <ToolbarIcon name="heading2" />,
    isActive: (editor) => editor.isActive('heading', { level: 2 }),
    run: (chain) => chain.toggleHeading({ level: 2 }),
  },
  {
    id: 'heading3',
    group: 'headings',
    label: { key: 'editor.headingLevel', params: { level: 3 } },
    shortcut: 'Mod+Alt+3',
    icon: <ToolbarIcon name="heading3" />,
    isActive: (editor) => editor.isActive('heading', { level: 3 }),
    run: (chain) => chain.toggleHeading({ level: 3 }),
  },
  {
    id: 'bulletList',
    group: 'lists',
    label: { key: 'editor.bulletList' },
    shortcut: 'Mod+Shift+8',
    icon: <ToolbarIcon name="bulletList" />,
    isActive: (editor) => editor.isActive('bulletList'),
    run: (chain) => chain.toggleBulletList(),
  },
  {
    id: 'orderedList',
    group: 'lists',
    label: { key: 'editor.orderedList' },
    shortcut: 'Mod+Shift+7',
    icon: <ToolbarIcon name="orderedList" />,
    isActive: (editor) => editor.isActive('orderedList'),
    run: (chain) => chain.toggleOrderedList(),
  },
];

const isApple = /Mac|iPhone|iPad/.test(navigator.userAgent);

/** "Mod+Shift+8" → aria-keyshortcuts ("Control+Shift+8") and a label ("Ctrl+Shift+8" / "⌘⇧8"). */
function describeShortcut(shortcut: string): { aria: string; label: string } {
  const keys = shortcut.split('+');
  const aria = keys.map((key) => (key === 'Mod' ? (isApple ? 'Meta' : 'Control') : key)).join('+');
  const label = isApple
    ? keys.map((key) => ({ Mod: '⌘', Shift: '⇧', Alt: '⌥' })[key] ?? key).join('')
    : keys.map((key) => (key === 'Mod' ? 'Ctrl' : key)).join('+');
  return { aria, label };
}

export interface EditorToolbarProps {
  editor: Editor;
  label: string;
  /** id of the editable element the toolbar formats. */
  controls?: string | undefined;
  ref?: Ref<EditorToolbarHandle>;
}

/**
 * The formatting toolbar, following the WAI-ARIA toolbar pattern: one tab stop, arrow keys move
 * between buttons, Escape returns to the text. Toggle buttons expose their state with aria-pressed.
 */
export function EditorToolbar({ editor, label, controls, ref }: EditorToolbarProps) {
  const { t } = useI18n();
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);

  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      editable: current.isEditable,
      active: actions.map((action) => action.isActive(current)),
    }),
  });

  useImperativeHandle(ref, () => ({ focus: () => buttons.current[focusIndex]?.focus() }), [
    focusIndex,
  ]);

  const moveFocus = (index: number) => {
    const next = (index + actions.length) % actions.length;
    setFocusIndex(next);
    buttons.current[next]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    switch (event.key) {
      case 'ArrowRight':
        moveFocus(focusIndex + 1);
        break;
      case 'ArrowLeft':
        moveFocus(focusIndex - 1);
        break;
      case 'Home':
        moveFocus(0);
        break;
      case 'End':
        moveFocus(actions.length - 1);
        break;
      case 'Escape':
        editor.commands.focus();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div
      className="toolbar"
      role="toolbar"
      aria-label={label}
      aria-controls={controls}
      onKeyDown={onKeyDown}
    >
      {actions.map((action, index) => {
        const name = t(action.label.key, action.label.params);
        const shortcut = describeShortcut(action.shortcut);
        const startsGroup = index > 0 && actions[index - 1]?.group !== action.group;
        return (
          <Fragment key={action.id}>
            {startsGroup && <span className="toolbar__divider" aria-hidden="true" />}
            <button
              ref={(element) => {
                buttons.current[index] = element;
              }}
              type="button"
              className="toolbar__button"
              aria-label={name}
              aria-pressed={state.active[index] ?? false}
              aria-keyshortcuts={shortcut.aria}
              title={t('editor.shortcut', { label: name, shortcut: shortcut.label })}
              tabIndex={index === focusIndex ? 0 : -1}
              disabled={!state.editable}
              onFocus={() => setFocusIndex(index)}
              // Keep the text selection: a mouse click should not move focus out of the editor.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => action.run(editor.chain().focus()).run()}
            >
              {action.icon}
            </button>
          </Fragment>
        );
      })}
    </div>
  );
}
