import type { MessageKey } from '../i18n/messages.ts';

/** A keyboard shortcut as the help dialog lists it. */
export interface ShortcutHelp {
  /** aria-keyshortcuts notation, "Mod" for Ctrl/⌘; several alternatives separated by " / ". */
  keys: string;
  label: MessageKey;
  /** Only for people who may change the agenda (chair, secretary). */
  structural?: boolean;
}

export interface ShortcutGroup {
  heading: MessageKey;
  shortcuts: ShortcutHelp[];
}

/** Everything the help dialog (?) lists; the handlers live in useWorkspaceShortcuts. */
export const shortcutGroups: ShortcutGroup[] = [
  {
    heading: 'shortcuts.groupMeeting',
    shortcuts: [
      { keys: 'Alt+N', label: 'shortcuts.newItem', structural: true },
      { keys: 'Alt+Shift+N', label: 'shortcuts.newSubItem', structural: true },
      { keys: 'Alt+PageDown', label: 'shortcuts.nextItem' },
      { keys: 'Alt+PageUp', label: 'shortcuts.previousItem' },
      { keys: 'Alt+L', label: 'shortcuts.toAgenda' },
      { keys: 'Alt+P', label: 'shortcuts.toAttendance' },
      { keys: 'Alt+H', label: 'shortcuts.toggleHandled', structural: true },
      { keys: '?', label: 'shortcuts.help' },
    ],
  },
  {
    heading: 'shortcuts.groupText',
    shortcuts: [
      { keys: '/', label: 'shortcuts.slash' },
      { keys: 'Alt+B', label: 'shortcuts.insertDecision' },
      { keys: 'Alt+U', label: 'shortcuts.insertAssignment' },
      { keys: 'Mod+B', label: 'editor.bold' },
      { keys: 'Mod+I', label: 'editor.italic' },
      { keys: 'Mod+Shift+8', label: 'editor.bulletList' },
      { keys: 'Mod+Shift+7', label: 'editor.orderedList' },
      { keys: 'Mod+Z', label: 'shortcuts.undo' },
      { keys: 'Alt+F10', label: 'shortcuts.toolbar' },
    ],
  },
  {
    heading: 'shortcuts.groupAgenda',
    shortcuts: [
      { keys: 'ArrowUp / ArrowDown', label: 'shortcuts.agendaBrowse' },
      { keys: 'Enter', label: 'shortcuts.agendaOpen' },
      { keys: 'Alt+ArrowUp / Alt+ArrowDown', label: 'shortcuts.agendaMove', structural: true },
      { keys: 'Alt+ArrowRight', label: 'shortcuts.agendaIndent', structural: true },
      { keys: 'Alt+ArrowLeft', label: 'shortcuts.agendaOutdent', structural: true },
      { keys: 'Delete', label: 'shortcuts.agendaRemove', structural: true },
      { keys: 'Shift+F10', label: 'shortcuts.agendaMenu', structural: true },
    ],
  },
];

/** True when a key press is text typed into a field, where "?" must stay a question mark. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}
