import type { ApiFailure } from '../api/http.ts';
import { apiErrorKey } from '../app/apiErrors.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Says why something could not be loaded, with a way to try again. */
export function LoadFailure({ failure, onRetry }: { failure: ApiFailure; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="load-failure" role="alert">
      <p>{t(apiErrorKey(failure))}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
