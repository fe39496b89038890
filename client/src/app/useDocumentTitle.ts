import { useEffect } from 'react';

/** Sets the browser tab's title while the component is mounted: "<page> · Justera". */
export function useDocumentTitle(page: string | null): void {
  useEffect(() => {
    document.title = page === null || page === '' ? 'Justera' : `${page} · Justera`;
  }, [page]);
}
