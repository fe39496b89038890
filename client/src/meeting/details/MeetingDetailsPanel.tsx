import { useState } from 'react';
import type { AttendeeSnapshot, MeetingMeta } from '../../../../shared/doc/index.ts';
import { formatMeetingDate } from '../../app/dates.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useOfficers } from '../../sync/docStores.ts';
import { useWorkspace } from '../workspaceContext.ts';
import { DetailsFields, DetailsSummary, timeRange } from './DetailsFields.tsx';
import { OfficersFields, OfficersSummary } from './OfficersFields.tsx';

export interface MeetingDetailsPanelProps {
  meta: MeetingMeta;
  people: AttendeeSnapshot[];
}

/**
 * Sammanträdet: when and where the meeting is held and its officers (ordförande, sekreterare,
 * justerare). The chair and the secretary edit them while the meeting runs; everyone else,
 * adjusters included, reads them (the server refuses their writes to the header and officers).
 * Folded, it leaves one line (date, time, place) so the attendance list below gets the room.
 */
export function MeetingDetailsPanel({ meta, people }: MeetingDetailsPanelProps) {
  const { t, language } = useI18n();
  const { doc, capabilities } = useWorkspace();
  const officers = useOfficers(doc);
  const [open, setOpen] = useState(true);
  const editable = capabilities.editStructure;
  const summary = [
    meta.date === null ? null : formatMeetingDate(meta.date, language),
    timeRange(meta),
    meta.place || null,
  ].filter((part): part is string => part !== null);
  return (
    <section className="meeting-details" aria-labelledby="details-heading">
      <h2 id="details-heading" className="panel-heading meeting-details__heading">
        <button
          type="button"
          className="meeting-details__toggle"
          aria-expanded={open}
          aria-controls="details-body"
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true" className="meeting-details__chevron">
            {open ? '▾' : '▸'}
          </span>
          {t('details.heading')}
        </button>
      </h2>
      {!open && summary.length > 0 && (
        <p className="meeting-details__summary">{summary.join(' · ')}</p>
      )}
      <div id="details-body" hidden={!open}>
        <div className="meeting-details__section">
          <h3 className="meeting-details__section-heading">{t('details.whenAndWhere')}</h3>
          {editable ? <DetailsFields meta={meta} /> : <DetailsSummary meta={meta} />}
        </div>
        <div className="meeting-details__section">
          <h3 className="meeting-details__section-heading">{t('officers.heading')}</h3>
          {editable ? (
            <OfficersFields officers={officers} people={people} />
          ) : (
            <OfficersSummary officers={officers} people={people} />
          )}
        </div>
      </div>
    </section>
  );
}
