import { useState } from 'react';
import { type InvitationSummary, withdrawInvitation } from '../api/boards.ts';
import { apiErrorKey } from '../app/apiErrors.ts';
import { formatDateTime } from '../app/dates.ts';
import { FormAlert } from '../app/FormAlert.tsx';
import type { Loadable } from '../app/useApiData.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LoadFailure } from './LoadFailure.tsx';
import { boardRoleLabels } from './roleLabels.ts';

type InvitationState = 'open' | 'used' | 'expired';

function stateOf(invitation: InvitationSummary, now: number): InvitationState {
  if (invitation.usedAt !== null) return 'used';
  return Date.parse(invitation.expiresAt) <= now ? 'expired' : 'open';
}

/**
 * The board's invitations (admins): who each link is for, its role and whether it is still
 * open, used or expired. An open one can be withdrawn; its link stops working at once. The
 * links themselves are never shown again (the server keeps only their hash).
 */
export function InvitationList({
  boardId,
  invitations,
  onChanged,
}: {
  boardId: string;
  invitations: Loadable<InvitationSummary[]>;
  onChanged: () => void;
}) {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const now = Date.now();

  const withdraw = async (invitation: InvitationSummary) => {
    setBusy(invitation.id);
    setFailure(null);
    setAnnouncement(null);
    const result = await withdrawInvitation(boardId, invitation.id);
    setBusy(null);
    if (!result.ok) {
      setFailure(t(apiErrorKey(result)));
      return;
    }
    setAnnouncement(t('invitations.withdrawn'));
    onChanged();
  };

  return (
    <div className="invitation-summary">
      <h3 id="sent-invitations-heading" className="card-heading">
        {t('invitations.heading')}
      </h3>
      <FormAlert tone="error">{failure}</FormAlert>
      <FormAlert tone="success">{announcement}</FormAlert>
      {invitations.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {invitations.status === 'failed' && (
        <LoadFailure failure={invitations.failure} onRetry={onChanged} />
      )}
      {invitations.status === 'ready' && invitations.data.length === 0 && (
        <p className="muted">{t('invitations.none')}</p>
      )}
      {invitations.status === 'ready' && invitations.data.length > 0 && (
        <ul className="invitation-summary__list" aria-labelledby="sent-invitations-heading">
          {invitations.data.map((invitation) => {
            const state = stateOf(invitation, now);
            const who =
              invitation.email === null
                ? t('invite.anyone')
                : t('invite.onlyFor', { email: invitation.email });
            return (
              <li key={invitation.id} className="invitation-summary__row" data-state={state}>
                <span className="invitation-summary__who">
                  <strong>{t(boardRoleLabels[invitation.role])}</strong> · {who}
                </span>
                <span className="invitation-summary__state">
                  {state === 'open' &&
                    t('invite.expires', { time: formatDateTime(invitation.expiresAt, language) })}
                  {state === 'used' &&
                    t('invitations.used', {
                      time: formatDateTime(invitation.usedAt ?? invitation.expiresAt, language),
                    })}
                  {state === 'expired' && t('invitations.expired')}
                </span>
                {state === 'open' && (
                  <button
                    type="button"
                    className="button button--small button--danger"
                    disabled={busy !== null}
                    onClick={() => void withdraw(invitation)}
                    aria-label={t('invitations.withdrawFor', { who })}
                  >
                    {busy === invitation.id
                      ? t('invitations.withdrawing')
                      : t('invitations.withdraw')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
