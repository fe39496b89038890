import { memo, useId, useState } from 'react';
import {
  type AttendeePatch,
  type AttendeeSnapshot,
  attendanceCategories,
  DocError,
  editAttendee,
  type ItemSummary,
  removeAttendee,
} from '../../../../shared/doc/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useWorkspace } from '../workspaceContext.ts';
import { presenceRange } from './presenceRange.ts';

export interface AttendeeRowProps {
  person: AttendeeSnapshot;
  items: ItemSummary[];
}

/** One person on the attendance list; "Ändra" opens category, presence and removal. */
export const AttendeeRow = memo(function AttendeeRow({ person, items }: AttendeeRowProps) {
  const { t } = useI18n();
  const { doc, capabilities, currentItemId, announce } = useWorkspace();
  const [open, setOpen] = useState(false);
  const id = useId();
  const range = presenceRange(person, items);
  const current = items.find((item) => item.id === currentItemId && item.label !== null) ?? null;
  const details = [person.role, person.organisation].filter((part) => part.trim() !== '');

  const edit = (patch: AttendeePatch, message?: string) => {
    try {
      editAttendee(doc, person.id, patch);
      if (message !== undefined) announce(message);
    } catch (error) {
      if (!(error instanceof DocError)) throw error;
      announce(t('agenda.errorGeneric'));
    }
  };

  const rangeText = range === null ? null : t('attendance.rangeBoth', range);

  return (
    <li className="attendee" data-category={person.category}>
      <div className="attendee__summary">
        <span className="attendee__text">
          <span className="attendee__name">{person.name}</span>
          {details.length > 0 && <span className="attendee__details">{details.join(', ')}</span>}
        </span>
        {rangeText !== null && <span className="badge attendee__range">{rangeText}</span>}
        {person.absenceNotified && (
          <span className="badge attendee__notified">{t('attendance.absenceNotified')}</span>
        )}
        {capabilities.editStructure && (
          <button
            type="button"
            className="link-button attendee__toggle"
            aria-expanded={open}
            aria-controls={`${id}-edit`}
            onClick={() => setOpen(!open)}
          >
            {t('attendance.edit')}
            <span className="visually-hidden"> {person.name}</span>
          </button>
        )}
      </div>
      {open && capabilities.editStructure && (
        <div id={`${id}-edit`} className="attendee__edit">
          <label className="inline-field" htmlFor={`${id}-category`}>
            <span className="inline-field__label">{t('attendance.category')}</span>
            <select
              id={`${id}-category`}
              className="select select--compact"
              value={person.category}
              onChange={(event) => {
                const category = attendanceCategories.find((value) => value === event.target.value);
                if (category === undefined) return;
                edit(
                  category === 'franvarande' ? { category } : { category, absenceNotified: false },
                );
              }}
            >
              {attendanceCategories.map((category) => (
                <option key={category} value={category}>
                  {t(`category.${category}` as const)}
                </option>
              ))}
            </select>
          </label>
          {person.category === 'franvarande' && (
            <label className="checkbox-field" htmlFor={`${id}-notified`}>
              <input
                id={`${id}-notified`}
                type="checkbox"
                checked={person.absenceNotified}
                onChange={(event) => edit({ absenceNotified: event.target.checked })}
              />
              <span>{t('attendance.absenceNotified')}</span>
            </label>
          )}
          {person.category !== 'franvarande' && (
            <div className="attendee__presence">
              <button
                type="button"
                className="button button--small"
                disabled={current === null}
                onClick={() =>
                  current !== null &&
                  edit(
                    { presentFrom: current.id },
                    t('attendance.arrivedAt', { name: person.name, label: current.label ?? '' }),
                  )
                }
              >
                {t('attendance.arrive', { label: current?.label ?? '–' })}
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={current === null}
                onClick={() =>
                  current !== null &&
                  edit(
                    { presentTo: current.id },
                    t('attendance.leftAfter', { name: person.name, label: current.label ?? '' }),
                  )
                }
              >
                {t('attendance.leave', { label: current?.label ?? '–' })}
              </button>
              {range !== null && (
                <button
                  type="button"
                  className="button button--small button--quiet"
                  onClick={() => edit({ presentFrom: null, presentTo: null })}
                >
                  {t('attendance.wholeMeeting')}
                </button>
              )}
            </div>
          )}
          <button
            type="button"
            className="link-button link-button--danger"
            onClick={() => {
              try {
                removeAttendee(doc, person.id);
                announce(t('attendance.removed', { name: person.name }));
              } catch (error) {
                if (!(error instanceof DocError)) throw error;
                announce(t('agenda.errorGeneric'));
              }
            }}
          >
            {t('attendance.remove')}
            <span className="visually-hidden"> {person.name}</span>
          </button>
        </div>
      )}
    </li>
  );
});
