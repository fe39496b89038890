import {
  type DragEvent,
  type KeyboardEvent,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ItemSummary, MeetingMeta } from '../../../../shared/doc/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Participant } from '../../sync/presence.ts';
import { useWorkspace } from '../workspaceContext.ts';
import type { ActionMenuHandle } from './ActionMenu.tsx';
import { AgendaApproval } from './AgendaApproval.tsx';
import { AgendaRow, type DropPosition } from './AgendaRow.tsx';
import { useAgendaActions } from './agendaActions.ts';

const dragType = 'application/x-justera-item';

/** Dropped on the upper half of a row: before it; on the lower half: after it. */
function dropPosition(event: DragEvent<HTMLLIElement>): DropPosition {
  const rect = event.currentTarget.getBoundingClientRect();
  return event.clientY < rect.top + rect.height / 2 ? 'before' : 'after';
}
const nobody: Participant[] = [];

export interface AgendaSidebarProps {
  items: ItemSummary[];
  meta: MeetingMeta;
  participants: Participant[];
}

/**
 * The agenda (föredragningslista): every item with its § label, kind and presenter, who is in
 * which §, and — for the chair and the secretary — adding, inserting, moving (drag and drop or
 * Alt+arrows), removing and approving. The list uses a roving tab stop: ↑/↓ move between items.
 */
export function AgendaSidebar({ items, meta, participants }: AgendaSidebarProps) {
  const { t } = useI18n();
  const { capabilities, currentItemId, goToItem } = useWorkspace();
  const actions = useAgendaActions();
  const canEdit = capabilities.editStructure;
  const [dragging, setDragging] = useState<string | null>(null);
  const [drop, setDrop] = useState<{ itemId: string; position: DropPosition } | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const menus = useRef(new Map<string, ActionMenuHandle | null>());
  const menuRefs = useRef(new Map<string, (handle: ActionMenuHandle | null) => void>());
  // After a move by keyboard the row is re-ordered in the DOM, which can drop its focus.
  const refocus = useRef<string | null>(null);

  const menuRef = useCallback((itemId: string) => {
    let ref = menuRefs.current.get(itemId);
    if (ref === undefined) {
      ref = (handle) => {
        menus.current.set(itemId, handle);
      };
      menuRefs.current.set(itemId, ref);
    }
    return ref;
  }, []);

  const hereByItem = useMemo(() => {
    const map = new Map<string, Participant[]>();
    for (const person of participants) {
      if (person.isSelf || person.currentItemId === null) continue;
      map.set(person.currentItemId, [...(map.get(person.currentItemId) ?? []), person]);
    }
    return map;
  }, [participants]);

  const tabbableId = items.find((item) => item.id === currentItemId)?.id ?? items[0]?.id ?? null;

  const focusRow = useCallback((itemId: string) => {
    list.current?.querySelector<HTMLButtonElement>(`[data-item-id="${itemId}"]`)?.focus();
  }, []);

  useLayoutEffect(() => {
    const itemId = refocus.current;
    if (itemId === null || items.length === 0) return;
    refocus.current = null;
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || active.dataset.itemId !== itemId) focusRow(itemId);
  }, [items, focusRow]);

  const onSelect = useCallback((itemId: string) => goToItem(itemId, 'section'), [goToItem]);

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const target = event.target as HTMLElement;
    const itemId = target.dataset.itemId;
    if (itemId === undefined) return;
    const index = items.findIndex((item) => item.id === itemId);
    const go = (next: ItemSummary | undefined) => {
      if (next !== undefined) focusRow(next.id);
    };
    const structural = (run: (id: string) => void) => {
      if (!canEdit) return;
      refocus.current = itemId;
      run(itemId);
    };
    if (event.altKey && !event.ctrlKey && !event.metaKey) {
      switch (event.key) {
        case 'ArrowUp':
          structural(actions.moveUp);
          break;
        case 'ArrowDown':
          structural(actions.moveDown);
          break;
        case 'ArrowRight':
          structural(actions.indent);
          break;
        case 'ArrowLeft':
          structural(actions.outdent);
          break;
        default:
          return;
      }
    } else if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    } else {
      switch (event.key) {
        case 'ArrowDown':
          go(items[index + 1]);
          break;
        case 'ArrowUp':
          go(items[index - 1]);
          break;
        case 'Home':
          go(items[0]);
          break;
        case 'End':
          go(items[items.length - 1]);
          break;
        case 'Delete':
          if (canEdit) actions.remove(itemId);
          break;
        case 'F10':
          if (!event.shiftKey) return;
          menus.current.get(itemId)?.open();
          break;
        case 'ContextMenu':
          menus.current.get(itemId)?.open();
          break;
        default:
          return;
      }
    }
    event.preventDefault();
  };

  const onDragStart = useCallback((event: DragEvent<HTMLLIElement>, itemId: string) => {
    event.dataTransfer.setData(dragType, itemId);
    event.dataTransfer.effectAllowed = 'move';
    setDragging(itemId);
  }, []);

  const onDragOver = useCallback(
    (event: DragEvent<HTMLLIElement>, itemId: string) => {
      if (dragging === null || dragging === itemId) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      const position = dropPosition(event);
      setDrop((previous) =>
        previous?.itemId === itemId && previous.position === position
          ? previous
          : { itemId, position },
      );
    },
    [dragging],
  );

  const onDrop = useCallback(
    (event: DragEvent<HTMLLIElement>, itemId: string) => {
      event.preventDefault();
      const moving = event.dataTransfer.getData(dragType) || dragging;
      // From the drop's own coordinates: the last dragover's state may not be rendered yet.
      const position = dropPosition(event);
      setDragging(null);
      setDrop(null);
      if (moving === null || moving === '' || moving === itemId) return;
      actions.moveTo(moving, position === 'before' ? { before: itemId } : { after: itemId });
    },
    [actions, dragging],
  );

  const onDragEnd = useCallback(() => {
    setDragging(null);
    setDrop(null);
  }, []);

  return (
    <nav className="agenda" aria-labelledby="agenda-heading">
      <div className="agenda__header">
        <h2 id="agenda-heading" className="panel-heading">
          {t('agenda.heading')}
        </h2>
        <AgendaApproval items={items} meta={meta} canEdit={canEdit} onApprove={actions.approve} />
      </div>
      <p id="agenda-keys" className="visually-hidden">
        {canEdit ? t('agenda.keysHelpEdit') : t('agenda.keysHelp')}
      </p>
      {items.length === 0 ? (
        <p className="agenda__empty">{t('meeting.noItems')}</p>
      ) : (
        <ol
          ref={list}
          className="agenda__list"
          onKeyDown={onKeyDown}
          data-dragging={dragging !== null}
        >
          {items.map((item) => (
            <AgendaRow
              key={item.id}
              item={item}
              current={item.id === currentItemId}
              tabbable={item.id === tabbableId}
              here={hereByItem.get(item.id) ?? nobody}
              canEdit={canEdit}
              actions={actions}
              drop={drop?.itemId === item.id ? drop.position : null}
              dragging={dragging === item.id}
              onSelect={onSelect}
              onDragStart={onDragStart}
              onDragOver={onDragOver}
              onDrop={onDrop}
              onDragEnd={onDragEnd}
              menuRef={menuRef(item.id)}
            />
          ))}
        </ol>
      )}
      {canEdit && (
        <button type="button" className="button agenda__add" onClick={() => actions.add()}>
          <span aria-hidden="true">+</span> {t('agenda.add')}
        </button>
      )}
    </nav>
  );
}
