import { type MouseEvent, useSyncExternalStore } from 'react';

// pushState fires no event, so in-app navigation announces itself with this one.
const navigateEvent = 'justera:navigate';

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(navigateEvent, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(navigateEvent, listener);
  };
}

/** Moves to another page of the app without reloading it. */
export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(navigateEvent));
  window.scrollTo(0, 0);
}

/** The current pathname; re-renders on navigation and on back/forward. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
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
  navigate(event.currentTarget.pathname);
}
