import { useEffect } from 'react';
import type { DocumentAccess } from '../../../shared/api/index.ts';
import type { Identity } from '../app/identity.ts';
import { rememberMeeting } from '../app/recentMeetings.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { CollaborativeEditor } from '../editor/CollaborativeEditor.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useConnection, useDocumentReady, useMeetingSync, useParticipants } from '../sync/hooks.ts';
import type { MeetingSync } from '../sync/meetingSync.ts';
import { MeetingHeader } from './MeetingHeader.tsx';
import { RefusedNotice } from './RefusedNotice.tsx';
import { useMeetingTitle } from './useMeetingTitle.ts';
import { useMinutesFragment } from './useMinutesFragment.ts';

export interface MeetingWorkspaceProps {
  meetingId: string;
  identity: Identity;
  /** What the server lets this user do; null when it could not be asked (offline). */
  access: DocumentAccess | null;
}

/** The meeting page: opens the sync session and shows the shared title and minutes. */
export function MeetingWorkspace({ meetingId, identity, access }: MeetingWorkspaceProps) {
  const session = useMeetingSync(meetingId, identity);
  if (session === null) return null;
  return <MeetingView session={session} identity={identity} access={access} />;
}

const editorId = 'minutes';

interface MeetingViewProps {
  session: MeetingSync;
  identity: Identity;
  access: DocumentAccess | null;
}

function MeetingView({ session, identity, access }: MeetingViewProps) {
  const { t } = useI18n();
  const connection = useConnection(session);
  const participants = useParticipants(session);
  const ready = useDocumentReady(session);
  const [title, setTitle] = useMeetingTitle(session.doc);
  const fragment = useMinutesFragment(session);
  // Refused by the server: nothing typed now could ever be sent, so do not let anyone type. A
  // reader's edits would be dropped by the server and leave this copy diverged (TECH-NOTES §3).
  // Offline (access unknown) the local copy stays editable; the server checks on reconnect.
  const refused = connection.status === 'refused';
  const editable = !refused && access !== 'read';
  // Adjusters (access "text") correct the text of items, not the meeting's header.
  const titleEditable = !refused && (access === 'write' || access === null);
  const { meetingId } = session;

  useDocumentTitle(title || t('meeting.titlePlaceholder'));
  useEffect(() => rememberMeeting(meetingId, title), [meetingId, title]);

  return (
    <div className="meeting">
      <a className="skip-link" href={`#${editorId}`}>
        {t('app.skipToMinutes')}
      </a>
      <MeetingHeader
        meetingId={meetingId}
        title={title}
        onTitleChange={setTitle}
        editable={titleEditable}
        readOnly={access === 'read'}
        status={connection.status}
        participants={participants}
      />
      {connection.refusal !== null && (
        <RefusedNotice
          refusal={connection.refusal}
          onRetry={() => session.connection.retry()}
          onDiscardLocalCopy={session.discardLocalCopy}
        />
      )}
      <main className="meeting__main">
        <section className="sheet" aria-labelledby="minutes-heading">
          <h2 id="minutes-heading" className="sheet__heading">
            {t('meeting.minutesHeading')}
          </h2>
          {ready && fragment !== null && (
            <CollaborativeEditor
              id={editorId}
              fragment={fragment}
              awarenessSource={session.provider}
              user={identity}
              editable={editable}
              label={t('editor.label')}
              placeholder={t('editor.placeholder')}
            />
          )}
          {ready && fragment === null && connection.status === 'connected' && (
            <p className="sheet__loading">{t('meeting.noItems')}</p>
          )}
          {(!ready || (fragment === null && connection.status !== 'connected')) && (
            <p className="sheet__loading" role="status">
              {t('meeting.loadingEditor')}
            </p>
          )}
        </section>
      </main>
    </div>
  );
}
