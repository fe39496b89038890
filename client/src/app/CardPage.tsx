import type { ReactNode } from 'react';
import { SiteHeader } from './SiteHeader.tsx';
import { useDocumentTitle } from './useDocumentTitle.ts';

/** A narrow page around one card: sign-in, sign-up, account, invitation. */
export function CardPage({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="page">
      <SiteHeader />
      <main className="simple-page" id="main">
        {children}
      </main>
    </div>
  );
}
