import {
  type KeyboardEvent,
  type Ref,
  useEffect,
  useId,
  useImperativeHandle,
  useRef,
  useState,
} from 'react';

export interface MenuAction {
  id: string;
  label: string;
  /** Shown next to the label, e.g. "Alt+↑". */
  shortcut?: string;
  danger?: boolean;
  run: () => void;
}

export interface ActionMenuHandle {
  open: () => void;
}

export interface ActionMenuProps {
  /** Accessible name of the button, e.g. "Åtgärder för § 5". */
  label: string;
  actions: MenuAction[];
  /** The trigger is not in the Tab order (the row opens it with Shift+F10). */
  tabIndex?: number;
  ref?: Ref<ActionMenuHandle>;
}

/**
 * A menu button (WAI-ARIA menu pattern): Enter, Space or ↓ opens it on the first action, arrows
 * move, Enter runs, Escape or Tab closes and returns to the button.
 */
export function ActionMenu({ label, actions, tabIndex, ref }: ActionMenuProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [index, setIndex] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<Array<HTMLDivElement | null>>([]);
  const container = useRef<HTMLDivElement>(null);

  useImperativeHandle(ref, () => ({
    open: () => {
      setIndex(0);
      setOpen(true);
    },
  }));

  useEffect(() => {
    if (open) items.current[index]?.focus();
  }, [open, index]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  const run = (action: MenuAction) => {
    close(true);
    action.run();
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const count = actions.length;
    switch (event.key) {
      case 'ArrowDown':
        setIndex((index + 1) % count);
        break;
      case 'ArrowUp':
        setIndex((index - 1 + count) % count);
        break;
      case 'Home':
        setIndex(0);
        break;
      case 'End':
        setIndex(count - 1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        close(false);
        return;
      case 'Enter':
      case ' ': {
        const action = actions[index];
        if (action !== undefined) run(action);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div className="action-menu" ref={container}>
      <button
        ref={button}
        type="button"
        className="action-menu__button"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        tabIndex={tabIndex}
        onClick={() => {
          setIndex(0);
          setOpen(!open);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            event.stopPropagation();
            setIndex(event.key === 'ArrowDown' ? 0 : actions.length - 1);
            setOpen(true);
          }
        }}
      >
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
          <g fill="currentColor">
            <circle cx="4.5" cy="10" r="1.6" />
            <circle cx="10" cy="10" r="1.6" />
            <circle cx="15.5" cy="10" r="1.6" />
          </g>
        </svg>
      </button>
      {open && (
        <div
          id={`${id}-menu`}
          className="action-menu__list"
          role="menu"
          aria-label={label}
          onKeyDown={onMenuKeyDown}
        >
          {actions.map((action, actionIndex) => (
            <div
              key={action.id}
              ref={(element) => {
                items.current[actionIndex] = element;
              }}
              role="menuitem"
              tabIndex={-1}
              className="action-menu__item"
              data-danger={action.danger === true}
              onClick={() => run(action)}
              // Keys are handled by the menu (roving focus), see onMenuKeyDown.
              onKeyDown={() => undefined}
              onMouseEnter={() => setIndex(actionIndex)}
            >
              <span>{action.label}</span>
              {action.shortcut !== undefined && (
                <kbd className="action-menu__shortcut">{action.shortcut}</kbd>
              )}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
