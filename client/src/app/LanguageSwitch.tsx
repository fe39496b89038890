import { useI18n } from '../i18n/I18nProvider.tsx';
import { languageNames, languages } from '../i18n/messages.ts';

/** Two-button switch between Swedish and English; each name is written in its own language. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t('language.label')}</legend>
      {languages.map((option) => (
        <button
          key={option}
          type="button"
          className="language-switch__option"
          lang={option}
          aria-pressed={option === language}
          onClick={() => setLanguage(option)}
        >
          <span aria-hidden="true">{option.toUpperCase()}</span>
          <span className="visually-hidden">{languageNames[option]}</span>
        </button>
      ))}
    </fieldset>
  );
}
