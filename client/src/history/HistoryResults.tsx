import type { VersionRef } from '../api/history.ts';
import { fetchDiff, fetchVersion } from '../api/history.ts';
import { followInApp } from '../app/navigation.ts';
import { focusOnArrival } from '../app/pageFocus.ts';
import { meetingHistoryPath } from '../app/routes.ts';
import { useApiData } from '../app/useApiData.ts';
import { LoadFailure } from '../boards/LoadFailure.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { DiffView } from './DiffView.tsx';
import { VersionView } from './VersionView.tsx';

/** The result's heading takes the focus when a link or the compare form brought it up. */
function ResultHeading({ children }: { children: string }) {
  return (
    <h2 id="result-heading" className="section-heading" tabIndex={-1} ref={focusOnArrival}>
      {children}
    </h2>
  );
}

/** What changed between two versions. */
export function DiffResult({
  meetingId,
  from,
  to,
  title,
  subtitle,
}: {
  meetingId: string;
  from: VersionRef;
  to: VersionRef;
  title: string;
  subtitle: string;
}) {
  const { t } = useI18n();
  const [diff, reload] = useApiData(
    (signal) => fetchDiff(meetingId, from, to, signal),
    `diff:${meetingId}:${from}:${to}`,
  );
  return (
    <section className="board-section history-result" aria-labelledby="result-heading">
      <div className="board-section__header">
        <div>
          <ResultHeading>{title}</ResultHeading>
          <p className="history-result__subtitle">{subtitle}</p>
        </div>
        <a
          className="button button--small"
          href={meetingHistoryPath(meetingId)}
          onClick={followInApp}
        >
          {t('common.close')}
        </a>
      </div>
      {diff.status === 'loading' && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {diff.status === 'failed' && <LoadFailure failure={diff.failure} onRetry={reload} />}
      {diff.status === 'ready' && <DiffView diff={diff.data} />}
    </section>
  );
}

/** One version as it was. */
export function VersionResult({
  meetingId,
  version,
  title,
  subtitle,
}: {
  meetingId: string;
  version: VersionRef;
  title: string;
  subtitle: string;
}) {
  const { t } = useI18n();
  const [snapshot, reload] = useApiData(
    (signal) => fetchVersion(meetingId, version, signal),
    `version:${meetingId}:${version}`,
  );
  return (
    <section className="board-section history-result" aria-labelledby="result-heading">
      <div className="board-section__header">
        <div>
          <ResultHeading>{title}</ResultHeading>
          <p className="history-result__subtitle">{subtitle}</p>
        </div>
        <a
          className="button button--small"
          href={meetingHistoryPath(meetingId)}
          onClick={followInApp}
        >
          {t('common.close')}
        </a>
      </div>
      {snapshot.status === 'loading' && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {snapshot.status === 'failed' && <LoadFailure failure={snapshot.failure} onRetry={reload} />}
      {snapshot.status === 'ready' && <VersionView snapshot={snapshot.data} />}
    </section>
  );
}
