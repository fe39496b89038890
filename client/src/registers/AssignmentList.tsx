import { useState } from 'react';
import type { RegisteredAssignment } from '../../../shared/api/index.ts';
import { type AssignmentFilter, fetchAssignments, setAssignmentDone } from '../api/register.ts';
import { apiErrorKey } from '../app/apiErrors.ts';
import { formatDateTime, formatMeetingDate } from '../app/dates.ts';
import { FormAlert } from '../app/FormAlert.tsx';
import { followInApp } from '../app/navigation.ts';
import { meetingItemPath } from '../app/routes.ts';
import { useApiData } from '../app/useApiData.ts';
import { LoadFailure } from '../boards/LoadFailure.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';

const filters: ReadonlyArray<{ value: AssignmentFilter; label: MessageKey }> = [
  { value: 'open', label: 'register.filterOpen' },
  { value: 'done', label: 'register.filterDone' },
  { value: 'all', label: 'register.filterAll' },
];

/**
 * Assignments (uppdrag) across the board's meetings, to follow up: open until someone who is
 * not a guest marks them done. Open ones show up again at the next meeting.
 */
export function AssignmentList({
  boardId,
  status,
  canMark,
  onFilter,
}: {
  boardId: string;
  status: AssignmentFilter;
  canMark: boolean;
  onFilter: (status: AssignmentFilter) => void;
}) {
  const { t, language } = useI18n();
  const [assignments, reload] = useApiData(
    (signal) => fetchAssignments(boardId, status, signal),
    `assignments:${boardId}:${status}`,
  );
  // Marked here but not yet confirmed by the server (or refused): keyed by assignment key.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const mark = async (assignment: RegisteredAssignment, done: boolean) => {
    setFailure(null);
    setPending((current) => ({ ...current, [assignment.key]: done }));
    const result = await setAssignmentDone(boardId, assignment.meetingId, assignment.key, done);
    setPending((current) => {
      const { [assignment.key]: _settled, ...rest } = current;
      return rest;
    });
    if (!result.ok) {
      setFailure(t(apiErrorKey(result)));
      return;
    }
    setAnnouncement(
      t(done ? 'register.markedDone' : 'register.markedOpen', { text: assignment.text }),
    );
    reload();
  };

  return (
    <div className="register-panel">
      <fieldset className="register-filter">
        <legend className="text-field__label">{t('register.show')}</legend>
        <div className="register-filter__options">
          {filters.map((filter) => (
            <label key={filter.value} className="register-filter__option">
              <input
                type="radio"
                name="assignment-status"
                value={filter.value}
                checked={status === filter.value}
                onChange={() => onFilter(filter.value)}
              />
              {t(filter.label)}
            </label>
          ))}
        </div>
      </fieldset>
      <FormAlert tone="error">{failure}</FormAlert>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {assignments.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {assignments.status === 'failed' && (
        <LoadFailure failure={assignments.failure} onRetry={reload} />
      )}
      {assignments.status === 'ready' && assignments.data.length === 0 && (
        <div className="empty-state">
          <p className="empty-state__title">{t('register.noAssignments')}</p>
        </div>
      )}
      {assignments.status === 'ready' && assignments.data.length > 0 && (
        <div className="table-wrap">
          <table className="data-table register-table">
            <caption className="visually-hidden">{t('register.assignmentsTab')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('register.done')}</th>
                <th scope="col">{t('register.assignment')}</th>
                <th scope="col">{t('register.assignee')}</th>
                <th scope="col">{t('register.due')}</th>
                <th scope="col">{t('register.from')}</th>
              </tr>
            </thead>
            <tbody>
              {assignments.data.map((assignment) => {
                const done = pending[assignment.key] ?? assignment.done;
                const checkboxId = `assignment-${assignment.meetingId}-${assignment.key}`;
                return (
                  <tr key={`${assignment.meetingId}:${assignment.key}`} data-done={done}>
                    <td className="register-table__done">
                      {canMark ? (
                        <>
                          <input
                            id={checkboxId}
                            type="checkbox"
                            className="register-table__checkbox"
                            checked={done}
                            disabled={assignment.key in pending}
                            onChange={(event) => void mark(assignment, event.target.checked)}
                          />
                          <label htmlFor={checkboxId} className="visually-hidden">
                            {t('register.markDone', { text: assignment.text })}
                          </label>
                        </>
                      ) : (
                        <span>{done ? t('register.isDone') : t('register.isOpen')}</span>
                      )}
                    </td>
                    <th scope="row" className="register-table__text">
                      {assignment.text}
                      {done && assignment.doneAt !== null && (
                        <span className="register-table__when">
                          {t('register.doneAt', {
                            time: formatDateTime(assignment.doneAt, language),
                          })}
                        </span>
                      )}
                    </th>
                    <td>{assignment.assignee === '' ? '—' : assignment.assignee}</td>
                    <td className="register-table__due">
                      {assignment.dueDate === null ? '—' : assignment.dueDate}
                    </td>
                    <td>
                      <a
                        href={meetingItemPath(assignment.meetingId, assignment.itemId)}
                        onClick={followInApp}
                      >
                        {assignment.label === null ? '' : `§ ${assignment.label}, `}
                        {assignment.meetingTitle}
                      </a>
                      <span className="register-table__when">
                        {formatMeetingDate(assignment.date, language)}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
