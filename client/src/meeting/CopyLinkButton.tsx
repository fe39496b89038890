import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies the meeting's address, the way to invite someone, and confirms it out loud. */
export function CopyLinkButton() {
  const { t } = useI18n();
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2500);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = () => {
    // The Clipboard API exists only in secure contexts (https or localhost).
    if (!window.isSecureContext) {
      setState('failed');
      return;
    }
    navigator.clipboard.writeText(window.location.href).then(
      () => setState('copied'),
      (error: unknown) => {
        console.warn('Could not copy the meeting link', error);
        setState('failed');
      },
    );
  };

  return (
    <>
      <button type="button" className="link-button" onClick={copy}>
        {t('meeting.copyLink')}
      </button>
      <span className="copy-status" role="status">
        {state === 'copied' && t('meeting.linkCopied')}
        {state === 'failed' && t('meeting.linkCopyFailed')}
      </span>
    </>
  );
}
