import type { ItemChange, MeetingDiff } from '../../../shared/api/index.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { AttendanceChanges, DiffGroup, HeaderChanges, OfficerChanges } from './DiffRecords.tsx';

const changeLabels: Record<ItemChange['change'], MessageKey> = {
  added: 'diff.itemAdded',
  removed: 'diff.itemRemoved',
  changed: 'diff.itemChanged',
};

/**
 * Word by word what changed in one §: added text in <ins>, removed text in <del>. Colour is
 * only a help: the marks are underlined and struck through, and a screen reader hears
 * "added:" and "removed:" before them.
 */
function ChangedText({ parts }: { parts: ItemChange['parts'] }) {
  const { t } = useI18n();
  return (
    <p className="diff__text">
      {parts.map((part, index) => {
        // The parts of one comparison never reorder: their position is their identity.
        const key = `${index}-${part.change}`;
        if (part.change === 'added') {
          return (
            <ins key={key} className="diff__added">
              <span className="visually-hidden">{t('diff.addedPrefix')}</span>
              {part.text}
              <span className="visually-hidden">{t('diff.end')}</span>
            </ins>
          );
        }
        if (part.change === 'removed') {
          return (
            <del key={key} className="diff__removed">
              <span className="visually-hidden">{t('diff.removedPrefix')}</span>
              {part.text}
              <span className="visually-hidden">{t('diff.end')}</span>
            </del>
          );
        }
        return <span key={key}>{part.text}</span>;
      })}
    </p>
  );
}

/** The changes between two versions: header, officers, attendance, then § by §. */
export function DiffView({ diff }: { diff: MeetingDiff }) {
  const { t } = useI18n();
  const { header, officers, attendance, items } = diff;
  if (header.length + officers.length + attendance.length + items.length === 0) {
    return <p className="empty-state">{t('diff.none')}</p>;
  }
  return (
    <div className="diff">
      <p className="hint">{t('diff.legend')}</p>
      {header.length > 0 && <HeaderChanges changes={header} />}
      {officers.length > 0 && <OfficerChanges changes={officers} />}
      {attendance.length > 0 && <AttendanceChanges changes={attendance} />}
      {items.length > 0 && (
        <DiffGroup heading={t('diff.itemsHeading')}>
          <ol className="diff__list">
            {items.map((change) => (
              <li key={change.itemId} className="diff__item" data-change={change.change}>
                <h4 className="diff__title">
                  {change.label !== null && <span className="diff__label">§ {change.label}</span>}
                  <span>{change.title === '' ? t('version.untitled') : change.title}</span>
                  <span className="diff__badge" data-change={change.change}>
                    {t(changeLabels[change.change])}
                  </span>
                </h4>
                <ChangedText parts={change.parts} />
              </li>
            ))}
          </ol>
        </DiffGroup>
      )}
    </div>
  );
}
