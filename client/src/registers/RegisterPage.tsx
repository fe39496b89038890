import { fetchBoard } from '../api/boards.ts';
import { followInApp, navigate, takeFocusPending, useLocation } from '../app/navigation.ts';
import { PageHeading } from '../app/PageHeading.tsx';
import { boardPath } from '../app/routes.ts';
import { SimplePage } from '../app/SimplePage.tsx';
import { SiteHeader } from '../app/SiteHeader.tsx';
import { useApiData } from '../app/useApiData.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { LoadFailure } from '../boards/LoadFailure.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { AssignmentList } from './AssignmentList.tsx';
import { DecisionList } from './DecisionList.tsx';
import { RegisterTabs } from './RegisterTabs.tsx';
import { parseRegisterQuery, type RegisterQuery, registerQueryPath } from './registerQuery.ts';

/**
 * `/b/<boardId>/register`: the board's decision register (beslutsregister) and its assignments
 * to follow up, across all its meetings. The query string keeps the tab, search and filter, so
 * a search can be bookmarked and the back button works.
 */
export function RegisterPage({ boardId }: { boardId: string }) {
  const { t } = useI18n();
  const location = useLocation();
  const query = parseRegisterQuery(location.split('?')[1] ?? '');
  const [board, reloadBoard] = useApiData(
    (signal) => fetchBoard(boardId, signal),
    `board:${boardId}`,
  );
  useDocumentTitle(
    board.status === 'ready'
      ? `${t('register.heading')}: ${board.data.name}`
      : t('register.heading'),
  );

  if (board.status === 'failed' && board.failure.kind === 'http') {
    const { status } = board.failure;
    if (status === 403 || status === 404) {
      return (
        <SimplePage
          heading={t(status === 404 ? 'board.notFoundHeading' : 'board.forbiddenHeading')}
        >
          <p className="simple-page__message">
            {t(status === 404 ? 'board.notFound' : 'board.forbidden')}
          </p>
        </SimplePage>
      );
    }
  }

  // Tabs and filters replace the entry: they are views of one page, not steps to go back through.
  // The focus stays where the person is (a tab, the search button): no heading takes it.
  const show = (change: Partial<RegisterQuery>, replace: boolean) => {
    navigate(registerQueryPath(boardId, { ...query, ...change }), { replace });
    takeFocusPending();
  };

  return (
    <div className="page">
      <SiteHeader />
      <main className="board-page register-page" id="main">
        <nav className="breadcrumbs" aria-label={t('board.breadcrumbs')}>
          <a href="/" onClick={followInApp}>
            {t('boards.heading')}
          </a>
          <span aria-hidden="true"> / </span>
          <a href={boardPath(boardId)} onClick={followInApp}>
            {board.status === 'ready' ? board.data.name : '…'}
          </a>
          <span aria-hidden="true"> / </span>
          <span aria-current="page">{t('register.heading')}</span>
        </nav>
        <div className="page-intro">
          <PageHeading>{t('register.heading')}</PageHeading>
          <p className="page-intro__text">{t('register.intro')}</p>
        </div>
        {board.status === 'failed' && <LoadFailure failure={board.failure} onRetry={reloadBoard} />}
        <div>
          <RegisterTabs current={query.tab} onChange={(tab) => show({ tab }, true)} />
          <div
            className="register-tabpanel"
            role="tabpanel"
            id={`register-panel-${query.tab}`}
            aria-labelledby={`register-tab-${query.tab}`}
          >
            {query.tab === 'decisions' ? (
              <DecisionList
                boardId={boardId}
                query={query.q}
                onSearch={(q) => show({ q }, false)}
              />
            ) : (
              <AssignmentList
                boardId={boardId}
                status={query.status}
                canMark={board.status === 'ready' && board.data.myRole !== 'guest'}
                onFilter={(status) => show({ status }, true)}
              />
            )}
          </div>
        </div>
      </main>
    </div>
  );
}
