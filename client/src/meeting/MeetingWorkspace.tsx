import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ItemSummary } from '../../../shared/doc/index.ts';
import { CloseCode } from '../../../shared/protocol/index.ts';
import type { Identity } from '../app/identity.ts';
import { rememberMeeting } from '../app/recentMeetings.ts';
import { itemFromHash } from '../app/routes.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { EditorRegistry, EditorRegistryContext } from '../editor/editorRegistry.ts';
import { focusEnd } from '../editor/insertBlocks.ts';
import { peopleListId } from '../editor/nodeViewFields.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useAttendance, useItems, useMeta } from '../sync/docStores.ts';
import { useConnection, useDocumentReady, useMeetingSync, useParticipants } from '../sync/hooks.ts';
import type { MeetingSync } from '../sync/meetingSync.ts';
import { AgendaSidebar } from './agenda/AgendaSidebar.tsx';
import { useAgendaActions } from './agenda/agendaActions.ts';
import { AttendancePanel } from './attendance/AttendancePanel.tsx';
import { capabilitiesFor } from './capabilities.ts';
import { MeetingDetailsPanel } from './details/MeetingDetailsPanel.tsx';
import { FollowUpPanel } from './FollowUpPanel.tsx';
import { MeetingHeader } from './MeetingHeader.tsx';
import { sectionId } from './minutes/ItemSection.tsx';
import { MinutesPane } from './minutes/MinutesPane.tsx';
import { RefusedNotice } from './RefusedNotice.tsx';
import { ShortcutsDialog, type ShortcutsDialogHandle } from './ShortcutsDialog.tsx';
import { StatusMessage, useStatusMessage } from './StatusMessage.tsx';
import { useBoardMembers } from './useBoardMembers.ts';
import type { MeetingInfo } from './useMeetingAccess.ts';
import { useMeetingTitle } from './useMeetingTitle.ts';
import { useWorkspaceShortcuts } from './useWorkspaceShortcuts.ts';
import '../styles/workspace.css';
import { type FocusTarget, type Workspace, WorkspaceContext } from './workspaceContext.ts';

export interface MeetingWorkspaceProps {
  meetingId: string;
  identity: Identity;
  /** What the server lets this user do; null when it could not be asked (offline). */
  meeting: MeetingInfo | null;
  /** The server moved this socket to a new role (4000): ask again what the user may do. */
  onRoleChanged?: () => void;
}

/** The meeting page: opens the sync session and shows agenda, minutes and attendance. */
export function MeetingWorkspace({
  meetingId,
  identity,
  meeting,
  onRoleChanged,
}: MeetingWorkspaceProps) {
  const session = useMeetingSync(meetingId, identity);
  useRoleChange(session, onRoleChanged);
  if (session === null) return null;
  // Keyed: a link from one meeting to a § of another starts a fresh view (and its scroll target).
  return <MeetingView key={meetingId} session={session} identity={identity} meeting={meeting} />;
}

/**
 * A role given or taken in the roles dialog (an adjuster elected in the meeting) closes the
 * socket with 4000; the provider reconnects under the new role, and the page asks for its new
 * capabilities, so the fields it may now edit open (or close) without a reload.
 */
function useRoleChange(session: MeetingSync | null, onRoleChanged: (() => void) | undefined) {
  useEffect(() => {
    if (session === null || onRoleChanged === undefined) return;
    const onClose = (event: CloseEvent | null) => {
      if (event?.code === CloseCode.roleChanged) onRoleChanged();
    };
    session.provider.on('connection-close', onClose);
    return () => session.provider.off('connection-close', onClose);
  }, [session, onRoleChanged]);
}

interface MeetingViewProps {
  session: MeetingSync;
  identity: Identity;
  meeting: MeetingInfo | null;
}

function MeetingView({ session, identity, meeting }: MeetingViewProps) {
  const { t } = useI18n();
  const { doc, meetingId } = session;
  const connection = useConnection(session);
  const participants = useParticipants(session);
  const ready = useDocumentReady(session);
  const [title, setTitle] = useMeetingTitle(doc);
  const items = useItems(doc);
  const meta = useMeta(doc);
  const people = useAttendance(doc);
  const members = useBoardMembers(meeting?.boardId ?? null);
  const registry = useMemo(() => new EditorRegistry(), []);
  const shortcutsDialog = useRef<ShortcutsDialogHandle>(null);
  const { message, announce } = useStatusMessage();

  // Refused by the server: nothing typed now could ever be sent, so do not let anyone type. A
  // reader's edits would be dropped by the server and leave this copy diverged (TECH-NOTES §3).
  const refused = connection.status === 'refused';
  const access = meeting?.access ?? null;
  const capabilities = useMemo(
    () => capabilitiesFor(access, refused, meta.locked),
    [access, refused, meta.locked],
  );
  // Adjusters (access "text") correct the text of items, not the meeting's header.
  const titleEditable = capabilities.editStructure;

  const [chosenItemId, setChosenItemId] = useState<string | null>(null);
  const currentItemId = items.some((item) => item.id === chosenItemId)
    ? chosenItemId
    : (items.find((item) => item.label !== null)?.id ?? null);
  useEffect(() => session.setCurrentItem(currentItemId), [session, currentItemId]);

  const pendingFocus = useRef<{ itemId: string; target: FocusTarget } | null>(null);
  const settlePendingFocus = useCallback(() => {
    const pending = pendingFocus.current;
    if (pending === null) return;
    const section = document.getElementById(sectionId(pending.itemId));
    if (section === null) return;
    if (pending.target === 'body') {
      const editor = registry.editorOf(pending.itemId);
      if (editor === null) {
        // The § takes a moment to create its editor; it calls back once it has.
        section.scrollIntoView({ block: 'start' });
        return;
      }
      pendingFocus.current = null;
      focusEnd(editor);
      return;
    }
    pendingFocus.current = null;
    section.scrollIntoView({ block: 'start' });
    if (pending.target === 'title') {
      section.querySelector<HTMLElement>('.paragraph__title')?.focus({ preventScroll: true });
    } else {
      section.focus({ preventScroll: true });
    }
  }, [registry]);

  const goToItem = useCallback(
    (itemId: string, target: FocusTarget) => {
      setChosenItemId(itemId);
      pendingFocus.current = { itemId, target };
      // After React has rendered the § (a new item) or made it current (mounting its editor).
      requestAnimationFrame(settlePendingFocus);
    },
    [settlePendingFocus],
  );

  // A link to a § (`/m/<id>#item-<itemId>`, from the register) scrolls to it once it is there.
  const [linkedItemId, setLinkedItemId] = useState(() => itemFromHash(window.location.hash));
  useEffect(() => {
    if (linkedItemId === null || !ready || !items.some((item) => item.id === linkedItemId)) return;
    setLinkedItemId(null);
    goToItem(linkedItemId, 'section');
  }, [linkedItemId, ready, items, goToItem]);
  useEffect(() => {
    const onHashChange = () => setLinkedItemId(itemFromHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const workspace = useMemo<Workspace>(
    () => ({
      session,
      doc,
      identity,
      capabilities,
      currentItemId,
      setCurrentItem: setChosenItemId,
      goToItem,
      settlePendingFocus,
      announce,
      members,
      showShortcuts: () => shortcutsDialog.current?.open(),
    }),
    [
      session,
      doc,
      identity,
      capabilities,
      currentItemId,
      goToItem,
      settlePendingFocus,
      announce,
      members,
    ],
  );

  useDocumentTitle(title || t('meeting.titlePlaceholder'));
  useEffect(() => rememberMeeting(meetingId, title), [meetingId, title]);

  return (
    <WorkspaceContext.Provider value={workspace}>
      <EditorRegistryContext.Provider value={registry}>
        <WorkspaceShortcuts workspace={workspace} items={items} registry={registry} />
        <div className="meeting meeting--workspace">
          <a className="skip-link" href="#minutes">
            {t('app.skipToMinutes')}
          </a>
          <a className="skip-link" href="#agenda-heading">
            {t('workspace.skipToAgenda')}
          </a>
          <MeetingHeader
            meetingId={meetingId}
            title={title}
            onTitleChange={setTitle}
            editable={titleEditable}
            readOnly={access === 'read'}
            status={connection.status}
            participants={participants}
            access={access}
          />
          {connection.refusal !== null && (
            <RefusedNotice
              refusal={connection.refusal}
              onRetry={() => session.connection.retry()}
              onDiscardLocalCopy={session.discardLocalCopy}
            />
          )}
          {access === 'text' && <p className="workspace__note">{t('workspace.textOnly')}</p>}
          <div className="workspace">
            <div className="workspace__agenda">
              <AgendaSidebar items={items} meta={meta} participants={participants} />
              {meeting !== null && (
                <FollowUpPanel meetingId={meetingId} boardId={meeting.boardId} />
              )}
            </div>
            <main
              id="minutes"
              className="workspace__minutes"
              tabIndex={-1}
              aria-label={t('meeting.minutesHeading')}
            >
              <MinutesPane
                items={items}
                ready={ready}
                connected={connection.status === 'saved' || connection.status === 'saving'}
              />
            </main>
            <div className="workspace__attendance">
              <MeetingDetailsPanel meta={meta} people={people} />
              <AttendancePanel people={people} items={items} />
            </div>
          </div>
          <datalist id={peopleListId}>
            {[
              ...new Set([
                ...members.map((member) => member.name),
                ...people.map((person) => person.name),
              ]),
            ].map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <ShortcutsDialog ref={shortcutsDialog} canEditStructure={capabilities.editStructure} />
          <StatusMessage message={message} />
        </div>
      </EditorRegistryContext.Provider>
    </WorkspaceContext.Provider>
  );
}

/** Installs the keyboard shortcuts; a component so it can use the agenda actions' context. */
function WorkspaceShortcuts(props: {
  workspace: Workspace;
  items: ItemSummary[];
  registry: EditorRegistry;
}) {
  const actions = useAgendaActions();
  useWorkspaceShortcuts({ ...props, actions });
  return null;
}
