import { type FormEvent, useState } from 'react';
import { changePassword } from '../api/auth.ts';
import { apiErrorKey } from '../app/apiErrors.ts';
import { CardPage } from '../app/CardPage.tsx';
import { FormAlert } from '../app/FormAlert.tsx';
import { useFocusFirstInvalid } from '../app/forms.ts';
import { PageHeading } from '../app/PageHeading.tsx';
import { TextField } from '../app/TextField.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { InstanceSettingsPanel } from './InstanceSettingsPanel.tsx';
import { useSession } from './session.ts';
import {
  type FieldErrors,
  hasErrors,
  type PasswordChangeField,
  validatePasswordChange,
} from './validation.ts';

const emptyForm: Record<PasswordChangeField, string> = {
  currentPassword: '',
  newPassword: '',
  confirmPassword: '',
};

/** `/account`: who is signed in, changing the password, and (for admins) the server's settings. */
export function AccountPage() {
  const { t } = useI18n();
  const session = useSession();
  const [values, setValues] = useState(emptyForm);
  const [errors, setErrors] = useState<FieldErrors<PasswordChangeField>>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; key: MessageKey } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const user = session.status === 'signedIn' ? session.user : null;

  const set = (field: PasswordChangeField) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const errorOf = (field: PasswordChangeField) => {
    const key = errors[field];
    return key === undefined ? undefined : t(key);
  };

  const [formRef, focusInvalid] = useFocusFirstInvalid();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validatePasswordChange(values);
    setErrors(found);
    setMessage(null);
    if (hasErrors(found)) {
      focusInvalid();
      return;
    }
    setBusy(true);
    const result = await changePassword(values.currentPassword, values.newPassword);
    setBusy(false);
    if (result.ok) {
      setValues(emptyForm);
      setMessage({ tone: 'success', key: 'account.passwordChanged' });
      return;
    }
    if (result.kind === 'http' && result.code === 'invalid_credentials') {
      setErrors({ currentPassword: 'account.currentWrong' });
      focusInvalid();
      return;
    }
    setMessage({ tone: 'error', key: apiErrorKey(result) });
  };

  return (
    <CardPage title={t('account.heading')}>
      <div className="stack">
        <section className="card" aria-labelledby="account-heading">
          <PageHeading className="simple-page__heading" id="account-heading">
            {t('account.heading')}
          </PageHeading>
          {user !== null && (
            <dl className="details">
              <div>
                <dt>{t('form.name')}</dt>
                <dd>{user.name}</dd>
              </div>
              <div>
                <dt>{t('form.email')}</dt>
                <dd>{user.email}</dd>
              </div>
            </dl>
          )}
        </section>
        <form
          ref={formRef}
          className="card auth-form"
          onSubmit={onSubmit}
          noValidate
          aria-labelledby="password-heading"
        >
          <h2 id="password-heading" className="section-heading">
            {t('account.passwordHeading')}
          </h2>
          <p className="hint">{t('account.passwordIntro')}</p>
          <FormAlert tone="error">{message?.tone === 'error' && t(message.key)}</FormAlert>
          <FormAlert tone="success">{message?.tone === 'success' && t(message.key)}</FormAlert>
          {/* Lets password managers file the new password under the right account. */}
          <input
            type="email"
            name="username"
            autoComplete="username"
            value={user?.email ?? ''}
            readOnly
            hidden
          />
          <TextField
            label={t('account.currentPassword')}
            type="password"
            name="current-password"
            autoComplete="current-password"
            value={values.currentPassword}
            onChange={set('currentPassword')}
            error={errorOf('currentPassword')}
          />
          <TextField
            label={t('form.newPassword')}
            hint={t('form.passwordHint')}
            type="password"
            name="new-password"
            autoComplete="new-password"
            value={values.newPassword}
            onChange={set('newPassword')}
            error={errorOf('newPassword')}
          />
          <TextField
            label={t('account.confirmPassword')}
            type="password"
            name="confirm-password"
            autoComplete="new-password"
            value={values.confirmPassword}
            onChange={set('confirmPassword')}
            error={errorOf('confirmPassword')}
          />
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('account.submitting') : t('account.submit')}
          </button>
        </form>
        {user?.isAdmin === true && <InstanceSettingsPanel />}
      </div>
    </CardPage>
  );
}
