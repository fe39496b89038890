import { meetingIdSchema } from '../../../shared/protocol/index.ts';

export type Route =
  | { page: 'home' }
  | { page: 'login' }
  | { page: 'signup' }
  | { page: 'account' }
  | { page: 'board'; boardId: string }
  | { page: 'register'; boardId: string }
  | { page: 'invitation'; token: string }
  | { page: 'meeting'; meetingId: string }
  | { page: 'meetingHistory'; meetingId: string }
  | { page: 'verify' }
  | { page: 'invalidMeeting'; meetingId: string }
  | { page: 'notFound' };

const staticPages: Record<string, Route> = {
  '/': { page: 'home' },
  '/login': { page: 'login' },
  '/signup': { page: 'signup' },
  '/account': { page: 'account' },
  '/verify': { page: 'verify' },
};

const meetingPathPattern = /^\/m\/([^/]+)\/?$/;
const historyPathPattern = /^\/m\/([^/]+)\/history\/?$/;
const boardPathPattern = /^\/b\/([^/]+)\/?$/;
const registerPathPattern = /^\/b\/([^/]+)\/register\/?$/;
const invitationPathPattern = /^\/invitation\/([^/]+)\/?$/;

/** Maps a pathname to the page it shows. */
export function parseRoute(pathname: string): Route {
  const normalised = pathname === '' ? '/' : pathname.replace(/(.)\/$/, '$1');
  const fixed = staticPages[normalised];
  if (fixed !== undefined) return fixed;
  const board = boardPathPattern.exec(pathname)?.[1];
  if (board !== undefined) return { page: 'board', boardId: safeDecode(board) };
  const register = registerPathPattern.exec(pathname)?.[1];
  if (register !== undefined) return { page: 'register', boardId: safeDecode(register) };
  const invitation = invitationPathPattern.exec(pathname)?.[1];
  if (invitation !== undefined) return { page: 'invitation', token: safeDecode(invitation) };
  const history = historyPathPattern.exec(pathname)?.[1];
  if (history !== undefined) {
    const meetingId = safeDecode(history);
    return meetingIdSchema.safeParse(meetingId).success
      ? { page: 'meetingHistory', meetingId }
      : { page: 'invalidMeeting', meetingId };
  }
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

/** The element id of a § in the meeting workspace; also the fragment of a link to it. */
export function itemAnchor(itemId: string): string {
  return `item-${itemId}`;
}

/** A § of a meeting (`/m/<id>#item-<itemId>`): the workspace scrolls to it once it is there. */
export function meetingItemPath(meetingId: string, itemId: string): string {
  return `${meetingPath(meetingId)}#${encodeURIComponent(itemAnchor(itemId))}`;
}

/** The item a location's fragment (`#item-…`) links to, or null. */
export function itemFromHash(hash: string): string | null {
  const fragment = safeDecode(hash.replace(/^#/, ''));
  return fragment.startsWith('item-') && fragment.length > 'item-'.length
    ? fragment.slice('item-'.length)
    : null;
}

/** The version history of a meeting's minutes. */
export function meetingHistoryPath(meetingId: string): string {
  return `${meetingPath(meetingId)}/history`;
}

/** A board's decision register and assignment follow-up. */
export function registerPath(boardId: string): string {
  return `${boardPath(boardId)}/register`;
}

/** The app path of a board's page (members, invitations, meetings). */
export function boardPath(boardId: string): string {
  return `/b/${encodeURIComponent(boardId)}`;
}

/** The sign-in page, coming back to `next` afterwards (left out when that is the start page). */
export function loginPath(next?: string): string {
  const target = next === undefined ? '/' : safeNextPath(next);
  return target === '/' ? '/login' : `/login?next=${encodeURIComponent(target)}`;
}

/** The sign-up page, keeping where to go afterwards. */
export function signupPath(next?: string): string {
  const target = next === undefined ? '/' : safeNextPath(next);
  return target === '/' ? '/signup' : `/signup?next=${encodeURIComponent(target)}`;
}

/**
 * Where to go after signing in: only a path of this app. `next` comes from the address bar, so
 * anyone can craft it: `//evil.example`, `https://…` or `/\evil` would send a freshly signed-in
 * person to another site (an open redirect), and the sign-in pages themselves would loop.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (next === null || next === undefined) return '/';
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // Control characters and backslashes have no business in our paths; browsers treat some as '/'.
  if (next.includes('\\') || Array.from(next).some(isControlCharacter)) return '/';
  const pathname = next.split(/[?#]/, 1)[0] ?? '/';
  const route = parseRoute(pathname);
  if (route.page === 'login' || route.page === 'signup') return '/';
  return next;
}

/** The `next` parameter of a query string (`?next=/b/x`), made safe. */
export function nextFromSearch(search: string): string {
  return safeNextPath(new URLSearchParams(search).get('next'));
}

/** The `next` parameter of a location (`/login?next=/b/x`), made safe. */
export function nextFromLocation(location: string): string {
  const query = location.indexOf('?');
  return nextFromSearch(query === -1 ? '' : location.slice(query));
}

/** Who may see a page: anyone, only signed-in people, or only signed-out people. */
export type RouteAccess = 'public' | 'signedIn' | 'signedOut';

export function routeAccess(route: Route): RouteAccess {
  switch (route.page) {
    case 'home':
    case 'account':
    case 'board':
    case 'register':
    case 'meeting':
    case 'meetingHistory':
      return 'signedIn';
    case 'login':
    case 'signup':
      return 'signedOut';
    case 'invitation':
    case 'verify':
    case 'invalidMeeting':
    case 'notFound':
      return 'public';
  }
}

/** Whether the app knows who is using it yet. */
export type Viewer = 'unknown' | 'signedIn' | 'signedOut';

export type GuardDecision =
  | { action: 'render' }
  | { action: 'wait' }
  | { action: 'redirect'; to: string };

/**
 * What to do with a route for this viewer: signed-out visitors of protected pages go to the
 * sign-in page and come back afterwards; signed-in visitors of the sign-in pages go on to where
 * they were heading. Nothing protected renders before the session is known.
 */
export function guardRoute(route: Route, location: string, viewer: Viewer): GuardDecision {
  const access = routeAccess(route);
  if (access === 'public') return { action: 'render' };
  if (viewer === 'unknown') return { action: 'wait' };
  if (access === 'signedIn' && viewer === 'signedOut') {
    return { action: 'redirect', to: loginPath(location) };
  }
  if (access === 'signedOut' && viewer === 'signedIn') {
    return { action: 'redirect', to: nextFromLocation(location) };
  }
  return { action: 'render' };
}

function isControlCharacter(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed %-escape is not a valid id either; show it as typed.
    return segment;
  }
}
