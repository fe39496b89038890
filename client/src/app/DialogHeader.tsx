import { useI18n } from '../i18n/I18nProvider.tsx';

export interface DialogHeaderProps {
  /** id of the heading, for the dialog's aria-labelledby. */
  headingId: string;
  title: string;
  onClose: () => void;
  /** Class prefix of the dialog's own styles (`dialog`, `lifecycle-dialog`). */
  block?: string;
}

/** A modal dialog's heading with its close button (×, named "Stäng"/"Close" for screen readers). */
export function DialogHeader({ headingId, title, onClose, block = 'dialog' }: DialogHeaderProps) {
  const { t } = useI18n();
  return (
    <div className={`${block}__header`}>
      <h2 id={headingId} className={`${block}__title`}>
        {title}
      </h2>
      <button
        type="button"
        className="dialog__close"
        onClick={onClose}
        aria-label={t('common.close')}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
