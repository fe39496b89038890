import { fetchFollowUp } from '../api/register.ts';
import { formatMeetingDate } from '../app/dates.ts';
import { followInApp } from '../app/navigation.ts';
import { meetingItemPath, registerPath } from '../app/routes.ts';
import { useApiData } from '../app/useApiData.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/**
 * Uppföljning av uppdrag: the board's assignments from earlier meetings that are still open, so
 * the meeting can follow them up. Each links to its §; they are marked done in the register.
 * Shows nothing when there is nothing to follow up (or the list cannot be loaded offline).
 */
export function FollowUpPanel({ meetingId, boardId }: { meetingId: string; boardId: string }) {
  const { t, language } = useI18n();
  const [followUp] = useApiData(
    (signal) => fetchFollowUp(meetingId, signal),
    `follow-up:${meetingId}`,
  );
  if (followUp.status !== 'ready' || followUp.data.length === 0) return null;
  return (
    <section className="follow-up" aria-labelledby="follow-up-heading">
      <h2 id="follow-up-heading" className="panel-heading">
        {t('followUp.heading')}
      </h2>
      <ul className="follow-up__list">
        {followUp.data.map((assignment) => (
          <li key={`${assignment.meetingId}:${assignment.key}`} className="follow-up__item">
            <p className="follow-up__text">
              {assignment.assignee === '' ? '' : <strong>{assignment.assignee}: </strong>}
              {assignment.text}
              {assignment.dueDate !== null && (
                <span className="follow-up__due">
                  {' '}
                  {t('followUp.due', { date: assignment.dueDate })}
                </span>
              )}
            </p>
            <a
              className="follow-up__from"
              href={meetingItemPath(assignment.meetingId, assignment.itemId)}
              onClick={followInApp}
            >
              {assignment.label === null ? '' : `§ ${assignment.label}, `}
              {assignment.meetingTitle} {formatMeetingDate(assignment.date, language)}
            </a>
          </li>
        ))}
      </ul>
      <a className="follow-up__register" href={registerPath(boardId)} onClick={followInApp}>
        {t('followUp.register')}
      </a>
    </section>
  );
}
