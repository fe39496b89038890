import { type FormEvent, useRef, useState } from 'react';
import { login } from '../api/auth.ts';
import { apiErrorKey } from '../app/apiErrors.ts';
import { CardPage } from '../app/CardPage.tsx';
import { FormAlert } from '../app/FormAlert.tsx';
import { useFocusFirstInvalid } from '../app/forms.ts';
import { followInApp, useLocation } from '../app/navigation.ts';
import { PageHeading } from '../app/PageHeading.tsx';
import { nextFromLocation, signupPath } from '../app/routes.ts';
import { TextField } from '../app/TextField.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { signedIn, useSession } from './session.ts';
import { type FieldErrors, hasErrors, type LoginField, validateLogin } from './validation.ts';

/** `/login`: email and password; afterwards the app goes on to `?next=` (the guard does it). */
export function LoginPage() {
  const { t } = useI18n();
  const session = useSession();
  // Only an instance without any account offers to create the first one.
  const signupOpen = session.status === 'signedOut' && session.signupOpen;
  const firstAccount = session.status === 'signedOut' && session.firstAccount;
  const location = useLocation();
  const next = nextFromLocation(location);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors<LoginField>>({});
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  const [formRef, focusInvalid] = useFocusFirstInvalid();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateLogin({ email, password });
    setErrors(found);
    setFailure(null);
    if (hasErrors(found)) {
      // After React has marked the fields invalid.
      focusInvalid();
      return;
    }
    setBusy(true);
    const result = await login(email.trim(), password);
    setBusy(false);
    if (result.ok) {
      signedIn(result.data);
      return;
    }
    setFailure(apiErrorKey(result));
    setPassword('');
    passwordRef.current?.focus();
  };

  return (
    <CardPage title={t('login.heading')}>
      <form
        ref={formRef}
        className="card auth-form"
        onSubmit={onSubmit}
        noValidate
        aria-labelledby="login-heading"
      >
        <PageHeading className="simple-page__heading" id="login-heading">
          {t('login.heading')}
        </PageHeading>
        <p className="simple-page__message">
          {next === '/' ? t('app.tagline') : t('login.toContinue')}
        </p>
        <FormAlert tone="error">{failure !== null && t(failure)}</FormAlert>
        <TextField
          label={t('form.email')}
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={errors.email === undefined ? undefined : t(errors.email)}
          spellCheck={false}
        />
        <TextField
          ref={passwordRef}
          label={t('form.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.password === undefined ? undefined : t(errors.password)}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
        <div className="auth-form__aside">
          <p>{t('login.invitationHint')}</p>
          {signupOpen && (
            <p>
              {firstAccount ? `${t('login.firstRun')} ` : ''}
              <a href={signupPath(next)} onClick={followInApp}>
                {t(firstAccount ? 'login.signupLink' : 'login.openSignupLink')}
              </a>
            </p>
          )}
        </div>
      </form>
    </CardPage>
  );
}
