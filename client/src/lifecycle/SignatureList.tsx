import type { LifecycleState, MeetingRole } from '../../../shared/api/index.ts';
import { formatDateTime } from '../app/dates.ts';
import { meetingRoleLabels } from '../boards/roleLabels.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

function roleLabelKey(role: string) {
  return role in meetingRoleLabels ? meetingRoleLabels[role as MeetingRole] : null;
}

/**
 * Who signed the locked minutes and when, and who still has to: signed and pending are told
 * apart by words and a mark, not by colour alone.
 */
export function SignatureList({
  state,
  myUserId,
}: {
  state: Pick<LifecycleState, 'signatures' | 'pendingSigners'>;
  myUserId: string | null;
}) {
  const { t, language } = useI18n();
  const total = state.signatures.length + state.pendingSigners.length;
  const role = (value: string) => {
    const key = roleLabelKey(value);
    return key === null ? value : t(key);
  };
  return (
    <div className="signatures">
      <p className="signatures__heading" id="signatures-heading">
        {t('signatures.heading', { signed: state.signatures.length, total })}
      </p>
      <ul className="signatures__list" aria-labelledby="signatures-heading">
        {state.signatures.map((signature) => (
          <li key={signature.userId} className="signatures__row" data-signed="true">
            <span className="signatures__mark" aria-hidden="true">
              ✓
            </span>
            <span>
              <strong>{signature.name}</strong>
              {signature.userId === myUserId && ` (${t('members.you')})`}
              <span className="signatures__role">{role(signature.role)}</span>
            </span>
            <span className="signatures__when">
              {t('signatures.signedAt', { time: formatDateTime(signature.signedAt, language) })}
            </span>
          </li>
        ))}
        {state.pendingSigners.map((signer) => (
          <li key={signer.userId} className="signatures__row" data-signed="false">
            <span className="signatures__mark" aria-hidden="true">
              ○
            </span>
            <span>
              <strong>{signer.name}</strong>
              {signer.userId === myUserId && ` (${t('members.you')})`}
              <span className="signatures__role">{role(signer.role)}</span>
            </span>
            <span className="signatures__when">{t('signatures.pending')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
