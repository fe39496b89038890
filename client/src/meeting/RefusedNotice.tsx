import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { closeReasonKey } from '../sync/closeReasons.ts';
import type { Refusal } from '../sync/connectionState.ts';

export interface RefusedNoticeProps {
  refusal: Refusal;
  onRetry: () => void;
  /** Deletes this device's copy of the meeting and reloads; resolves when it is gone. */
  onDiscardLocalCopy: () => Promise<void>;
}

/**
 * The server closed the connection for good (a 44xx code) and y-websocket will not retry: say
 * why, keep the text read-only, and offer the two ways out.
 */
export function RefusedNotice({ refusal, onRetry, onDiscardLocalCopy }: RefusedNoticeProps) {
  const { t } = useI18n();
  const [discarding, setDiscarding] = useState(false);
  const reason = t(closeReasonKey(refusal.code));

  const discard = () => {
    if (!window.confirm(t('connection.discardConfirm'))) return;
    setDiscarding(true);
    onDiscardLocalCopy()
      .catch((error: unknown) => console.error('Could not discard the local copy', error))
      .finally(() => window.location.reload());
  };

  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{t('connection.refusedMessage', { reason })}</p>
      <p className="notice__detail">
        {t('connection.refusedDetail', {
          code: refusal.code,
          reason: refusal.reason === '' ? '—' : refusal.reason,
        })}
      </p>
      <p>{t('connection.refusedHelp')}</p>
      <div className="notice__actions">
        <button type="button" className="button" onClick={onRetry}>
          {t('connection.retry')}
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={discard}
          disabled={discarding}
        >
          {t('connection.discardAndReload')}
        </button>
      </div>
    </div>
  );
}
