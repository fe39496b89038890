import { isLanguage, type Language } from './messages.ts';

const storageKey = 'justera:language';

/**
 * The language to start in: the one the person chose before, else the first of the browser's
 * languages we have, else Swedish (Justera is made for Swedish boards).
 */
export function initialLanguage(): Language {
  const stored = readStoredLanguage();
  if (stored !== null) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'sv';
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
