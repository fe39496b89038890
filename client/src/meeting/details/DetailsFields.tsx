import { useId } from 'react';
import {
  DocError,
  DocLimits,
  type MeetingMeta,
  type MetaPatch,
  setMeta,
} from '../../../../shared/doc/index.ts';
import { formatMeetingDate } from '../../app/dates.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useWorkspace } from '../workspaceContext.ts';

type TextKey = 'place' | 'videoLink' | 'minutesNumber' | 'storagePlace';

const textFields: Array<{ key: TextKey; label: MessageKey; hint?: MessageKey; type: string }> = [
  { key: 'place', label: 'details.place', hint: 'details.placeHint', type: 'text' },
  { key: 'videoLink', label: 'details.videoLink', type: 'url' },
];

const recordFields: Array<{ key: TextKey; label: MessageKey; hint?: MessageKey; type: string }> = [
  {
    key: 'minutesNumber',
    label: 'details.minutesNumber',
    hint: 'details.minutesNumberHint',
    type: 'text',
  },
  { key: 'storagePlace', label: 'details.storagePlace', type: 'text' },
];

/** "18:00–20:15", "18:00–" or null. */
export function timeRange(meta: MeetingMeta): string | null {
  if (meta.startTime === null && meta.endTime === null) return null;
  return `${meta.startTime ?? ''}–${meta.endTime ?? ''}`;
}

/**
 * The meeting's date, times, place and video link (and, folded away, the minutes number and
 * where the minutes are kept), written straight into the shared `meta` map as they are typed,
 * so every attendee sees them at once. Empty fields are removed rather than stored empty.
 */
export function DetailsFields({ meta }: { meta: MeetingMeta }) {
  const { t } = useI18n();
  const { doc, announce } = useWorkspace();
  const id = useId();

  const write = (patch: MetaPatch) => {
    try {
      setMeta(doc, patch);
    } catch (error) {
      // A locked meeting or a value the document refuses: the field keeps the shared value.
      if (!(error instanceof DocError)) throw error;
      announce(t('agenda.errorGeneric'));
    }
  };
  // Clock and date inputs give '' while incomplete: that clears the field.
  const writeTime = (key: 'date' | 'startTime' | 'endTime', value: string) =>
    write({ [key]: value === '' ? null : value });
  const endsBeforeStart =
    meta.startTime !== null && meta.endTime !== null && meta.endTime < meta.startTime;

  const textField = (field: (typeof textFields)[number]) => (
    <div className="text-field meeting-details__field" key={field.key}>
      <label className="field-label" htmlFor={`${id}-${field.key}`}>
        {t(field.label)}
      </label>
      <input
        id={`${id}-${field.key}`}
        className="inline-field__input"
        type={field.type}
        value={meta[field.key]}
        maxLength={DocLimits.shortText}
        autoComplete="off"
        {...(field.hint === undefined ? {} : { 'aria-describedby': `${id}-${field.key}-hint` })}
        onChange={(event) =>
          write({ [field.key]: event.target.value === '' ? null : event.target.value })
        }
      />
      {field.hint !== undefined && (
        <span id={`${id}-${field.key}-hint`} className="hint meeting-details__hint">
          {t(field.hint)}
        </span>
      )}
    </div>
  );

  return (
    <div className="meeting-details__fields">
      <div className="text-field meeting-details__field">
        <label className="field-label" htmlFor={`${id}-date`}>
          {t('details.date')}
        </label>
        <input
          id={`${id}-date`}
          className="inline-field__input"
          type="date"
          value={meta.date ?? ''}
          onChange={(event) => writeTime('date', event.target.value)}
        />
      </div>
      <fieldset className="meeting-details__times">
        <legend className="field-label">{t('details.time')}</legend>
        <label className="meeting-details__time" htmlFor={`${id}-start`}>
          <span className="hint">{t('details.startTime')}</span>
          <input
            id={`${id}-start`}
            className="inline-field__input"
            type="time"
            value={meta.startTime ?? ''}
            onChange={(event) => writeTime('startTime', event.target.value)}
          />
        </label>
        <label className="meeting-details__time" htmlFor={`${id}-end`}>
          <span className="hint">{t('details.endTime')}</span>
          <input
            id={`${id}-end`}
            className="inline-field__input"
            type="time"
            value={meta.endTime ?? ''}
            aria-invalid={endsBeforeStart}
            {...(endsBeforeStart ? { 'aria-describedby': `${id}-end-error` } : {})}
            onChange={(event) => writeTime('endTime', event.target.value)}
          />
        </label>
        {endsBeforeStart && (
          <span id={`${id}-end-error`} className="text-field__error meeting-details__hint">
            {t('details.endBeforeStart')}
          </span>
        )}
      </fieldset>
      {textFields.map(textField)}
      <details className="meeting-details__more">
        <summary>{t('details.record')}</summary>
        {recordFields.map(textField)}
      </details>
    </div>
  );
}

/** The same details for those who may only read them. */
export function DetailsSummary({ meta }: { meta: MeetingMeta }) {
  const { t, language } = useI18n();
  const time = timeRange(meta);
  const rows: Array<{ key: string; label: MessageKey; value: string | null; link?: boolean }> = [
    {
      key: 'date',
      label: 'details.date',
      value: meta.date === null ? null : formatMeetingDate(meta.date, language),
    },
    { key: 'time', label: 'details.time', value: time },
    { key: 'place', label: 'details.place', value: meta.place || null },
    { key: 'videoLink', label: 'details.videoLink', value: meta.videoLink || null, link: true },
    { key: 'minutesNumber', label: 'details.minutesNumber', value: meta.minutesNumber || null },
    { key: 'storagePlace', label: 'details.storagePlace', value: meta.storagePlace || null },
  ];
  return (
    <dl className="meeting-details__list">
      {rows
        .filter((row) => row.value !== null || row.key === 'date' || row.key === 'place')
        .map((row) => (
          <div key={row.key} className="meeting-details__row" data-field={row.key}>
            <dt>{t(row.label)}</dt>
            <dd>
              {row.value === null ? (
                <span className="meeting-details__unset">{t('details.notSet')}</span>
              ) : row.link === true && /^https?:\/\//i.test(row.value) ? (
                <a href={row.value} target="_blank" rel="noreferrer noopener">
                  {row.value}
                </a>
              ) : (
                row.value
              )}
            </dd>
          </div>
        ))}
    </dl>
  );
}
