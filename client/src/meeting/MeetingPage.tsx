import { lazy, Suspense } from 'react';
import { useIdentity } from '../app/identity.ts';
import { SimplePage } from '../app/SimplePage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useMeetingAccess } from './useMeetingAccess.ts';

// The workspace pulls in Tiptap, ProseMirror and Yjs; the start page should not wait for them.
const MeetingWorkspace = lazy(() =>
  import('./MeetingWorkspace.tsx').then((module) => ({ default: module.MeetingWorkspace })),
);

/**
 * `/m/<meetingId>`: checks with the server that the meeting exists and may be opened, then opens
 * the workspace as the signed-in person (the app sends signed-out visitors to sign in first).
 */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  const identity = useIdentity();
  const access = useMeetingAccess(meetingId);
  if (access.state === 'denied') {
    return <AccessDenied meetingId={meetingId} status={access.status} />;
  }
  if (identity === null || access.state === 'loading') return <WorkspaceLoading />;
  return (
    <Suspense fallback={<WorkspaceLoading />}>
      <MeetingWorkspace
        meetingId={meetingId}
        identity={identity}
        meeting={access.meeting}
        onRoleChanged={access.refresh}
      />
    </Suspense>
  );
}

function WorkspaceLoading() {
  const { t } = useI18n();
  return (
    <p className="page-loading" role="status">
      {t('meeting.loadingEditor')}
    </p>
  );
}

const deniedMessages: Record<number, MessageKey> = {
  401: 'access.unauthenticated',
  403: 'access.forbidden',
  404: 'access.notFound',
};

function AccessDenied({ meetingId, status }: { meetingId: string; status: number }) {
  const { t } = useI18n();
  return (
    <SimplePage heading={t('access.heading')}>
      <p className="simple-page__message">
        {t(deniedMessages[status] ?? 'access.failed', { meetingId, status })}
      </p>
    </SimplePage>
  );
}
