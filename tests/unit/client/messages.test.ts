import { describe, expect, it } from 'vitest';
import { apiErrorKey } from '../../../client/src/app/apiErrors.ts';
import accountsEn from '../../../client/src/i18n/accounts.en.json';
import accountsSv from '../../../client/src/i18n/accounts.sv.json';
import { translate } from '../../../client/src/i18n/messages.ts';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

describe('the accounts catalogues', () => {
  it('have the same keys and the same placeholders in Swedish and English', () => {
    const sv: Record<string, string> = accountsSv;
    const en: Record<string, string> = accountsEn;
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    for (const key of Object.keys(sv)) {
      expect(placeholders(en[key] ?? ''), key).toEqual(placeholders(sv[key] ?? ''));
      expect(sv[key]?.trim(), key).not.toBe('');
    }
  });
});

describe('apiErrorKey', () => {
  const http = (status: number, code: string) =>
    ({ ok: false, kind: 'http', status, code, message: 'english text' }) as const;

  it('explains the invitation failures by their stable codes', () => {
    expect(translate('sv', apiErrorKey(http(410, 'invitation_used')))).toBe(
      'Inbjudningslänken har redan använts.',
    );
    expect(apiErrorKey(http(410, 'invitation_expired'))).toBe('error.invitationExpired');
    expect(apiErrorKey(http(403, 'invitation_wrong_email'))).toBe('error.invitationWrongEmail');
  });

  it('falls back to a general message, and says when the network is the problem', () => {
    expect(apiErrorKey(http(500, 'internal_error'))).toBe('error.server');
    expect(apiErrorKey(http(418, 'teapot'))).toBe('error.unexpected');
    expect(apiErrorKey({ ok: false, kind: 'network', error: new TypeError('fetch failed') })).toBe(
      'error.network',
    );
  });
});
