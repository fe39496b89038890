import type { Meeting } from '../../../shared/api/index.ts';
import { formatMeetingDate } from '../app/dates.ts';
import { followInApp } from '../app/navigation.ts';
import { meetingPath } from '../app/routes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { meetingKindLabels, meetingRoleLabels } from './roleLabels.ts';

const monthFormats = {
  sv: new Intl.DateTimeFormat('sv-SE', { month: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'short' }),
};

export interface MeetingListProps {
  headingId: string;
  heading: string;
  empty: string;
  meetings: Meeting[];
}

/** One group of meetings (upcoming or past), each a link into its workspace. */
export function MeetingList({ headingId, heading, empty, meetings }: MeetingListProps) {
  const { t, language } = useI18n();
  return (
    <div className="meeting-group">
      <h3 id={headingId} className="meeting-group__heading">
        {heading}
      </h3>
      {meetings.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="meeting-list" aria-labelledby={headingId}>
          {meetings.map((meeting) => {
            const [year, month, day] = meeting.date.split('-').map(Number);
            const monthName =
              year === undefined || month === undefined
                ? ''
                : monthFormats[language].format(new Date(year, month - 1, 15)).replace('.', '');
            const details = [
              formatMeetingDate(meeting.date, language),
              meeting.startTime === null ? null : t('meetings.time', { time: meeting.startTime }),
              meeting.place,
            ].filter((part) => part !== null && part !== '');
            return (
              <li key={meeting.id}>
                <a className="meeting-row" href={meetingPath(meeting.id)} onClick={followInApp}>
                  <span className="meeting-row__leaf" aria-hidden="true">
                    <span className="meeting-row__day">{day}</span>
                    <span className="meeting-row__month">{monthName}</span>
                  </span>
                  <span className="meeting-row__main">
                    <span className="meeting-row__title">{meeting.title}</span>
                    <span className="meeting-row__details">
                      {t(meetingKindLabels[meeting.kind])} · {details.join(' · ')}
                    </span>
                  </span>
                  <span className="badge">
                    <span className="visually-hidden">{t('meetingHeader.yourRole')} </span>
                    {t(meetingRoleLabels[meeting.myRole])}
                  </span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
