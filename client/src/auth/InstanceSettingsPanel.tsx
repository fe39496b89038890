import { useEffect, useId, useState } from 'react';
import { fetchInstanceSettings, saveInstanceSettings } from '../api/auth.ts';
import { apiErrorKey } from '../app/apiErrors.ts';
import { FormAlert } from '../app/FormAlert.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';

/**
 * For instance admins on the account page: whether people may create an account without an
 * invitation (off by default; the server refuses sign-up while it is off).
 */
export function InstanceSettingsPanel() {
  const { t } = useI18n();
  const id = useId();
  const [openSignup, setOpenSignup] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; key: MessageKey } | null>(
    null,
  );

  useEffect(() => {
    const controller = new AbortController();
    void fetchInstanceSettings(controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      if (result.ok) setOpenSignup(result.data.openSignup);
      else setMessage({ tone: 'error', key: 'instance.loadFailed' });
    });
    return () => controller.abort();
  }, []);

  const toggle = async (next: boolean) => {
    const before = openSignup;
    // The box shows the choice at once; a refusal puts it back and says why.
    setOpenSignup(next);
    setBusy(true);
    setMessage(null);
    const result = await saveInstanceSettings({ openSignup: next });
    setBusy(false);
    if (!result.ok) setOpenSignup(before);
    if (result.ok) {
      setOpenSignup(result.data.openSignup);
      setMessage({
        tone: 'success',
        key: result.data.openSignup ? 'instance.openSaved' : 'instance.closedSaved',
      });
    } else {
      setMessage({ tone: 'error', key: apiErrorKey(result) });
    }
  };

  return (
    <section className="card auth-form" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-heading">
        {t('instance.heading')}
      </h2>
      <p className="hint">{t('instance.intro')}</p>
      <FormAlert tone="error">{message?.tone === 'error' && t(message.key)}</FormAlert>
      <FormAlert tone="success">{message?.tone === 'success' && t(message.key)}</FormAlert>
      <label className="checkbox-field" htmlFor={`${id}-open`}>
        <input
          id={`${id}-open`}
          type="checkbox"
          checked={openSignup ?? false}
          disabled={openSignup === null || busy}
          aria-describedby={`${id}-hint`}
          onChange={(event) => void toggle(event.target.checked)}
        />
        <span>{t('instance.openSignup')}</span>
      </label>
      <p id={`${id}-hint`} className="hint">
        {t('instance.openSignupHint')}
      </p>
    </section>
  );
}
