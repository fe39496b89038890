import { useId, useRef, useState } from 'react';
import type { Meeting } from '../../../shared/api/index.ts';
import { localIsoDate } from '../app/dates.ts';
import type { Loadable } from '../app/useApiData.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { CreateMeetingForm } from './CreateMeetingForm.tsx';
import { LoadFailure } from './LoadFailure.tsx';
import { MeetingList } from './MeetingList.tsx';
import { splitMeetings } from './meetingDates.ts';

export interface MeetingsSectionProps {
  boardId: string;
  meetings: Loadable<Meeting[]>;
  onRetry: () => void;
  /** Guests attend meetings but do not create them. */
  canCreate: boolean;
}

/** The board's meetings, upcoming and past, and the form for a new one. */
export function MeetingsSection({ boardId, meetings, onRetry, canCreate }: MeetingsSectionProps) {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const formId = useId();

  const closeForm = () => {
    setCreating(false);
    requestAnimationFrame(() => toggleRef.current?.focus());
  };

  const split = meetings.status === 'ready' ? splitMeetings(meetings.data, localIsoDate()) : null;

  return (
    <section className="board-section" aria-labelledby="meetings-heading">
      <div className="board-section__header">
        <h2 id="meetings-heading" className="section-heading">
          {t('meetings.heading')}
        </h2>
        {canCreate && (
          <button
            ref={toggleRef}
            type="button"
            className="button button--primary"
            aria-expanded={creating}
            aria-controls={formId}
            onClick={() => setCreating((open) => !open)}
          >
            {t('newMeeting.open')}
          </button>
        )}
      </div>
      {creating && <CreateMeetingForm id={formId} boardId={boardId} onCancel={closeForm} />}
      {meetings.status === 'loading' && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {meetings.status === 'failed' && <LoadFailure failure={meetings.failure} onRetry={onRetry} />}
      {split !== null && (
        <div className="meeting-groups">
          <MeetingList
            headingId="upcoming-heading"
            heading={t('meetings.upcoming')}
            empty={t('meetings.noUpcoming')}
            meetings={split.upcoming}
          />
          <MeetingList
            headingId="past-heading"
            heading={t('meetings.past')}
            empty={t('meetings.noPast')}
            meetings={split.past}
          />
        </div>
      )}
    </section>
  );
}
