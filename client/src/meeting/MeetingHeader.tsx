import { Brand } from '../app/Brand.tsx';
import { LanguageSwitch } from '../app/LanguageSwitch.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ConnectionStatus } from '../sync/connectionState.ts';
import type { Participant } from '../sync/presence.ts';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { CopyLinkButton } from './CopyLinkButton.tsx';
import { PresenceList } from './PresenceList.tsx';
import { maxTitleLength } from './useMeetingTitle.ts';

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
}

/** App bar (name, presence, connection, language) and the meeting's shared, editable title. */
export function MeetingHeader(props: MeetingHeaderProps) {
  const { meetingId, title, onTitleChange, editable, readOnly, status, participants } = props;
  const { t } = useI18n();
  const alone = participants.length <= 1;
  return (
    <header className="meeting-header">
      <div className="meeting-header__bar">
        <Brand />
        <div className="meeting-header__status">
          <PresenceList participants={participants} />
          <ConnectionBadge status={status} />
          <LanguageSwitch />
        </div>
      </div>
      <div className="meeting-header__title-row">
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
          <span className="meeting-id">{t('meeting.id', { meetingId })}</span>
          <span aria-hidden="true">·</span>
          <CopyLinkButton />
          {readOnly && <span className="meeting-header__note">{t('meeting.readOnly')}</span>}
          {alone && <span className="meeting-header__note">{t('presence.alone')}</span>}
        </p>
      </div>
    </header>
  );
}
