import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { followInApp } from './navigation.ts';
import { SiteHeader } from './SiteHeader.tsx';
import { useDocumentTitle } from './useDocumentTitle.ts';

/** A page with one heading, a message and a way back to the start page (errors, not found). */
export function SimplePage({ heading, children }: { heading: string; children: ReactNode }) {
  const { t } = useI18n();
  useDocumentTitle(heading);
  return (
    <div className="page">
      <SiteHeader />
      <main className="simple-page" id="main">
        <div className="card">
          <h1 className="simple-page__heading">{heading}</h1>
          {children}
          <p>
            <a className="button" href="/" onClick={followInApp}>
              {t('notFound.back')}
            </a>
          </p>
        </div>
      </main>
    </div>
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  return <SimplePage heading={t('notFound.heading')}>{null}</SimplePage>;
}

/** Shown for `/m/<id>` when the id cannot be a meeting id: say so plainly instead of connecting. */
export function InvalidMeetingPage({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  return (
    <SimplePage heading={t('meeting.invalidIdHeading')}>
      <p className="simple-page__message">{t('meeting.invalidId', { meetingId })}</p>
    </SimplePage>
  );
}
