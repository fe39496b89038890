import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { type BoardRole, boardRoles } from '../../../shared/api/index.ts';
import { createInvitation, fetchInvitations, type Invitation } from '../api/boards.ts';
import { apiErrorKey } from '../app/apiErrors.ts';
import { formatDateTime } from '../app/dates.ts';
import { FormAlert } from '../app/FormAlert.tsx';
import { useFocusFirstInvalid } from '../app/forms.ts';
import { SelectField } from '../app/SelectField.tsx';
import { TextField } from '../app/TextField.tsx';
import { useApiData } from '../app/useApiData.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { InvitationList } from './InvitationList.tsx';
import { boardRoleLabels } from './roleLabels.ts';
import { validateInvitationForm } from './validation.ts';

interface CreatedInvitation extends Invitation {
  role: BoardRole;
  email: string | null;
}

const roleHints: Record<BoardRole, MessageKey> = {
  admin: 'invite.roleHintAdmin',
  member: 'invite.roleHintMember',
  guest: 'invite.roleHintGuest',
};

/**
 * Invitation links (admins): a single-use link with an expiry, optionally only for one email
 * address. The server keeps only a hash of the token, so a link is shown once, here, right
 * after it is made; afterwards the list of invitations shows their state and withdraws them.
 */
export function InvitationPanel({ boardId }: { boardId: string }) {
  const { t } = useI18n();
  const [role, setRole] = useState<BoardRole>('member');
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<MessageKey | null>(null);
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedInvitation[]>([]);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const newestLinkRef = useRef<HTMLInputElement>(null);
  const [invitations, reloadInvitations] = useApiData(
    (signal) => fetchInvitations(boardId, signal),
    `invitations:${boardId}`,
  );

  const [formRef, focusInvalid] = useFocusFirstInvalid();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { errors, request } = validateInvitationForm({ role, email });
    setEmailError(errors.email ?? null);
    setFailure(null);
    if (request === null) {
      focusInvalid();
      return;
    }
    setBusy(true);
    const result = await createInvitation(boardId, request);
    setBusy(false);
    if (!result.ok) {
      setFailure(apiErrorKey(result));
      return;
    }
    setCreated((list) => [
      { ...result.data, role: request.role, email: request.email ?? null },
      ...list,
    ]);
    setEmail('');
    setAnnouncement(t('invite.created'));
    reloadInvitations();
  };

  // The new link is what the admin came for: focus it, selected, ready to copy.
  useEffect(() => {
    const link = newestLinkRef.current;
    if (created.length === 0 || link === null) return;
    link.focus();
    link.select();
  }, [created.length]);

  return (
    <section className="board-section" aria-labelledby="invitations-heading">
      <div className="board-section__header">
        <h2 id="invitations-heading" className="section-heading">
          {t('invite.heading')}
        </h2>
      </div>
      <form
        ref={formRef}
        className="card"
        onSubmit={onSubmit}
        noValidate
        aria-labelledby="invitations-heading"
      >
        <p className="hint">{t('invite.intro')}</p>
        <FormAlert tone="error">{failure !== null && t(failure)}</FormAlert>
        <div className="form-grid">
          <SelectField
            label={t('invite.role')}
            hint={t(roleHints[role])}
            name="invitation-role"
            value={role}
            options={boardRoles.map((option) => ({
              value: option,
              label: t(boardRoleLabels[option]),
            }))}
            onChange={setRole}
          />
          <TextField
            label={t('invite.email')}
            hint={t('invite.emailHint')}
            type="email"
            name="invitation-email"
            autoComplete="off"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={emailError === null ? undefined : t(emailError)}
          />
        </div>
        <div>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('invite.creating') : t('invite.create')}
          </button>
        </div>
        <FormAlert tone="success">{announcement}</FormAlert>
      </form>
      {created.length > 0 && (
        <ul className="invitation-list" aria-label={t('invite.createdList')}>
          {created.map((invitation, index) => (
            <CreatedLink
              key={invitation.token}
              invitation={invitation}
              inputRef={index === 0 ? newestLinkRef : undefined}
            />
          ))}
        </ul>
      )}
      <InvitationList boardId={boardId} invitations={invitations} onChanged={reloadInvitations} />
    </section>
  );
}

function CreatedLink({
  invitation,
  inputRef,
}: {
  invitation: CreatedInvitation;
  inputRef: RefObject<HTMLInputElement | null> | undefined;
}) {
  const { t, language } = useI18n();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const localRef = useRef<HTMLInputElement | null>(null);

  const onCopy = () => {
    if (!window.isSecureContext) {
      // The Clipboard API exists only on https and localhost: select the link for Ctrl+C.
      localRef.current?.select();
      setCopy('failed');
      return;
    }
    navigator.clipboard.writeText(invitation.url).then(
      () => setCopy('copied'),
      (error: unknown) => {
        console.warn('Could not copy the invitation link', error);
        localRef.current?.select();
        setCopy('failed');
      },
    );
  };

  return (
    <li className="invitation">
      <label className="text-field__label" htmlFor={`invitation-${invitation.token}`}>
        {t('invite.link')}
      </label>
      <div className="invitation__row">
        <input
          id={`invitation-${invitation.token}`}
          ref={(element) => {
            localRef.current = element;
            if (inputRef !== undefined) inputRef.current = element;
          }}
          className="text-field__input invitation__url"
          type="text"
          value={invitation.url}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button" onClick={onCopy}>
          {t('invite.copy')}
        </button>
      </div>
      <p className="invitation__meta">
        <span>{t('invite.asRole', { role: t(boardRoleLabels[invitation.role]) })}</span>
        <span>
          {invitation.email === null
            ? t('invite.anyone')
            : t('invite.onlyFor', { email: invitation.email })}
        </span>
        <span>{t('invite.expires', { time: formatDateTime(invitation.expiresAt, language) })}</span>
      </p>
      <p className="copy-status" role="status">
        {copy === 'copied' && t('invite.copied')}
        {copy === 'failed' && t('invite.copyFailed')}
      </p>
    </li>
  );
}
