import { type FormEvent, useState } from 'react';
import { signup } from '../api/auth.ts';
import { apiErrorKey } from '../app/apiErrors.ts';
import { CardPage } from '../app/CardPage.tsx';
import { FormAlert } from '../app/FormAlert.tsx';
import { useFocusFirstInvalid } from '../app/forms.ts';
import { followInApp, useLocation } from '../app/navigation.ts';
import { PageHeading } from '../app/PageHeading.tsx';
import { focusWhenShown } from '../app/pageFocus.ts';
import { loginPath, nextFromLocation } from '../app/routes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { NewAccountFields, useNewAccountForm } from './NewAccountFields.tsx';
import { signedIn, useSession } from './session.ts';
import { hasErrors, validateNewAccount } from './validation.ts';

/**
 * `/signup`: the first account of a new Justera server (it becomes the server's admin). After
 * that the server closes sign-up unless an instance admin opens it, and while it is closed this
 * page says how to get in instead: by invitation.
 */
export function SignupPage() {
  const { t } = useI18n();
  const session = useSession();
  // Until the session says otherwise, the page reads as on a new server (its usual visitor).
  const firstAccount = session.status !== 'signedOut' || session.firstAccount;
  const heading = firstAccount ? t('signup.heading') : t('signup.openHeading');
  const next = nextFromLocation(useLocation());
  const form = useNewAccountForm();
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const [closed, setClosed] = useState(false);
  const [busy, setBusy] = useState(false);

  const [formRef, focusInvalid] = useFocusFirstInvalid();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateNewAccount(form.values);
    form.setErrors(found);
    setFailure(null);
    if (hasErrors(found)) {
      focusInvalid();
      return;
    }
    setBusy(true);
    const result = await signup({
      name: form.values.name.trim(),
      email: form.values.email.trim(),
      password: form.values.password,
    });
    setBusy(false);
    if (result.ok) signedIn(result.data);
    else if (result.kind === 'http' && result.code === 'signup_closed') setClosed(true);
    else setFailure(apiErrorKey(result));
  };

  if (closed) {
    return (
      <CardPage title={t('signup.closedHeading')}>
        <section className="card" aria-labelledby="signup-closed-heading">
          <SignupClosedHeading />
          <p className="simple-page__message">{t('signup.closedText')}</p>
          <p className="simple-page__message">{t('signup.closedInvitation')}</p>
          <p>
            <a className="button button--primary" href={loginPath(next)} onClick={followInApp}>
              {t('signup.toLogin')}
            </a>
          </p>
        </section>
      </CardPage>
    );
  }

  return (
    <CardPage title={heading}>
      <form
        ref={formRef}
        className="card auth-form"
        onSubmit={onSubmit}
        noValidate
        aria-labelledby="signup-heading"
      >
        <PageHeading className="simple-page__heading" id="signup-heading">
          {heading}
        </PageHeading>
        <p className="simple-page__message">
          {firstAccount ? t('signup.intro') : t('signup.openIntro')}
        </p>
        <FormAlert tone="error">{failure !== null && t(failure)}</FormAlert>
        <NewAccountFields form={form} />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('signup.submitting') : t('signup.submit')}
        </button>
        <div className="auth-form__aside">
          <p>
            {t('signup.haveAccount')}{' '}
            <a href={loginPath(next)} onClick={followInApp}>
              {t('signup.toLogin')}
            </a>
          </p>
        </div>
      </form>
    </CardPage>
  );
}

/** The closed note replaces the form: its heading takes the focus so the change is announced. */
function SignupClosedHeading() {
  const { t } = useI18n();
  return (
    <h1
      id="signup-closed-heading"
      className="simple-page__heading"
      tabIndex={-1}
      ref={focusWhenShown}
    >
      {t('signup.closedHeading')}
    </h1>
  );
}
