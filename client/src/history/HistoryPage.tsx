import { fetchVersions, type VersionRef } from '../api/history.ts';
import { formatDateTime } from '../app/dates.ts';
import { followInApp, useLocation } from '../app/navigation.ts';
import { PageHeading } from '../app/PageHeading.tsx';
import { boardPath, meetingPath } from '../app/routes.ts';
import { SimplePage } from '../app/SimplePage.tsx';
import { SiteHeader } from '../app/SiteHeader.tsx';
import { useApiData } from '../app/useApiData.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { LoadFailure } from '../boards/LoadFailure.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useMeetingContext } from '../roles/useMeetingContext.ts';
import { DiffResult, VersionResult } from './HistoryResults.tsx';
import { parseHistoryQuery } from './historyQuery.ts';
import { SaveVersionForm } from './SaveVersionForm.tsx';
import { CompareForm, VersionTable } from './VersionList.tsx';

/**
 * `/m/<meetingId>/history`: the save points of the minutes (each lifecycle step and correction
 * makes one; chair and secretary save more), a version as it was, and what changed between two
 * versions word by word — so the adjuster can review the secretary's edits.
 */
export function HistoryPage({ meetingId }: { meetingId: string }) {
  const { t, language } = useI18n();
  const location = useLocation();
  const query = parseHistoryQuery(location.split('?')[1] ?? '');
  const context = useMeetingContext(meetingId);
  const [versions, reloadVersions] = useApiData(
    (signal) => fetchVersions(meetingId, signal),
    `versions:${meetingId}`,
  );
  const meeting = context.meeting.status === 'ready' ? context.meeting.data : null;
  const board = context.board.status === 'ready' ? context.board.data : null;
  useDocumentTitle(
    meeting === null ? t('history.heading') : `${t('history.heading')}: ${meeting.title}`,
  );

  if (context.meeting.status === 'failed' && context.meeting.failure.kind === 'http') {
    const { status } = context.meeting.failure;
    if (status === 403 || status === 404) {
      return (
        <SimplePage heading={t('access.heading')}>
          <p className="simple-page__message">
            {t(status === 404 ? 'access.notFound' : 'access.forbidden', { meetingId })}
          </p>
        </SimplePage>
      );
    }
  }

  const list = versions.status === 'ready' ? [...versions.data].sort((a, b) => b.id - a.id) : null;
  const nameOf = (userId: string | null) =>
    userId === null
      ? t('history.bySystem')
      : (board?.members.find((member) => member.userId === userId)?.name ?? '—');
  const versionName = (ref: VersionRef) => {
    if (ref === 'current') return t('history.current');
    const version = list?.find((entry) => entry.id === ref);
    return version === undefined
      ? t('history.versionNumber', { id: ref })
      : `”${version.label}”, ${formatDateTime(version.createdAt, language)}`;
  };

  return (
    <div className="page">
      <SiteHeader />
      <main className="history-page" id="main">
        <nav className="breadcrumbs" aria-label={t('board.breadcrumbs')}>
          <a href="/" onClick={followInApp}>
            {t('boards.heading')}
          </a>
          {meeting !== null && (
            <>
              <span aria-hidden="true"> / </span>
              <a href={boardPath(meeting.boardId)} onClick={followInApp}>
                {board?.name ?? t('meetingHeader.board')}
              </a>
              <span aria-hidden="true"> / </span>
              <a href={meetingPath(meetingId)} onClick={followInApp}>
                {meeting.title}
              </a>
            </>
          )}
          <span aria-hidden="true"> / </span>
          <span aria-current="page">{t('history.heading')}</span>
        </nav>
        <div className="page-intro">
          <PageHeading>{t('history.heading')}</PageHeading>
          <p className="page-intro__text">{t('history.intro')}</p>
        </div>

        {meeting?.access === 'write' && (
          <SaveVersionForm meetingId={meetingId} onSaved={reloadVersions} />
        )}

        <section className="board-section" aria-labelledby="versions-heading">
          <div className="board-section__header">
            <h2 id="versions-heading" className="section-heading">
              {t('history.listHeading')}
            </h2>
          </div>
          {versions.status === 'loading' && (
            <p className="muted" role="status">
              {t('common.loading')}
            </p>
          )}
          {versions.status === 'failed' && (
            <LoadFailure failure={versions.failure} onRetry={reloadVersions} />
          )}
          {list !== null && list.length === 0 && (
            <div className="empty-state">
              <p className="empty-state__title">{t('history.emptyTitle')}</p>
              <p>{t('history.emptyText')}</p>
            </div>
          )}
          {list !== null && list.length > 0 && (
            <>
              <VersionTable meetingId={meetingId} versions={list} nameOf={nameOf} />
              <CompareForm
                key={`${query.from ?? ''}-${query.to ?? ''}`}
                meetingId={meetingId}
                versions={list}
                initialFrom={query.from ?? list[0]?.id ?? 'current'}
                initialTo={query.to ?? 'current'}
              />
            </>
          )}
        </section>

        {query.from !== null && query.to !== null && (
          <DiffResult
            key={location}
            meetingId={meetingId}
            from={query.from}
            to={query.to}
            title={t('diff.heading')}
            subtitle={t('diff.between', {
              from: versionName(query.from),
              to: versionName(query.to),
            })}
          />
        )}
        {query.view !== null && (
          <VersionResult
            key={location}
            meetingId={meetingId}
            version={query.view}
            title={t('version.heading')}
            subtitle={versionName(query.view)}
          />
        )}
      </main>
    </div>
  );
}
