import { fetchBoard } from '../api/boards.ts';
import { fetchMeetings } from '../api/meetings.ts';
import { followInApp } from '../app/navigation.ts';
import { PageHeading } from '../app/PageHeading.tsx';
import { registerPath } from '../app/routes.ts';
import { SimplePage } from '../app/SimplePage.tsx';
import { SiteHeader } from '../app/SiteHeader.tsx';
import { useApiData } from '../app/useApiData.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { useSession } from '../auth/session.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { InvitationPanel } from './InvitationPanel.tsx';
import { LoadFailure } from './LoadFailure.tsx';
import { MeetingsSection } from './MeetingsSection.tsx';
import { MemberDirectory } from './MemberDirectory.tsx';
import { boardRoleLabels } from './roleLabels.ts';

/** `/b/<boardId>`: the board's meetings, member directory and (for admins) invitations. */
export function BoardPage({ boardId }: { boardId: string }) {
  const { t } = useI18n();
  const session = useSession();
  const [board, reloadBoard] = useApiData(
    (signal) => fetchBoard(boardId, signal),
    `board:${boardId}`,
  );
  const [meetings, reloadMeetings] = useApiData(
    (signal) => fetchMeetings(boardId, signal),
    `meetings:${boardId}`,
  );
  useDocumentTitle(board.status === 'ready' ? board.data.name : t('board.loading'));

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

  const myUserId = session.status === 'signedIn' ? session.user.id : null;

  return (
    <div className="page">
      <SiteHeader />
      <main className="board-page" id="main">
        <nav className="breadcrumbs" aria-label={t('board.breadcrumbs')}>
          <a href="/" onClick={followInApp}>
            {t('boards.heading')}
          </a>
          <span aria-hidden="true"> / </span>
          <span aria-current="page">{board.status === 'ready' ? board.data.name : '…'}</span>
        </nav>
        {board.status === 'loading' && (
          <p className="muted" role="status">
            {t('common.loading')}
          </p>
        )}
        {board.status === 'failed' && <LoadFailure failure={board.failure} onRetry={reloadBoard} />}
        {board.status === 'ready' && (
          <>
            <div className="page-intro">
              <PageHeading>{board.data.name}</PageHeading>
              <p className="page-intro__text">
                {board.data.organisation !== '' && (
                  <>
                    <span>{board.data.organisation}</span>
                    <span aria-hidden="true"> · </span>
                  </>
                )}
                <span>{t('board.yourRole', { role: t(boardRoleLabels[board.data.myRole]) })}</span>
              </p>
              <p className="page-intro__links">
                <a
                  className="button button--small"
                  href={registerPath(boardId)}
                  onClick={followInApp}
                >
                  {t('register.link')}
                </a>
              </p>
            </div>
            <MeetingsSection
              boardId={boardId}
              meetings={meetings}
              onRetry={reloadMeetings}
              canCreate={board.data.myRole !== 'guest'}
            />
            <MemberDirectory
              board={board.data}
              myUserId={myUserId}
              canManage={board.data.myRole === 'admin'}
              onChanged={reloadBoard}
            />
            {board.data.myRole === 'admin' && <InvitationPanel boardId={boardId} />}
          </>
        )}
      </main>
    </div>
  );
}
