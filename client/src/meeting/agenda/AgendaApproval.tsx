import type { ItemSummary, MeetingMeta } from '../../../../shared/doc/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export interface AgendaApprovalProps {
  items: ItemSummary[];
  meta: MeetingMeta;
  canEdit: boolean;
  onApprove: () => void;
}

/**
 * Whether the agenda is approved (föredragningslistan godkänd) and, once it is, what changed
 * since: the additions and struck items the minutes have to mention ("med tillägg av § 5a").
 */
export function AgendaApproval({ items, meta, canEdit, onApprove }: AgendaApprovalProps) {
  const { t, language } = useI18n();
  if (meta.agendaApprovedAt === null) {
    return canEdit ? (
      <button
        type="button"
        className="button button--small agenda__approve"
        onClick={onApprove}
        aria-label={t('agenda.approveLabel')}
        title={t('agenda.approveLabel')}
      >
        {t('agenda.approve')}
      </button>
    ) : (
      <p className="agenda__state">{t('agenda.notApproved')}</p>
    );
  }
  const time = new Date(meta.agendaApprovedAt).toLocaleTimeString(
    language === 'sv' ? 'sv-SE' : 'en-GB',
    {
      hour: '2-digit',
      minute: '2-digit',
    },
  );
  const added = items.filter((item) => item.addedAfterApproval && !item.removedAfterApproval);
  const struck = items.filter((item) => item.removedAfterApproval);
  return (
    <div className="agenda__state agenda__state--approved">
      <p>
        <span className="agenda__check" aria-hidden="true">
          ✓
        </span>{' '}
        {t('agenda.approvedAt', { time })}
      </p>
      {added.length > 0 && (
        <p className="agenda__changes">
          {t('agenda.additions', {
            list: added.map((item) => `§ ${item.label ?? ''}`).join(', '),
          })}
        </p>
      )}
      {struck.length > 0 && (
        <p className="agenda__changes">
          {t('agenda.struckList', {
            list: struck.map((item) => item.title.trim() || t('item.untitled')).join(', '),
          })}
        </p>
      )}
    </div>
  );
}
