import { MeetingPage } from '../meeting/MeetingPage.tsx';
import { usePathname } from './navigation.ts';
import { parseRoute } from './routes.ts';
import { InvalidMeetingPage, NotFoundPage } from './SimplePage.tsx';
import { StartPage } from './StartPage.tsx';

/** Picks the page for the current path. */
export function App() {
  const route = parseRoute(usePathname());
  switch (route.page) {
    case 'start':
      return <StartPage />;
    case 'meeting':
      // Keyed by id: moving to another meeting tears down the old one's sync completely.
      return <MeetingPage key={route.meetingId} meetingId={route.meetingId} />;
    case 'invalidMeeting':
      return <InvalidMeetingPage meetingId={route.meetingId} />;
    case 'notFound':
      return <NotFoundPage />;
  }
}
