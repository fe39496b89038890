import { meetingIdSchema } from '../../../shared/protocol/index.ts';

export type Route =
  | { page: 'start' }
  | { page: 'meeting'; meetingId: string }
  | { page: 'invalidMeeting'; meetingId: string }
  | { page: 'notFound' };

const meetingPathPattern = /^\/m\/([^/]+)\/?$/;

/** Maps a pathname to the page it shows. */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'start' };
  const match = meetingPathPattern.exec(pathname);
  if (match?.[1] === undefined) return { page: 'notFound' };
  const meetingId = safeDecode(match[1]);
  return meetingIdSchema.safeParse(meetingId).success
    ? { page: 'meeting', meetingId }
    : { page: 'invalidMeeting', meetingId };
}

/** The app path of a meeting's workspace. */
export function meetingPath(meetingId: string): string {
  return `/m/${encodeURIComponent(meetingId)}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed %-escape is not a valid meeting id either; show it as typed.
    return segment;
  }
}
