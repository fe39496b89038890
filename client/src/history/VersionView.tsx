import type { VersionSnapshot } from '../api/history.ts';
import { formatMeetingDate } from '../app/dates.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { BodyNode } from './BodyView.tsx';

/** The minutes as they were at a save point: each § with its number, title, proposal and body. */
export function VersionView({ snapshot }: { snapshot: VersionSnapshot }) {
  const { t, language } = useI18n();
  const { meta, items } = snapshot;
  return (
    <article className="version-document">
      <header className="version-document__header">
        {meta.board !== '' && <p className="version-document__organ">{meta.board}</p>}
        <p className="version-document__title">{meta.title}</p>
        {meta.date !== null && (
          <p className="version-document__date">{formatMeetingDate(meta.date, language)}</p>
        )}
      </header>
      {items.length === 0 && <p className="muted">{t('version.noItems')}</p>}
      {items.map((item) => (
        <section
          key={item.id}
          className="version-item"
          data-depth={item.depth}
          data-struck={item.removedAfterApproval}
        >
          <h3 className="version-item__title">
            {item.label !== null && <span className="version-item__label">§ {item.label}</span>}
            <span>{item.title === '' ? t('version.untitled') : item.title}</span>
            {item.removedAfterApproval && (
              <span className="diff__badge" data-change="removed">
                {t('version.struck')}
              </span>
            )}
          </h3>
          {item.proposal !== '' && (
            <p className="version-item__proposal">
              <span className="version-item__proposal-label">{t('version.proposal')}</span>{' '}
              {item.proposal}
            </p>
          )}
          <div className="version-item__body">
            <BodyNode node={item.body} />
          </div>
        </section>
      ))}
    </article>
  );
}
