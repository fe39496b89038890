import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../../client/src/app/routes.ts';
import {
  parseHistoryQuery,
  parseVersionRef,
  versionDiffPath,
} from '../../../client/src/history/historyQuery.ts';
import lifecycleEn from '../../../client/src/i18n/lifecycle.en.json';
import lifecycleSv from '../../../client/src/i18n/lifecycle.sv.json';
import { availableCommands, isLockedStatus } from '../../../client/src/lifecycle/lifecycleRules.ts';
import {
  addDays,
  validateCorrectionReason,
  validatePosting,
} from '../../../client/src/lifecycle/postingForm.ts';
import {
  parseRegisterQuery,
  registerQueryPath,
} from '../../../client/src/registers/registerQuery.ts';
import { sha256Fallback, sha256Hex } from '../../../client/src/verify/sha256.ts';
import type { LifecycleState } from '../../../shared/api/index.ts';

type State = Pick<LifecycleState, 'status' | 'signatures' | 'pendingSigners'>;

const signature = (userId: string, role: 'chair' | 'adjuster' | 'secretary') => ({
  userId,
  name: userId,
  role,
  signedAt: '2026-11-27T09:00:00.000Z',
  sha256: 'a'.repeat(64),
});

const state = (status: State['status'], extra: Partial<State> = {}): State => ({
  status,
  signatures: [],
  pendingSigners: [],
  ...extra,
});

describe('the lifecycle steps a role is offered', () => {
  it('lets the secretary and the chair run the meeting, and only the secretary lock it', () => {
    expect(availableCommands(state('draft'), 'secretary', 's')).toEqual([
      'sendNotice',
      'openSession',
      'lock',
    ]);
    expect(availableCommands(state('draft'), 'chair', 'c')).toEqual(['sendNotice', 'openSession']);
    expect(availableCommands(state('inSession'), 'chair', 'c')).toEqual(['closeSession']);
    expect(availableCommands(state('minutesDrafted'), 'secretary', 's')).toEqual(['lock']);
    for (const role of ['adjuster', 'member', 'observer'] as const) {
      expect(availableCommands(state('draft'), role, 'x')).toEqual([]);
      expect(availableCommands(state('inSession'), role, 'x')).toEqual([]);
    }
  });

  it('offers signing to each required signer who has not signed, and unlocking only before any signature', () => {
    const locked = state('lockedForAdjustment', {
      pendingSigners: [
        { userId: 'c', name: 'c', role: 'chair' },
        { userId: 's', name: 's', role: 'secretary' },
      ],
      signatures: [],
    });
    expect(availableCommands(locked, 'secretary', 's')).toEqual(['sign', 'unlock']);
    expect(availableCommands(locked, 'chair', 'c')).toEqual(['sign']);
    expect(availableCommands(locked, 'member', 'm')).toEqual([]);
    const oneSigned = { ...locked, signatures: [signature('a', 'adjuster')] };
    expect(availableCommands(oneSigned, 'secretary', 's')).toEqual(['sign']);
    // Signed already: nothing to sign again.
    expect(availableCommands(oneSigned, 'adjuster', 'a')).toEqual([]);
  });

  it('posts, archives and corrects adjusted minutes as the secretary only', () => {
    expect(availableCommands(state('signed'), 'secretary', 's')).toEqual(['post', 'correct']);
    expect(availableCommands(state('posted'), 'secretary', 's')).toEqual(['archive', 'correct']);
    expect(availableCommands(state('archived'), 'secretary', 's')).toEqual([]);
    expect(availableCommands(state('signed'), 'chair', 'c')).toEqual([]);
  });

  it('counts the minutes as locked from justering on', () => {
    expect(isLockedStatus('minutesDrafted')).toBe(false);
    expect(isLockedStatus('lockedForAdjustment')).toBe(true);
    expect(isLockedStatus('posted')).toBe(true);
  });
});

describe('the posting and correction forms', () => {
  it('want two real dates in order and a storage place', () => {
    expect(validatePosting({ postedFrom: '', postedTo: '2026-02-30', storagePlace: ' ' })).toEqual({
      errors: {
        postedFrom: 'posting.dateRequired',
        postedTo: 'posting.dateInvalid',
        storagePlace: 'posting.placeRequired',
      },
      request: null,
    });
    expect(
      validatePosting({
        postedFrom: '2026-12-10',
        postedTo: '2026-12-01',
        storagePlace: 'Kansliet',
      }).errors,
    ).toEqual({ postedTo: 'posting.toBeforeFrom' });
    expect(
      validatePosting({
        postedFrom: '2026-12-01',
        postedTo: '2026-12-22',
        storagePlace: '  Kansliet, Skövde ',
      }).request,
    ).toEqual({
      postedFrom: '2026-12-01',
      postedTo: '2026-12-22',
      storagePlace: 'Kansliet, Skövde',
    });
  });

  it('counts posting days over month and year ends', () => {
    expect(addDays('2026-12-20', 21)).toBe('2027-01-10');
    expect(addDays('2028-02-20', 10)).toBe('2028-03-01');
  });

  it('asks a correction for a reason of 3 to 1000 characters', () => {
    expect(validateCorrectionReason('  x ')).toBe('correction.reasonRequired');
    expect(validateCorrectionReason('Fel belopp i § 7')).toBeNull();
    expect(validateCorrectionReason('x'.repeat(1001))).toBe('correction.reasonTooLong');
  });
});

describe('SHA-256 in the browser', () => {
  const nodeSha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

  it('gives the known digests, at every padding boundary', () => {
    expect(hex(sha256Fallback(new Uint8Array()))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    for (const length of [1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const bytes = new Uint8Array(length).map((_, index) => (index * 31) % 256);
      expect(hex(sha256Fallback(bytes)), `length ${length}`).toBe(nodeSha(bytes));
    }
  });

  it('agrees with Node for any bytes, with and without Web Crypto', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        expect(hex(sha256Fallback(bytes))).toBe(nodeSha(bytes));
        expect(await sha256Hex(bytes)).toBe(nodeSha(bytes));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the pages of the lifecycle', () => {
  it('have addresses of their own', () => {
    expect(parseRoute('/verify')).toEqual({ page: 'verify' });
    expect(parseRoute('/m/abc123/history')).toEqual({
      page: 'meetingHistory',
      meetingId: 'abc123',
    });
    expect(parseRoute('/m/inte%20giltigt/history')).toEqual({
      page: 'invalidMeeting',
      meetingId: 'inte giltigt',
    });
    expect(parseRoute('/b/B_1/register/')).toEqual({ page: 'register', boardId: 'B_1' });
  });

  it('read versions from the query string and ignore anything else', () => {
    expect(parseVersionRef('current')).toBe('current');
    expect(parseVersionRef('12')).toBe(12);
    expect(parseVersionRef('-1')).toBeNull();
    expect(parseVersionRef('1e3')).toBeNull();
    expect(parseHistoryQuery('from=3&to=current')).toEqual({ view: null, from: 3, to: 'current' });
    expect(versionDiffPath('m1', 3, 'current')).toBe('/m/m1/history?from=3&to=current');
  });

  it('keep the register’s tab, search and filter in the address', () => {
    const path = registerQueryPath('b1', { tab: 'decisions', q: ' budget 2027 ', status: 'open' });
    expect(path).toBe('/b/b1/register?q=budget+2027');
    expect(parseRegisterQuery(path.split('?')[1] ?? '')).toEqual({
      tab: 'decisions',
      q: 'budget 2027',
      status: 'open',
    });
    expect(registerQueryPath('b1', { tab: 'assignments', q: 'x', status: 'done' })).toBe(
      '/b/b1/register?tab=assignments&status=done',
    );
    expect(parseRegisterQuery('tab=nonsense&status=weird')).toEqual({
      tab: 'decisions',
      q: '',
      status: 'open',
    });
  });
});

describe('the lifecycle catalogues', () => {
  it('have the same keys and placeholders in Swedish and English', () => {
    const placeholders = (text: string) =>
      [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
    const sv: Record<string, string> = lifecycleSv;
    const en: Record<string, string> = lifecycleEn;
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    for (const key of Object.keys(sv)) {
      expect(placeholders(en[key] ?? ''), key).toEqual(placeholders(sv[key] ?? ''));
      expect(sv[key]?.trim(), key).not.toBe('');
    }
  });
});
