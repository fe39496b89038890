import { useEffect, useState } from 'react';
import type { ExportFormat, MeetingStatus } from '../../../shared/api/index.ts';
import type { ApiFailure } from '../api/http.ts';
import { exportUrl, fetchSignedFiles, type SignedFile, signedFileUrl } from '../api/lifecycle.ts';
import { apiErrorKey } from '../app/apiErrors.ts';
import { formatDateTime } from '../app/dates.ts';
import { followInApp } from '../app/navigation.ts';
import { usePopover } from '../app/usePopover.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { isLockedStatus } from './lifecycleRules.ts';

const minutesFormats: ReadonlyArray<{ format: ExportFormat; label: MessageKey }> = [
  { format: 'pdf', label: 'export.pdf' },
  { format: 'docx', label: 'export.docx' },
  { format: 'html', label: 'export.html' },
  { format: 'md', label: 'export.md' },
  { format: 'json', label: 'export.json' },
];

type IssuedState =
  | { status: 'idle' | 'loading' }
  | { status: 'ready'; files: SignedFile[] }
  | { status: 'failed'; failure: ApiFailure };

/**
 * "Export": the minutes in every format, the notice (kallelse) as PDF, and once the minutes are
 * adjusted the exact files that were issued for them. A disclosure (button + list of links), not
 * an ARIA menu: plain links that Tab reaches, Escape closes, and the browser downloads.
 */
export function ExportMenu({ meetingId, status }: { meetingId: string; status: MeetingStatus }) {
  const { t } = useI18n();
  const { open, setOpen, containerRef, buttonRef, panelId } = usePopover();
  const [issued, setIssued] = useState<IssuedState>({ status: 'idle' });
  const adjusted = status === 'signed' || status === 'posted' || status === 'archived';

  // The issued files are asked for each time the menu opens: a signature may have just issued one.
  useEffect(() => {
    if (!open || !adjusted) return;
    const controller = new AbortController();
    setIssued({ status: 'loading' });
    void fetchSignedFiles(meetingId, controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      setIssued(
        result.ok ? { status: 'ready', files: result.data } : { status: 'failed', failure: result },
      );
    });
    return () => controller.abort();
  }, [open, adjusted, meetingId]);

  const close = () => setOpen(false);

  return (
    <div className="export-menu" ref={containerRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        {t('export.button')}
        <span className="export-menu__chevron" aria-hidden="true" />
      </button>
      <div id={panelId} className="export-menu__panel" hidden={!open}>
        <div className="export-menu__group">
          <p id={`${panelId}-minutes`} className="export-menu__heading">
            {isLockedStatus(status) ? t('export.minutesLocked') : t('export.minutes')}
          </p>
          <ul className="export-menu__list" aria-labelledby={`${panelId}-minutes`}>
            {minutesFormats.map(({ format, label }) => (
              <li key={format}>
                <a
                  className="export-menu__link"
                  href={exportUrl(meetingId, format)}
                  download
                  onClick={close}
                >
                  {t(label)}
                </a>
              </li>
            ))}
          </ul>
        </div>
        <div className="export-menu__group">
          <p id={`${panelId}-notice`} className="export-menu__heading">
            {t('export.notice')}
          </p>
          <ul className="export-menu__list" aria-labelledby={`${panelId}-notice`}>
            <li>
              <a
                className="export-menu__link"
                href={exportUrl(meetingId, 'pdf', 'notice')}
                download
                onClick={close}
              >
                {t('export.noticePdf')}
              </a>
            </li>
          </ul>
        </div>
        {adjusted && (
          <div className="export-menu__group">
            <p id={`${panelId}-issued`} className="export-menu__heading">
              {t('export.issued')}
            </p>
            {issued.status === 'loading' && (
              <p className="export-menu__note" role="status">
                {t('common.loading')}
              </p>
            )}
            {issued.status === 'failed' && (
              <p className="export-menu__note" role="alert">
                {t(apiErrorKey(issued.failure))}
              </p>
            )}
            {issued.status === 'ready' && issued.files.length === 0 && (
              <p className="export-menu__note">{t('export.noIssued')}</p>
            )}
            {issued.status === 'ready' && issued.files.length > 0 && (
              <IssuedFiles
                meetingId={meetingId}
                files={issued.files}
                labelledBy={`${panelId}-issued`}
                supersededId={`${panelId}-superseded`}
                onChoose={close}
              />
            )}
          </div>
        )}
        <p className="export-menu__footer">
          <a href="/verify" onClick={followInApp}>
            {t('export.verifyLink')}
          </a>
        </p>
      </div>
    </div>
  );
}

/** The PDF is what people file; JSON is for machines. Otherwise newest first, as given. */
function pdfFirst(a: SignedFile, b: SignedFile): number {
  return (a.format === 'pdf' ? 0 : 1) - (b.format === 'pdf' ? 0 : 1);
}

/**
 * The files issued for the adjusted minutes: the newest of each format is the one in force (a
 * posting issues the protocol again, with its anslag); older ones stay listed, and verifiable,
 * as superseded.
 */
function IssuedFiles({
  meetingId,
  files,
  labelledBy,
  supersededId,
  onChoose,
}: {
  meetingId: string;
  files: SignedFile[];
  labelledBy: string;
  supersededId: string;
  onChoose: () => void;
}) {
  const { t } = useI18n();
  // The server lists them newest first.
  const current = files
    .filter((file, index) => files.findIndex((other) => other.format === file.format) === index)
    .sort(pdfFirst);
  const superseded = files.filter((file) => !current.includes(file)).sort(pdfFirst);
  return (
    <>
      <ul className="export-menu__list" aria-labelledby={labelledBy}>
        {current.map((file) => (
          <IssuedFileLink key={file.sha256} meetingId={meetingId} file={file} onChoose={onChoose} />
        ))}
      </ul>
      {superseded.length > 0 && (
        <>
          <p id={supersededId} className="export-menu__subheading">
            {t('export.superseded')}
          </p>
          <ul className="export-menu__list" aria-labelledby={supersededId}>
            {superseded.map((file) => (
              <IssuedFileLink
                key={file.sha256}
                meetingId={meetingId}
                file={file}
                onChoose={onChoose}
              />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function IssuedFileLink({
  meetingId,
  file,
  onChoose,
}: {
  meetingId: string;
  file: SignedFile;
  onChoose: () => void;
}) {
  const { t, language } = useI18n();
  return (
    <li>
      <a
        className="export-menu__link"
        href={signedFileUrl(meetingId, file.sha256)}
        download
        onClick={onChoose}
      >
        <span>{t('export.issuedFile', { format: file.format.toUpperCase() })}</span>
        <span className="export-menu__meta">
          {t('export.issuedMeta', { time: formatDateTime(file.createdAt, language) })}{' '}
          <span className="export-menu__hash">
            {t('export.checksum', { hash: file.sha256.slice(0, 10) })}
          </span>
        </span>
      </a>
    </li>
  );
}
