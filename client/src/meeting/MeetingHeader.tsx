import { useContext, useEffect, useRef, useState } from 'react';
import { Brand } from '../app/Brand.tsx';
import { LanguageSwitch } from '../app/LanguageSwitch.tsx';
import { followInApp } from '../app/navigation.ts';
import { boardPath } from '../app/routes.ts';
import { useSession } from '../auth/session.ts';
import { UserMenu } from '../auth/UserMenu.tsx';
import { meetingRoleLabels } from '../boards/roleLabels.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LifecyclePanel } from '../lifecycle/LifecyclePanel.tsx';
import { ActivityDialog } from '../roles/ActivityDialog.tsx';
import { RolesDialog } from '../roles/RolesDialog.tsx';
import { useMeetingContext } from '../roles/useMeetingContext.ts';
import type { ConnectionStatus } from '../sync/connectionState.ts';
import type { Participant } from '../sync/presence.ts';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { CopyLinkButton } from './CopyLinkButton.tsx';
import { PresenceList } from './PresenceList.tsx';
import { maxTitleLength } from './useMeetingTitle.ts';
import { WorkspaceContext } from './workspaceContext.ts';

export interface MeetingHeaderProps {
  meetingId: string;
  title: string;
  onTitleChange: (title: string) => void;
  /** The title can be changed (not refused, and the user's role allows it). */
  editable: boolean;
  /** The user may only read: say so, next to the meeting id. */
  readOnly: boolean;
  status: ConnectionStatus;
  participants: Participant[];
  /**
   * What the user may do, as the page last heard it. It changes when the server moves the
   * socket to a new role (4000): the role shown in the header is then asked for again.
   */
  access: string | null;
}

/**
 * App bar (name, presence, connection, language, the signed-in person), the way back to the
 * board, the meeting's shared editable title, the user's own role, the roles panel and the
 * activity view (who changed what), and the lifecycle: status, steps, signatures, version history and exports.
 */
export function MeetingHeader(props: MeetingHeaderProps) {
  const { meetingId, title, onTitleChange, editable, readOnly, status, participants, access } =
    props;
  const { t } = useI18n();
  const session = useSession();
  const context = useMeetingContext(meetingId);
  const shownForAccess = useRef(access);
  useEffect(() => {
    if (shownForAccess.current === access) return;
    shownForAccess.current = access;
    context.reload();
  }, [access, context]);
  // The live document, when the header sits in the workspace: steps others take show at once.
  const workspace = useContext(WorkspaceContext);
  const [rolesOpen, setRolesOpen] = useState(false);
  const rolesButtonRef = useRef<HTMLButtonElement>(null);
  const [activityOpen, setActivityOpen] = useState(false);
  const activityButtonRef = useRef<HTMLButtonElement>(null);
  // Set when the activity view closes by going to an item: the focus goes there, not back.
  const goingToItem = useRef(false);
  const alone = participants.length <= 1;
  const meeting = context.meeting.status === 'ready' ? context.meeting.data : null;
  const board = context.board.status === 'ready' ? context.board.data : null;

  const openRoles = () => {
    // Someone else may have changed roles since the page opened.
    context.reload();
    setRolesOpen(true);
  };
  const closeRoles = () => {
    setRolesOpen(false);
    rolesButtonRef.current?.focus();
  };
  const openActivity = () => {
    goingToItem.current = false;
    setActivityOpen(true);
  };
  const closeActivity = () => {
    setActivityOpen(false);
    if (!goingToItem.current) activityButtonRef.current?.focus();
  };
  const goToItemFromActivity =
    workspace === null
      ? undefined
      : (itemId: string) => {
          goingToItem.current = true;
          setActivityOpen(false);
          workspace.goToItem(itemId, 'section');
        };

  return (
    <header className="meeting-header">
      <div className="meeting-header__bar">
        <Brand />
        <div className="meeting-header__status">
          <PresenceList participants={participants} />
          <ConnectionBadge status={status} />
          <LanguageSwitch />
          <UserMenu />
        </div>
      </div>
      <div className="meeting-header__title-row">
        {meeting !== null && (
          <p className="meeting-header__board">
            <a href={boardPath(meeting.boardId)} onClick={followInApp}>
              <span aria-hidden="true">← </span>
              {board?.name ?? t('meetingHeader.board')}
            </a>
          </p>
        )}
        {/* An input inside the h1: the title is the page's heading and editable in place. */}
        <h1 className="meeting-title">
          <input
            className="meeting-title__input"
            type="text"
            value={title}
            onChange={(event) => onTitleChange(event.target.value)}
            placeholder={t('meeting.titlePlaceholder')}
            aria-label={t('meeting.titleLabel')}
            maxLength={maxTitleLength}
            readOnly={!editable}
            spellCheck
            autoComplete="off"
          />
        </h1>
        <p className="meeting-header__meta">
          {meeting !== null && (
            <span className="meeting-header__roles">
              <span className="meeting-header__role" data-role={meeting.myRole}>
                {t('meetingHeader.yourRole')}{' '}
                <strong>{t(meetingRoleLabels[meeting.myRole])}</strong>
              </span>
              {board !== null && (
                <button
                  ref={rolesButtonRef}
                  type="button"
                  className="link-button"
                  aria-haspopup="dialog"
                  onClick={openRoles}
                >
                  {t('meetingHeader.roles')}
                </button>
              )}
              <button
                ref={activityButtonRef}
                type="button"
                className="link-button"
                aria-haspopup="dialog"
                onClick={openActivity}
              >
                {t('meetingHeader.activity')}
              </button>
            </span>
          )}
          <span className="meeting-id">{t('meeting.id', { meetingId })}</span>
          <span aria-hidden="true">·</span>
          <CopyLinkButton />
          {readOnly && <span className="meeting-header__note">{t('meeting.readOnly')}</span>}
          {alone && <span className="meeting-header__note">{t('presence.alone')}</span>}
        </p>
        <LifecyclePanel
          meetingId={meetingId}
          meeting={meeting}
          doc={workspace?.doc ?? null}
          myUserId={session.status === 'signedIn' ? session.user.id : null}
        />
      </div>
      {meeting !== null && board !== null && (
        <RolesDialog
          open={rolesOpen}
          onClose={closeRoles}
          meeting={meeting}
          board={board}
          myUserId={session.status === 'signedIn' ? session.user.id : null}
          onSaved={context.reload}
        />
      )}
      <ActivityDialog
        open={activityOpen}
        onClose={closeActivity}
        meetingId={meetingId}
        doc={workspace?.doc ?? null}
        onGoToItem={goToItemFromActivity}
      />
    </header>
  );
}
