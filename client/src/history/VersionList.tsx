import { type FormEvent, useState } from 'react';
import type { Version } from '../../../shared/api/index.ts';
import type { VersionRef } from '../api/history.ts';
import { formatDateTime } from '../app/dates.ts';
import { followInApp, navigate } from '../app/navigation.ts';
import { SelectField } from '../app/SelectField.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { versionDiffPath, versionViewPath } from './historyQuery.ts';

/** The save points, newest first, each with "show" and "compare with now". */
export function VersionTable({
  meetingId,
  versions,
  nameOf,
}: {
  meetingId: string;
  versions: Version[];
  nameOf: (userId: string | null) => string;
}) {
  const { t, language } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{t('history.listHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.when')}</th>
            <th scope="col">{t('history.version')}</th>
            <th scope="col">{t('history.by')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('members.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={version.id}>
              <td className="history-table__when">{formatDateTime(version.createdAt, language)}</td>
              <th scope="row" className="data-table__name">
                {version.label}
                {version.reason !== null && (
                  <span className="history-table__reason">
                    {t('history.reason', { reason: version.reason })}
                  </span>
                )}
              </th>
              <td>{nameOf(version.createdBy)}</td>
              <td className="data-table__actions">
                <span className="data-table__buttons">
                  <a
                    className="button button--small"
                    href={versionViewPath(meetingId, version.id)}
                    onClick={followInApp}
                    aria-label={t('history.showNamed', { label: version.label })}
                  >
                    {t('history.show')}
                  </a>
                  <a
                    className="button button--small"
                    href={versionDiffPath(meetingId, version.id, 'current')}
                    onClick={followInApp}
                    aria-label={t('history.compareNamed', { label: version.label })}
                  >
                    {t('history.compareWithCurrent')}
                  </a>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Two versions (or one and the minutes as they are now) to compare. */
export function CompareForm({
  meetingId,
  versions,
  initialFrom,
  initialTo,
}: {
  meetingId: string;
  versions: Version[];
  initialFrom: VersionRef;
  initialTo: VersionRef;
}) {
  const { t, language } = useI18n();
  const [from, setFrom] = useState(String(initialFrom));
  const [to, setTo] = useState(String(initialTo));
  const options = [
    { value: 'current', label: t('history.currentOption') },
    ...versions.map((version) => ({
      value: String(version.id),
      label: `${version.label} – ${formatDateTime(version.createdAt, language)}`,
    })),
  ];
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ref = (value: string): VersionRef => (value === 'current' ? 'current' : Number(value));
    navigate(versionDiffPath(meetingId, ref(from), ref(to)));
  };
  return (
    <form className="card compare-form" onSubmit={onSubmit} aria-labelledby="compare-heading">
      <h3 id="compare-heading" className="card-heading">
        {t('history.compareHeading')}
      </h3>
      <div className="compare-form__row">
        <SelectField label={t('history.from')} value={from} options={options} onChange={setFrom} />
        <SelectField label={t('history.to')} value={to} options={options} onChange={setTo} />
        <button type="submit" className="button button--primary">
          {t('history.compare')}
        </button>
      </div>
    </form>
  );
}
