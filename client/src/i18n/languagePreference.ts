import { isLanguage, type Language } from './messages.ts';

const storageKey = 'justera:language';

/**
 * The language to start in: the one the person chose before, else Swedish. Justera is made for
 * Swedish boards, and minutes are Swedish documents even when someone's browser is set to
 * English, so the browser's language is deliberately not consulted.
 */
export function initialLanguage(): Language {
  return readStoredLanguage() ?? 'sv';
}

export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch (error) {
    // Private mode or a full quota: the choice then lasts for this page only, which is acceptable.
    console.warn('Could not remember the language choice', error);
  }
}

function readStoredLanguage(): Language | null {
  try {
    const value = localStorage.getItem(storageKey);
    return isLanguage(value) ? value : null;
  } catch (error) {
    console.warn('Could not read the stored language', error);
    return null;
  }
}
