import { type DragEvent, memo, type Ref } from 'react';
import type { ItemSummary } from '../../../../shared/doc/index.ts';
import { describeShortcut } from '../../editor/shortcutLabels.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { initialsOf, type Participant } from '../../sync/presence.ts';
import { ActionMenu, type ActionMenuHandle, type MenuAction } from './ActionMenu.tsx';
import type { AgendaActions } from './agendaActions.ts';

export type DropPosition = 'before' | 'after';

export interface AgendaRowProps {
  item: ItemSummary;
  current: boolean;
  /** The one row in the Tab order (roving tabindex). */
  tabbable: boolean;
  /** The others working in this § right now. */
  here: Participant[];
  canEdit: boolean;
  actions: AgendaActions;
  drop: DropPosition | null;
  dragging: boolean;
  onSelect: (itemId: string) => void;
  onDragStart: (event: DragEvent<HTMLLIElement>, itemId: string) => void;
  onDragOver: (event: DragEvent<HTMLLIElement>, itemId: string) => void;
  onDrop: (event: DragEvent<HTMLLIElement>, itemId: string) => void;
  onDragEnd: () => void;
  menuRef: Ref<ActionMenuHandle>;
}

const maxAvatars = 3;
const key = (shortcut: string) => describeShortcut(shortcut).label;

/** One agenda item in the sidebar: § label, title, kind, presenter, changes, who is there. */
export const AgendaRow = memo(function AgendaRow(props: AgendaRowProps) {
  const { item, current, tabbable, here, canEdit, actions, drop, dragging } = props;
  const { t } = useI18n();
  const struck = item.removedAfterApproval;
  const title = item.title.trim() === '' ? t('item.untitled') : item.title;
  const label = item.label === null ? null : `§ ${item.label}`;

  const menu: MenuAction[] = struck
    ? [{ id: 'restore', label: t('agenda.restore'), run: () => actions.restore(item.id) }]
    : [
        { id: 'before', label: t('agenda.insertBefore'), run: () => actions.insertBefore(item.id) },
        {
          id: 'after',
          label: t('agenda.insertAfter'),
          shortcut: key('Alt+N'),
          run: () => actions.insertAfter(item.id),
        },
        {
          id: 'sub',
          label: t('agenda.addSubItem'),
          shortcut: key('Alt+Shift+N'),
          run: () => actions.addSubItem(item.id),
        },
        {
          id: 'up',
          label: t('agenda.moveUp'),
          shortcut: key('Alt+ArrowUp'),
          run: () => actions.moveUp(item.id),
        },
        {
          id: 'down',
          label: t('agenda.moveDown'),
          shortcut: key('Alt+ArrowDown'),
          run: () => actions.moveDown(item.id),
        },
        item.parentId === null
          ? {
              id: 'indent',
              label: t('agenda.indent'),
              shortcut: key('Alt+ArrowRight'),
              run: () => actions.indent(item.id),
            }
          : {
              id: 'outdent',
              label: t('agenda.outdent'),
              shortcut: key('Alt+ArrowLeft'),
              run: () => actions.outdent(item.id),
            },
        {
          id: 'remove',
          label: t('agenda.remove'),
          shortcut: 'Delete',
          danger: true,
          run: () => actions.remove(item.id),
        },
      ];

  const details = [t(`kind.${item.kind}` as const), item.presenter.trim()]
    .filter(Boolean)
    .join(' · ');
  const names = here.map((person) => person.name || t('presence.anonymous'));

  return (
    <li
      className="agenda-item"
      data-depth={item.depth}
      data-current={current}
      data-struck={struck}
      data-status={item.status}
      data-drop={drop ?? undefined}
      data-dragging={dragging}
      data-editable={canEdit}
      draggable={canEdit}
      onDragStart={(event) => props.onDragStart(event, item.id)}
      onDragOver={(event) => props.onDragOver(event, item.id)}
      onDrop={(event) => props.onDrop(event, item.id)}
      onDragEnd={props.onDragEnd}
    >
      <button
        type="button"
        className="agenda-item__main"
        data-item-id={item.id}
        aria-current={current ? 'location' : undefined}
        aria-describedby="agenda-keys"
        tabIndex={tabbable ? 0 : -1}
        onClick={() => props.onSelect(item.id)}
      >
        <span className="agenda-item__label">{label ?? '—'}</span>
        <span className="agenda-item__text">
          <span className="agenda-item__title">{title}</span>
          {details !== '' && <span className="agenda-item__details">{details}</span>}
          {(item.addedAfterApproval || struck || item.status !== 'pending') && (
            <span className="agenda-item__badges">
              {item.addedAfterApproval && !struck && (
                <span className="badge badge--added">{t('item.added')}</span>
              )}
              {struck && <span className="badge badge--struck">{t('item.struck')}</span>}
              {item.status !== 'pending' && (
                <span className="badge" data-status={item.status}>
                  {t(`status.${item.status}` as const)}
                </span>
              )}
            </span>
          )}
          {here.length > 0 && (
            <span className="agenda-item__presence" aria-hidden="true" title={names.join(', ')}>
              {here.slice(0, maxAvatars).map((person) => (
                <span
                  key={person.clientId}
                  className="avatar avatar--small"
                  style={{ backgroundColor: person.color }}
                >
                  {initialsOf(person.name) || '?'}
                </span>
              ))}
              {here.length > maxAvatars && (
                <span className="avatar avatar--small avatar--more">
                  +{here.length - maxAvatars}
                </span>
              )}
            </span>
          )}
        </span>
        {names.length > 0 && (
          <span className="visually-hidden">
            {t('presence.inItem', { names: names.join(', ') })}
          </span>
        )}
      </button>
      {canEdit && (
        <ActionMenu
          ref={props.menuRef}
          label={t('agenda.actionsFor', { name: label ?? title })}
          actions={menu}
          tabIndex={tabbable ? 0 : -1}
        />
      )}
    </li>
  );
});
