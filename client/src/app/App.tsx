import { useEffect } from 'react';
import { AccountPage } from '../auth/AccountPage.tsx';
import { InvitationPage } from '../auth/InvitationPage.tsx';
import { LoginPage } from '../auth/LoginPage.tsx';
import { SignupPage } from '../auth/SignupPage.tsx';
import { loadSession, type Session, useSession } from '../auth/session.ts';
import { BoardListPage } from '../boards/BoardListPage.tsx';
import { BoardPage } from '../boards/BoardPage.tsx';
import { HistoryPage } from '../history/HistoryPage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { MeetingPage } from '../meeting/MeetingPage.tsx';
import { RegisterPage } from '../registers/RegisterPage.tsx';
import { VerifyPage } from '../verify/VerifyPage.tsx';
import { navigate, useLocation } from './navigation.ts';
import { guardRoute, parseRoute, routeAccess, type Viewer } from './routes.ts';
import { InvalidMeetingPage, NotFoundPage, SimplePage } from './SimplePage.tsx';

/**
 * Who the guard sees. Offline with a remembered user counts as signed in, so a meeting opens
 * from its local copy; the server checks the session again when it is back.
 */
function viewerOf(session: Session): Viewer {
  switch (session.status) {
    case 'loading':
      return 'unknown';
    case 'signedIn':
      return 'signedIn';
    case 'signedOut':
      return 'signedOut';
    case 'unreachable':
      return session.user === null ? 'unknown' : 'signedIn';
  }
}

/** Picks the page for the current path, after the route guard had its say. */
export function App() {
  const location = useLocation();
  const route = parseRoute(location.split('?', 1)[0] ?? '/');
  const session = useSession();
  const decision = guardRoute(route, location, viewerOf(session));
  const redirectTo = decision.action === 'redirect' ? decision.to : null;

  useEffect(() => {
    void loadSession();
    // Back online after starting offline: ask again who is signed in.
    const onOnline = () => void loadSession();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, []);

  useEffect(() => {
    if (redirectTo !== null) navigate(redirectTo, { replace: true });
  }, [redirectTo]);

  if (
    session.status === 'unreachable' &&
    session.user === null &&
    routeAccess(route) !== 'public'
  ) {
    return <UnreachablePage />;
  }
  if (decision.action !== 'render') return <PageLoading />;

  switch (route.page) {
    case 'home':
      return <BoardListPage />;
    case 'login':
      return <LoginPage />;
    case 'signup':
      return <SignupPage />;
    case 'account':
      return <AccountPage />;
    case 'board':
      return <BoardPage key={route.boardId} boardId={route.boardId} />;
    case 'register':
      return <RegisterPage key={route.boardId} boardId={route.boardId} />;
    case 'invitation':
      return <InvitationPage key={route.token} token={route.token} />;
    case 'verify':
      return <VerifyPage />;
    case 'meeting':
      // Keyed by id: moving to another meeting tears down the old one's sync completely.
      return <MeetingPage key={route.meetingId} meetingId={route.meetingId} />;
    case 'meetingHistory':
      return <HistoryPage key={route.meetingId} meetingId={route.meetingId} />;
    case 'invalidMeeting':
      return <InvalidMeetingPage meetingId={route.meetingId} />;
    case 'notFound':
      return <NotFoundPage />;
  }
}

function PageLoading() {
  const { t } = useI18n();
  return (
    <p className="page-loading" role="status">
      {t('common.loading')}
    </p>
  );
}

function UnreachablePage() {
  const { t } = useI18n();
  return (
    <SimplePage heading={t('session.unreachableHeading')}>
      <p className="simple-page__message">{t('session.unreachableText')}</p>
      <p>
        <button type="button" className="button button--primary" onClick={() => void loadSession()}>
          {t('common.retry')}
        </button>
      </p>
    </SimplePage>
  );
}
