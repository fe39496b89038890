import accountsEn from './accounts.en.json';
import accountsSv from './accounts.sv.json';
import en from './en.json';
import lifecycleEn from './lifecycle.en.json';
import lifecycleSv from './lifecycle.sv.json';
import sv from './sv.json';
import workspaceEn from './workspace.en.json';
import workspaceSv from './workspace.sv.json';

/**
 * Catalogues are split by area (the app shell, accounts and boards, the meeting workspace, the
 * lifecycle with its exports, history, registers and verification) so that each area's strings
 * live next to each other; together they form one key space.
 * Swedish is the source: every key the UI may use is a key of a Swedish catalogue.
 */
const swedish = { ...sv, ...accountsSv, ...workspaceSv, ...lifecycleSv };
export type MessageKey = keyof typeof swedish;
export type Messages = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;

export const languages = ['sv', 'en'] as const;
export type Language = (typeof languages)[number];

// Typed as `Messages` so a key missing from en.json fails the typecheck instead of showing
// a raw key to an English-speaking board.
const english: Messages = { ...en, ...accountsEn, ...workspaceEn, ...lifecycleEn };
const catalogues: Record<Language, Messages> = { sv: swedish, en: english };

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
