import type { LifecycleState } from '../../../shared/api/index.ts';
import { formatDay } from '../app/dates.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { isLockedStatus } from './lifecycleRules.ts';
import { SignatureList } from './SignatureList.tsx';

function LockIcon() {
  return (
    <svg
      className="lock-banner__icon"
      viewBox="0 0 24 24"
      width="22"
      height="22"
      aria-hidden="true"
      focusable="false"
    >
      <rect
        x="5"
        y="10.5"
        width="14"
        height="10"
        rx="2"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      />
      <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

/**
 * Shown while nobody can change the minutes: locked for justering (with who signed and who
 * still has to), or adjusted (justerat, with the justeringsdatum and the posting, anslag).
 */
export function LockBanner({
  state,
  myUserId,
}: {
  state: LifecycleState;
  myUserId: string | null;
}) {
  const { t, language } = useI18n();
  if (!isLockedStatus(state.status)) return null;
  const adjusting = state.status === 'lockedForAdjustment';
  const title = adjusting
    ? t('lockBanner.locked')
    : state.adjustedOn === null
      ? t('lockBanner.adjusted')
      : t('lockBanner.adjustedOn', { date: formatDay(state.adjustedOn, language) });
  return (
    <section className="lock-banner" data-status={state.status} aria-labelledby="lock-banner-title">
      <div className="lock-banner__inner">
        <div className="lock-banner__head">
          <LockIcon />
          <div>
            <h2 id="lock-banner-title" className="lock-banner__title">
              {title}
            </h2>
            <p className="lock-banner__text">
              {adjusting ? t('lockBanner.lockedText') : t('lockBanner.adjustedText')}
            </p>
          </div>
        </div>
        <SignatureList state={state} myUserId={myUserId} />
        {state.posting !== null && (
          <p className="lock-banner__posting">
            {t('lockBanner.posting', {
              from: state.posting.postedFrom,
              to: state.posting.postedTo,
              place: state.posting.storagePlace,
            })}
          </p>
        )}
      </div>
    </section>
  );
}
