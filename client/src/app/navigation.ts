import { type MouseEvent, useSyncExternalStore } from 'react';

// pushState fires no event, so in-app navigation announces itself with this one.
const navigateEvent = 'justera:navigate';

/** Set by an in-app navigation; the next page's heading takes the focus (see pageFocus.ts). */
let focusPending = false;

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(navigateEvent, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(navigateEvent, listener);
  };
}

function currentLocation(): string {
  return `${window.location.pathname}${window.location.search}`;
}

/**
 * Moves to another page of the app without reloading it. `replace` swaps the current history
 * entry (redirects: the back button must not return to a page that redirects again).
 */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === currentLocation()) return;
  if (options.replace === true) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  focusPending = true;
  window.dispatchEvent(new Event(navigateEvent));
  window.scrollTo(0, 0);
}

/** True once after an in-app navigation: the caller moves the focus to the new page. */
export function takeFocusPending(): boolean {
  const pending = focusPending;
  focusPending = false;
  return pending;
}

/** The current pathname; re-renders on navigation and on back/forward. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** The current pathname and query string (`/login?next=…`). */
export function useLocation(): string {
  return useSyncExternalStore(subscribe, currentLocation);
}

/**
 * Click handler for <a href> links inside the app: keeps the real href (open in new tab, copy
 * link, screen readers announce a link) but navigates in place on a plain click.
 */
export function followInApp(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  event.preventDefault();
  // The fragment too: a link to a § (`/m/<id>#item-…`) opens the workspace at that §.
  const { pathname, search, hash } = event.currentTarget;
  navigate(`${pathname}${search}${hash}`);
}
