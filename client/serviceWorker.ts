// Justera's service worker: keeps the app shell (index.html and the hashed build files) on the
// device so a meeting page that is reloaded without a network still starts, and the meeting
// opens from its IndexedDB copy. It never touches /api or /sync: data is the sync layer's job.
//
// The build (vite.config.ts) writes the file list and a version into this file, so every deploy
// is a byte-different script, which is what makes the browser install the new worker.

// The program's lib is DOM (the app's); the few worker types used here are declared locally.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface ServiceWorkerScope {
  readonly location: Location;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}
const worker = self as unknown as ServiceWorkerScope;

const version = '__VERSION__';
const precache: string[] = ['__PRECACHE__'];
const cacheName = `justera-shell-${version}`;
const shellUrl = '/';

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll(precache))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith('justera-shell-') && name !== cacheName)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => worker.clients.claim()),
  );
});

/** Paths the server answers with data, never with the app: always straight to the network. */
function isServerPath(pathname: string): boolean {
  return (
    pathname.startsWith('/api/') ||
    pathname.startsWith('/sync') ||
    pathname === '/healthz' ||
    pathname === '/readyz' ||
    pathname === '/metrics'
  );
}

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin || isServerPath(url.pathname)) return;
  if (request.mode === 'navigate') {
    // Network first, so a deploy shows at once; the cached shell only when the network fails.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            event.waitUntil(caches.open(cacheName).then((cache) => cache.put(shellUrl, copy)));
          }
          return response;
        })
        .catch(() => caches.match(shellUrl).then((cached) => cached ?? Response.error())),
    );
    return;
  }
  // Build files carry a content hash in their names: a cached copy is always the right one.
  event.respondWith(caches.match(request).then((cached) => cached ?? fetch(request)));
});

export {};
