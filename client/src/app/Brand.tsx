import { useI18n } from '../i18n/I18nProvider.tsx';
import { followInApp } from './navigation.ts';

/** The app's name and mark, linking to the start page. */
export function Brand() {
  const { t } = useI18n();
  return (
    <a className="brand" href="/" onClick={followInApp} aria-label={t('app.home')}>
      <img className="brand__mark" src="/favicon.svg" alt="" width="28" height="28" />
      <span className="brand__name">{t('app.name')}</span>
    </a>
  );
}
