import { type ChangeEvent, useId, useRef, useState } from 'react';
import type { MeetingRole, Verification } from '../../../shared/api/index.ts';
import type { ApiFailure } from '../api/http.ts';
import { verifyFile } from '../api/lifecycle.ts';
import { apiErrorKey } from '../app/apiErrors.ts';
import { CardPage } from '../app/CardPage.tsx';
import { formatDay, formatMeetingDate } from '../app/dates.ts';
import { PageHeading } from '../app/PageHeading.tsx';
import { meetingRoleLabels } from '../boards/roleLabels.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { sha256Hex } from './sha256.ts';

type Check =
  | { state: 'idle' }
  | { state: 'hashing'; fileName: string }
  | { state: 'asking'; fileName: string; sha256: string }
  | { state: 'done'; fileName: string; sha256: string; verification: Verification }
  | { state: 'failed'; fileName: string; failure: ApiFailure | null };

/**
 * `/verify` (public, signed in or not): is this file the signed protocol Justera issued? The
 * file never leaves the browser; only its SHA-256 goes to GET /api/verify/:sha256.
 */
export function VerifyPage() {
  const { t } = useI18n();
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const inputId = useId();
  // Only the answer for the file chosen last may show, however the requests overtake each other.
  const latest = useRef(0);

  const onChoose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file === undefined) return;
    const run = ++latest.current;
    const fileName = file.name;
    setCheck({ state: 'hashing', fileName });
    let sha256: string;
    try {
      sha256 = await sha256Hex(new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      console.warn('Could not read the chosen file', error);
      if (run === latest.current) setCheck({ state: 'failed', fileName, failure: null });
      return;
    }
    if (run !== latest.current) return;
    setCheck({ state: 'asking', fileName, sha256 });
    const result = await verifyFile(sha256);
    if (run !== latest.current) return;
    setCheck(
      result.ok
        ? { state: 'done', fileName, sha256, verification: result.data }
        : { state: 'failed', fileName, failure: result },
    );
  };

  return (
    <CardPage title={t('verify.heading')}>
      <section className="card verify" aria-labelledby="verify-heading">
        <PageHeading className="simple-page__heading" id="verify-heading">
          {t('verify.heading')}
        </PageHeading>
        <p className="simple-page__message">{t('verify.intro')}</p>
        <div className="text-field">
          <label className="text-field__label" htmlFor={inputId}>
            {t('verify.file')}
          </label>
          <input
            id={inputId}
            className="verify__file"
            type="file"
            accept=".pdf,application/pdf,.json,application/json"
            aria-describedby={`${inputId}-hint`}
            onChange={(event) => void onChoose(event)}
          />
          <p id={`${inputId}-hint`} className="hint">
            {t('verify.privacy')}
          </p>
        </div>
        <div aria-live="polite" className="verify__outcome">
          {(check.state === 'hashing' || check.state === 'asking') && (
            <p className="muted">
              {check.state === 'hashing' ? t('verify.hashing') : t('verify.asking')}
            </p>
          )}
          {check.state === 'failed' && (
            <p className="form-alert form-alert--error">
              {check.failure === null ? t('verify.readFailed') : t(apiErrorKey(check.failure))}
            </p>
          )}
          {check.state === 'done' && (
            <Outcome
              fileName={check.fileName}
              sha256={check.sha256}
              verification={check.verification}
            />
          )}
        </div>
      </section>
    </CardPage>
  );
}

function Outcome({
  fileName,
  sha256,
  verification,
}: {
  fileName: string;
  sha256: string;
  verification: Verification;
}) {
  const { t, language } = useI18n();
  const checksum = (
    <p className="verify__checksum">
      {t('verify.checksum')} <code>{sha256}</code>
    </p>
  );
  if (!verification.valid) {
    return (
      <div className="verify-result" data-valid="false">
        <h2 className="verify-result__title">
          <span className="verify-result__mark" aria-hidden="true">
            ✕
          </span>
          {t('verify.invalidTitle')}
        </h2>
        <p>{t('verify.invalidText', { file: fileName })}</p>
        {checksum}
      </div>
    );
  }
  const roleOf = (role: string) =>
    role in meetingRoleLabels ? t(meetingRoleLabels[role as MeetingRole]) : role;
  return (
    <div className="verify-result" data-valid="true">
      <h2 className="verify-result__title">
        <span className="verify-result__mark" aria-hidden="true">
          ✓
        </span>
        {t('verify.validTitle')}
      </h2>
      <p>{t('verify.validText', { file: fileName })}</p>
      {verification.superseded !== null && (
        <p className="form-alert form-alert--info" data-superseded="true">
          {t('verify.superseded', {
            date: formatDay(verification.superseded.correctedOn, language),
            reason: verification.superseded.reason,
          })}
        </p>
      )}
      <dl className="details">
        <div>
          <dt>{t('verify.organ')}</dt>
          <dd>{verification.organ === '' ? '—' : verification.organ}</dd>
        </div>
        <div>
          <dt>{t('verify.meeting')}</dt>
          <dd>{verification.title}</dd>
        </div>
        <div>
          <dt>{t('verify.date')}</dt>
          <dd>{formatMeetingDate(verification.date, language)}</dd>
        </div>
        <div>
          <dt>{t('verify.adjustedOn')}</dt>
          <dd>
            {verification.adjustedOn === null ? '—' : formatDay(verification.adjustedOn, language)}
          </dd>
        </div>
        <div>
          <dt>{t('verify.format')}</dt>
          <dd>{verification.format.toUpperCase()}</dd>
        </div>
      </dl>
      <p className="verify-result__subheading" id="verify-signatures">
        {t('verify.signatures')}
      </p>
      <ul className="signatures__list" aria-labelledby="verify-signatures">
        {verification.signatures.map((signature) => (
          <li
            key={`${signature.name}:${signature.role}`}
            className="signatures__row"
            data-signed="true"
          >
            <span className="signatures__mark" aria-hidden="true">
              ✓
            </span>
            <span>
              <strong>{signature.name}</strong>
              <span className="signatures__role">{roleOf(signature.role)}</span>
            </span>
            <span className="signatures__when">
              {t('signatures.signedAt', { time: signature.signedAt })}
            </span>
          </li>
        ))}
      </ul>
      {checksum}
    </div>
  );
}
