import { useEffect, useId, useReducer, useSyncExternalStore } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { SlashMenuController } from './slashMenu.ts';

/**
 * The popup of the "/" menu, drawn at the "/" (below it, or above when there is no room). The
 * caret stays in the text; the list is announced through aria-activedescendant on the editor.
 */
export function SlashMenu({ controller }: { controller: SlashMenuController }) {
  const { t } = useI18n();
  const id = useId();
  const menu = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    if (!menu.open) return;
    const onScroll = () => rerender();
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      window.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('resize', onScroll);
    };
  }, [menu.open]);

  // The editor's element owns the listbox while it is open (combobox-like pattern).
  const dom = controller.editor?.view.dom;
  const activeId = menu.open ? `${id}-${menu.index}` : null;
  useEffect(() => {
    if (dom === undefined) return;
    if (activeId === null) {
      dom.removeAttribute('aria-activedescendant');
      dom.removeAttribute('aria-controls');
      return;
    }
    dom.setAttribute('aria-activedescendant', activeId);
    dom.setAttribute('aria-controls', `${id}-list`);
  }, [dom, activeId, id]);

  if (!menu.open) return null;
  const anchor = controller.currentAnchor();
  if (anchor === null) return null;
  const below = anchor.bottom + 260 < window.innerHeight;
  const style = below
    ? { left: anchor.left, top: anchor.bottom + 6 }
    : { left: anchor.left, bottom: window.innerHeight - anchor.top + 6 };

  return (
    <div className="slash-menu" style={style}>
      <div
        id={`${id}-list`}
        className="slash-menu__list"
        role="listbox"
        aria-label={t('slash.label')}
      >
        {menu.commands.map((command, index) => (
          // The keys are handled in the editor, which keeps focus (aria-activedescendant).
          // biome-ignore lint/a11y/useKeyWithClickEvents: the mouse is the alternative here.
          <div
            key={command.id}
            id={`${id}-${index}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === menu.index}
            className="slash-menu__option"
            // Keep the caret in the text: choosing must not blur the editor first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => controller.choose(index)}
          >
            <span className="slash-menu__label">{t(command.label)}</span>
            <span className="slash-menu__hint">{t(command.hint)}</span>
          </div>
        ))}
      </div>
      <p className="slash-menu__help" aria-hidden="true">
        {t('slash.help')}
      </p>
    </div>
  );
}
