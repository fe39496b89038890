import { type FormEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { DialogHeader } from '../app/DialogHeader.tsx';
import { FormAlert } from '../app/FormAlert.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

export interface LifecycleDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  /** The server's refusal or a validation summary, already translated. */
  error: string | null;
  /** `danger` for steps that cannot be taken back lightly (unlock, correct). */
  tone?: 'primary' | 'danger';
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * A modal <dialog> around one lifecycle step: the browser keeps the focus inside and Escape
 * closes it. On opening, the element marked `data-autofocus` (the first field) takes the focus,
 * or else the confirm button: the person came here to decide.
 */
export function LifecycleDialog({
  open,
  title,
  children,
  confirmLabel,
  busyLabel,
  busy,
  error,
  tone = 'primary',
  onConfirm,
  onClose,
}: LifecycleDialogProps) {
  const { t } = useI18n();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    if (open && !dialog.open) {
      dialog.showModal();
      const first = dialog.querySelector<HTMLElement>('[data-autofocus]');
      (first ?? confirmRef.current)?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!busy) onConfirm();
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog lifecycle-dialog"
      aria-labelledby={headingId}
      onClose={onClose}
    >
      <form className="lifecycle-dialog__body" onSubmit={onSubmit} noValidate>
        <DialogHeader
          headingId={headingId}
          title={title}
          onClose={onClose}
          block="lifecycle-dialog"
        />
        {children}
        <FormAlert tone="error">{error}</FormAlert>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            ref={confirmRef}
            type="submit"
            className={tone === 'danger' ? 'button button--danger' : 'button button--primary'}
            // Not `disabled`: the focus stays on the button while the step is under way.
            aria-disabled={busy}
          >
            {busy ? busyLabel : confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
