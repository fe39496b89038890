import { useEffect, useRef } from 'react';
import { DocError, editItem, type ItemSummary } from '../../../shared/doc/index.ts';
import type { EditorRegistry } from '../editor/editorRegistry.ts';
import { type BlockKind, insertBlock } from '../editor/insertBlocks.ts';
import type { AgendaActions } from './agenda/agendaActions.ts';
import { isTypingTarget } from './shortcuts.ts';
import type { Workspace } from './workspaceContext.ts';

export interface ShortcutDeps {
  workspace: Workspace;
  items: ItemSummary[];
  actions: AgendaActions;
  registry: EditorRegistry;
}

/**
 * The workspace's keyboard shortcuts (listed in ShortcutsDialog): Alt+letter combinations, by
 * physical key so they work on every keyboard layout, and "?" for help outside text fields.
 */
export function useWorkspaceShortcuts(deps: ShortcutDeps): void {
  const latest = useRef(deps);
  latest.current = deps;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey) return;
      const { workspace, items, actions, registry } = latest.current;
      const { capabilities, currentItemId } = workspace;
      if (!event.altKey) {
        if (event.key === '?' && !isTypingTarget(event.target)) {
          event.preventDefault();
          workspace.showShortcuts();
        }
        return;
      }
      const index = items.findIndex((item) => item.id === currentItemId);
      const current = items[index] ?? null;
      const structural = (run: (itemId: string) => void) => {
        if (!capabilities.editStructure) return;
        if (current === null) actions.add();
        else run(current.id);
      };
      const insert = (kind: BlockKind) => {
        if (current === null || !capabilities.editText) return;
        const editor = registry.editorOf(current.id);
        if (editor === null) workspace.goToItem(current.id, 'body');
        else insertBlock(editor, kind, 'end');
      };
      const goTo = (item: ItemSummary | undefined) => {
        if (item !== undefined) workspace.goToItem(item.id, 'body');
      };
      switch (event.code) {
        case 'KeyN':
          if (event.shiftKey) structural(actions.addSubItem);
          else structural(actions.insertAfter);
          break;
        case 'PageDown':
          goTo(index < 0 ? items[0] : items[index + 1]);
          break;
        case 'PageUp':
          goTo(index < 0 ? items[0] : items[index - 1]);
          break;
        case 'KeyL': {
          const row = document.querySelector<HTMLElement>('.agenda-item__main[tabindex="0"]');
          row?.focus();
          break;
        }
        case 'KeyP': {
          const panel = document.getElementById('attendance-heading')?.closest('aside');
          const control = panel?.querySelector<HTMLElement>('button, input, select');
          (control ?? panel)?.focus();
          break;
        }
        case 'KeyB':
          insert('decision');
          break;
        case 'KeyU':
          insert('assignment');
          break;
        case 'KeyH':
          if (current === null || !capabilities.editStructure) break;
          try {
            editItem(workspace.doc, current.id, {
              status: current.status === 'handled' ? 'pending' : 'handled',
            });
          } catch (error) {
            if (!(error instanceof DocError)) throw error;
          }
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
