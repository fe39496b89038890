import type { ChainedCommands, Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { Fragment, type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useActiveEditor, useEditorRegistry } from './editorRegistry.ts';
import { insertAssignment, insertDecision, insertTable } from './insertBlocks.ts';
import { describeShortcut } from './shortcutLabels.ts';
import { ToolbarIcon } from './ToolbarIcon.tsx';

interface ToolbarAction {
  id: string;
  /** Actions of one group sit together; a thin divider separates the groups. */
  group: 'marks' | 'headings' | 'lists' | 'blocks';
  label: { key: MessageKey; params?: Record<string, string | number> };
  /** Key combination in the aria-keyshortcuts notation, with "Mod" for Ctrl/⌘. */
  shortcut: string;
  icon: ReactNode;
  /** Insert actions are not toggles: they have no pressed state. */
  isActive: ((editor: Editor) => boolean) | null;
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
    id: 'heading3',
    group: 'headings',
    label: { key: 'editor.heading' },
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
  {
    id: 'decision',
    group: 'blocks',
    label: { key: 'editor.insertDecision' },
    shortcut: 'Alt+B',
    icon: <ToolbarIcon name="decision" />,
    isActive: null,
    run: insertDecision,
  },
  {
    id: 'assignment',
    group: 'blocks',
    label: { key: 'editor.insertAssignment' },
    shortcut: 'Alt+U',
    icon: <ToolbarIcon name="assignment" />,
    isActive: null,
    run: insertAssignment,
  },
  {
    id: 'table',
    group: 'blocks',
    label: { key: 'editor.insertTable' },
    shortcut: '',
    icon: <ToolbarIcon name="table" />,
    isActive: null,
    run: insertTable,
  },
];

/**
 * The formatting toolbar of the minutes, shared by every § body: it formats the body that was
 * last focused. It follows the WAI-ARIA toolbar pattern: one tab stop, arrow keys move between
 * buttons, Escape returns to the text. Toggle buttons expose their state with aria-pressed.
 */
export function EditorToolbar({ label }: { label: string }) {
  const { t } = useI18n();
  const registry = useEditorRegistry();
  const active = useActiveEditor(registry);
  const editor = active?.editor ?? null;
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const focusIndexRef = useRef(focusIndex);
  focusIndexRef.current = focusIndex;

  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      editable: current?.isEditable ?? false,
      active: actions.map((action) =>
        current === null || action.isActive === null ? null : action.isActive(current),
      ),
    }),
  });

  useEffect(() => {
    registry.setToolbarFocus(() => buttons.current[focusIndexRef.current]?.focus());
    return () => registry.setToolbarFocus(null);
  }, [registry]);

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
        editor?.commands.focus();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const enabled = editor !== null && (state?.editable ?? false);
  return (
    <div
      className="toolbar"
      role="toolbar"
      aria-label={label}
      aria-controls={active?.elementId}
      onKeyDown={onKeyDown}
    >
      {actions.map((action, index) => {
        const name = t(action.label.key, action.label.params);
        const shortcut = action.shortcut === '' ? null : describeShortcut(action.shortcut);
        const startsGroup = index > 0 && actions[index - 1]?.group !== action.group;
        const pressed = state?.active[index] ?? null;
        return (
          <Fragment key={action.id}>
            {startsGroup && <span className="toolbar__divider" aria-hidden="true" />}
            <button
              ref={(element) => {
                buttons.current[index] = element;
              }}
              type="button"
              className="toolbar__button"
              data-action={action.id}
              aria-label={name}
              aria-pressed={action.isActive === null ? undefined : (pressed ?? false)}
              aria-keyshortcuts={shortcut?.aria}
              title={
                shortcut === null
                  ? name
                  : t('editor.shortcut', { label: name, shortcut: shortcut.label })
              }
              tabIndex={index === focusIndex ? 0 : -1}
              // aria-disabled keeps the buttons in the toolbar's arrow-key order.
              aria-disabled={!enabled}
              onFocus={() => setFocusIndex(index)}
              // Keep the text selection: a mouse click should not move focus out of the editor.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                if (enabled && editor !== null) action.run(editor.chain().focus()).run();
              }}
            >
              {action.icon}
            </button>
          </Fragment>
        );
      })}
    </div>
  );
}
