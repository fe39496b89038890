import { useMemo } from 'react';
import type * as Y from 'yjs';
import {
  addItem,
  approveAgenda,
  DocError,
  type ItemPlacement,
  type ItemSummary,
  isAgendaApproved,
  moveItem,
  readItems,
  removeItem,
  restoreItem,
} from '../../../../shared/doc/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useWorkspace } from '../workspaceContext.ts';

/** How an item is named in messages: "§ 5 Rapporter", or the title alone when struck. */
export function itemName(item: ItemSummary, untitled: string): string {
  const title = item.title.trim() === '' ? untitled : item.title.trim();
  return item.label === null ? title : `§ ${item.label} ${title}`;
}

function siblingsOf(items: ItemSummary[], item: ItemSummary): ItemSummary[] {
  return items.filter((other) => other.parentId === item.parentId);
}

function find(doc: Y.Doc, itemId: string): ItemSummary | undefined {
  return readItems(doc).find((item) => item.id === itemId);
}

const errorMessages: Partial<Record<string, MessageKey>> = {
  nesting_too_deep: 'agenda.errorNesting',
  invalid_placement: 'agenda.errorPlacement',
  meeting_locked: 'agenda.errorLocked',
};

export interface AgendaActions {
  /** Adds an item last on the agenda, or at `placement`; goes to its title. */
  add: (placement?: ItemPlacement) => void;
  insertAfter: (itemId: string) => void;
  insertBefore: (itemId: string) => void;
  /** A sub-item (§ 5a) last under a top-level item, or right after a sub-item. */
  addSubItem: (itemId: string) => void;
  moveUp: (itemId: string) => void;
  moveDown: (itemId: string) => void;
  /** Makes a top-level item the last sub-item of the item above it. */
  indent: (itemId: string) => void;
  /** Makes a sub-item a top-level item right after its parent. */
  outdent: (itemId: string) => void;
  /** Drag and drop: puts an item before or after another. */
  moveTo: (itemId: string, placement: ItemPlacement) => void;
  remove: (itemId: string) => void;
  restore: (itemId: string) => void;
  approve: () => void;
}

/** The agenda's structural actions, each reported in the status area (and to screen readers). */
export function useAgendaActions(): AgendaActions {
  const { doc, announce, goToItem } = useWorkspace();
  const { t } = useI18n();

  return useMemo(() => {
    const untitled = t('item.untitled');
    const name = (itemId: string) => {
      const item = find(doc, itemId);
      return item === undefined ? '' : itemName(item, untitled);
    };
    const attempt = (action: () => void): boolean => {
      try {
        action();
        return true;
      } catch (error) {
        if (!(error instanceof DocError)) throw error;
        announce(t(errorMessages[error.code] ?? 'agenda.errorGeneric'));
        return false;
      }
    };
    const add = (placement: ItemPlacement = {}) => {
      let itemId = '';
      if (!attempt(() => (itemId = addItem(doc, { kind: 'discussion', title: '' }, placement)))) {
        return;
      }
      const item = find(doc, itemId);
      announce(t('agenda.added', { label: item?.label ?? '' }));
      goToItem(itemId, 'title');
    };
    const move = (itemId: string, placement: ItemPlacement) => {
      if (!attempt(() => moveItem(doc, itemId, placement))) return;
      announce(t('agenda.moved', { name: name(itemId) }));
    };
    const neighbour = (itemId: string, step: -1 | 1) => {
      const items = readItems(doc);
      const item = items.find((candidate) => candidate.id === itemId);
      if (item === undefined) return { item, other: undefined };
      const siblings = siblingsOf(items, item);
      return { item, other: siblings[siblings.indexOf(item) + step] };
    };

    return {
      add,
      insertAfter: (itemId) => add({ after: itemId }),
      insertBefore: (itemId) => add({ before: itemId }),
      addSubItem: (itemId) => {
        const item = find(doc, itemId);
        if (item === undefined) return;
        add(item.parentId === null ? { parentId: item.id } : { after: item.id });
      },
      moveUp: (itemId) => {
        const { other } = neighbour(itemId, -1);
        if (other === undefined) announce(t('agenda.alreadyFirst'));
        else move(itemId, { before: other.id });
      },
      moveDown: (itemId) => {
        const { other } = neighbour(itemId, 1);
        if (other === undefined) announce(t('agenda.alreadyLast'));
        else move(itemId, { after: other.id });
      },
      indent: (itemId) => {
        const { item, other } = neighbour(itemId, -1);
        if (item === undefined || item.parentId !== null || other === undefined) {
          announce(t('agenda.cannotIndent'));
          return;
        }
        move(itemId, { parentId: other.id });
      },
      outdent: (itemId) => {
        const item = find(doc, itemId);
        if (item === undefined || item.parentId === null) {
          announce(t('agenda.cannotOutdent'));
          return;
        }
        move(itemId, { after: item.parentId });
      },
      moveTo: move,
      remove: (itemId) => {
        const label = name(itemId);
        if (!isAgendaApproved(doc) && !window.confirm(t('agenda.confirmRemove', { name: label }))) {
          return;
        }
        const struck = isAgendaApproved(doc);
        if (attempt(() => removeItem(doc, itemId))) {
          announce(t(struck ? 'agenda.struck' : 'agenda.removed', { name: label }));
        }
      },
      restore: (itemId) => {
        if (attempt(() => restoreItem(doc, itemId))) {
          announce(t('agenda.restored', { name: name(itemId) }));
        }
      },
      approve: () => {
        if (!window.confirm(t('agenda.confirmApprove'))) return;
        if (attempt(() => approveAgenda(doc))) announce(t('agenda.approvedNow'));
      },
    };
  }, [doc, announce, goToItem, t]);
}
