import { type Ref, useImperativeHandle, useRef } from 'react';
import { describeShortcut } from '../editor/shortcutLabels.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { shortcutGroups } from './shortcuts.ts';

export interface ShortcutsDialogHandle {
  open: () => void;
}

function Keys({ keys }: { keys: string }) {
  const alternatives = keys.split(' / ');
  return (
    <>
      {alternatives.map((alternative, index) => (
        <span key={alternative}>
          {index > 0 && ' / '}
          <kbd className="kbd">{describeShortcut(alternative).label}</kbd>
        </span>
      ))}
    </>
  );
}

/**
 * The keyboard shortcuts of the workspace, opened with "?" or the help button. A native modal
 * <dialog>: it traps focus, Escape closes it and focus returns to where it was.
 */
export function ShortcutsDialog({
  canEditStructure,
  ref,
}: {
  canEditStructure: boolean;
  ref?: Ref<ShortcutsDialogHandle>;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useImperativeHandle(ref, () => ({
    open: () => {
      if (dialog.current?.open === false) dialog.current.showModal();
    },
  }));

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="shortcuts-heading">
      <div className="dialog__header">
        <h2 id="shortcuts-heading" className="dialog__heading">
          {t('shortcuts.heading')}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('workspace.close')}
          title={t('workspace.close')}
          onClick={() => dialog.current?.close()}
        >
          ×
        </button>
      </div>
      <div className="dialog__body shortcuts">
        {shortcutGroups.map((group) => (
          <section key={group.heading} className="shortcuts__group">
            <h3 className="shortcuts__heading">{t(group.heading)}</h3>
            <dl className="shortcuts__list">
              {group.shortcuts
                .filter((shortcut) => canEditStructure || shortcut.structural !== true)
                .map((shortcut) => (
                  <div key={shortcut.keys} className="shortcuts__row">
                    <dt>
                      <Keys keys={shortcut.keys} />
                    </dt>
                    <dd>{t(shortcut.label)}</dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}
