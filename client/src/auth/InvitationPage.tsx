import { type FormEvent, useState } from 'react';
import { acceptInvitation, fetchInvitationPreview, type InvitationPreview } from '../api/boards.ts';
import type { ApiFailure } from '../api/http.ts';
import { apiErrorKey } from '../app/apiErrors.ts';
import { CardPage } from '../app/CardPage.tsx';
import { formatDateTime } from '../app/dates.ts';
import { FormAlert } from '../app/FormAlert.tsx';
import { useFocusFirstInvalid } from '../app/forms.ts';
import { followInApp, navigate } from '../app/navigation.ts';
import { PageHeading } from '../app/PageHeading.tsx';
import { focusWhenShown } from '../app/pageFocus.ts';
import { boardPath, loginPath } from '../app/routes.ts';
import { useApiData } from '../app/useApiData.ts';
import { boardRoleLabels } from '../boards/roleLabels.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { NewAccountFields, useNewAccountForm } from './NewAccountFields.tsx';
import { loadSession, signOut, useSession } from './session.ts';
import { hasErrors, validateNewAccount } from './validation.ts';

/** Failures after which this link can never work: the page then only explains. */
const finalFailures: Partial<Record<string, { heading: MessageKey; text: MessageKey }>> = {
  invitation_used: { heading: 'invitation.usedHeading', text: 'invitation.usedText' },
  invitation_expired: { heading: 'invitation.expiredHeading', text: 'invitation.expiredText' },
  invitation_not_found: {
    heading: 'invitation.notFoundHeading',
    text: 'invitation.notFoundText',
  },
};

function finalFailureOf(failure: ApiFailure) {
  return failure.kind === 'http' ? (finalFailures[failure.code] ?? null) : null;
}

/** A link that can no longer be used, known before anyone tries: its page only explains. */
function finalStateOf(preview: InvitationPreview) {
  if (preview.state === 'used') return finalFailures.invitation_used ?? null;
  if (preview.state === 'expired') return finalFailures.invitation_expired ?? null;
  return null;
}

/**
 * `/invitation/<token>`: joining a board. Signed in, one button accepts; signed out, the person
 * creates their account here (or signs in first and comes back).
 */
export function InvitationPage({ token }: { token: string }) {
  const { t } = useI18n();
  const session = useSession();
  const [refused, setFinal] = useState<{ heading: MessageKey; text: MessageKey } | null>(null);
  // Which board the link is for, its role and whether it still works (GET /api/invitations/:t).
  const [preview] = useApiData(
    (signal) => fetchInvitationPreview(token, signal),
    `invitation:${token}`,
  );
  const here = `/invitation/${encodeURIComponent(token)}`;
  const final =
    refused ??
    (preview.status === 'ready' ? finalStateOf(preview.data) : null) ??
    (preview.status === 'failed' ? finalFailureOf(preview.failure) : null);
  const details = preview.status === 'ready' ? preview.data : null;

  if (final !== null) {
    return (
      <CardPage title={t(final.heading)}>
        <section className="card" aria-labelledby="invitation-heading">
          <FocusedHeading id="invitation-heading">{t(final.heading)}</FocusedHeading>
          <p className="simple-page__message">{t(final.text)}</p>
          <p className="simple-page__message">{t('invitation.askAdmin')}</p>
          <p>
            <a
              className="button"
              href={session.status === 'signedIn' ? '/' : '/login'}
              onClick={followInApp}
            >
              {session.status === 'signedIn' ? t('invitation.toBoards') : t('invitation.toLogin')}
            </a>
          </p>
        </section>
      </CardPage>
    );
  }

  if (session.status === 'loading' || preview.status === 'loading') {
    return (
      <CardPage title={t('invitation.heading')}>
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      </CardPage>
    );
  }

  return (
    <CardPage title={t('invitation.heading')}>
      {session.status === 'signedIn' ? (
        <AcceptSignedIn
          token={token}
          details={details}
          name={session.user.name}
          email={session.user.email}
          onFinal={setFinal}
        />
      ) : (
        <AcceptWithNewAccount
          token={token}
          details={details}
          loginHref={loginPath(here)}
          onFinal={setFinal}
        />
      )}
    </CardPage>
  );
}

interface AcceptProps {
  token: string;
  /** What the link is for; null when the server could not say (the page still works). */
  details: InvitationPreview | null;
  onFinal: (final: { heading: MessageKey; text: MessageKey }) => void;
}

function AcceptSignedIn({
  token,
  details,
  name,
  email,
  onFinal,
}: AcceptProps & { name: string; email: string }) {
  const { t } = useI18n();
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);

  const accept = async () => {
    setBusy(true);
    setFailure(null);
    const result = await acceptInvitation(token);
    setBusy(false);
    if (result.ok) {
      navigate(boardPath(result.data.boardId));
      return;
    }
    const final = finalFailureOf(result);
    if (final !== null) onFinal(final);
    else if (result.kind === 'http' && result.code === 'invitation_wrong_email') {
      setFailure('invitation.wrongEmailSignedIn');
    } else setFailure(apiErrorKey(result));
  };

  return (
    <section className="card auth-form" aria-labelledby="invitation-heading">
      <PageHeading className="simple-page__heading" id="invitation-heading">
        {t('invitation.heading')}
      </PageHeading>
      <InvitationDetails details={details} />
      <p className="simple-page__message">{t('invitation.signedInAs', { name, email })}</p>
      <p className="simple-page__message">{t('invitation.acceptIntro')}</p>
      <FormAlert tone="error">{failure !== null && t(failure, { email })}</FormAlert>
      <div className="form-actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void accept()}
          disabled={busy}
        >
          {busy ? t('invitation.accepting') : t('invitation.accept')}
        </button>
        <button type="button" className="button" onClick={() => void signOut()}>
          {t('invitation.notYou')}
        </button>
      </div>
    </section>
  );
}

function AcceptWithNewAccount({
  token,
  details,
  loginHref,
  onFinal,
}: AcceptProps & { loginHref: string }) {
  const { t } = useI18n();
  const form = useNewAccountForm();
  const [failure, setFailure] = useState<MessageKey | null>(null);
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
    const result = await acceptInvitation(token, {
      name: form.values.name.trim(),
      email: form.values.email.trim(),
      password: form.values.password,
    });
    if (result.ok) {
      // The server signed the new account in with the answer; learn who that is.
      await loadSession();
      setBusy(false);
      navigate(boardPath(result.data.boardId));
      return;
    }
    setBusy(false);
    const final = finalFailureOf(result);
    if (final !== null) onFinal(final);
    else if (result.kind === 'http' && result.code === 'invitation_wrong_email') {
      form.setErrors({ email: 'invitation.wrongEmail' });
      focusInvalid();
    } else setFailure(apiErrorKey(result));
  };

  return (
    <form
      ref={formRef}
      className="card auth-form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="invitation-heading"
    >
      <PageHeading className="simple-page__heading" id="invitation-heading">
        {t('invitation.heading')}
      </PageHeading>
      <InvitationDetails details={details} />
      <p className="simple-page__message">{t('invitation.newAccountIntro')}</p>
      <p className="callout">
        {t('invitation.haveAccount')}{' '}
        <a href={loginHref} onClick={followInApp}>
          {t('invitation.signInFirst')}
        </a>
      </p>
      <FormAlert tone="error">
        {failure !== null && (
          <>
            {t(failure)}
            {failure === 'error.emailTaken' && (
              <>
                {' '}
                <a href={loginHref} onClick={followInApp}>
                  {t('invitation.signInFirst')}
                </a>
              </>
            )}
          </>
        )}
      </FormAlert>
      <NewAccountFields form={form} />
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('invitation.accepting') : t('invitation.createAndJoin')}
      </button>
    </form>
  );
}

/** The board the link is for, the role it gives, and until when it works. */
function InvitationDetails({ details }: { details: InvitationPreview | null }) {
  const { t, language } = useI18n();
  if (details === null) return null;
  return (
    <div className="invitation-details">
      <p className="invitation-details__board">
        {details.boardName}
        {details.organisation !== '' && (
          <span className="invitation-details__organisation">{details.organisation}</span>
        )}
      </p>
      <p>{t('invitationPreview.asRole', { role: t(boardRoleLabels[details.role]) })}</p>
      <p className="hint">
        {details.forEmail && `${t('invitationPreview.forEmail')} `}
        {t('invite.expires', { time: formatDateTime(details.expiresAt, language) })}
      </p>
    </div>
  );
}

/** A heading that replaces the form: it takes the focus so the change is announced. */
function FocusedHeading({ id, children }: { id: string; children: string }) {
  return (
    <h1 id={id} className="simple-page__heading" tabIndex={-1} ref={focusWhenShown}>
      {children}
    </h1>
  );
}
