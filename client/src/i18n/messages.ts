import en from './en.json';
import sv from './sv.json';

/** Swedish is the source catalogue: every key the UI may use is a key of sv.json. */
export type MessageKey = keyof typeof sv;
export type Messages = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;

export const languages = ['sv', 'en'] as const;
export type Language = (typeof languages)[number];

// Typed as `Messages` so a key missing from en.json fails the typecheck instead of showing
// a raw key to an English-speaking board.
const english: Messages = en;
const catalogues: Record<Language, Messages> = { sv, en: english };

/** Each language's name written in that language, for the switch. */
export const languageNames: Record<Language, string> = { sv: 'Svenska', en: 'English' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Looks up `key` and fills `{name}` placeholders from `params`. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[language][key];
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined ? placeholder : String(value);
  });
}
