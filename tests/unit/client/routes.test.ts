import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  guardRoute,
  itemAnchor,
  itemFromHash,
  loginPath,
  meetingItemPath,
  nextFromLocation,
  parseRoute,
  safeNextPath,
} from '../../../client/src/app/routes.ts';

describe('parseRoute', () => {
  it('maps every page of the app', () => {
    expect(parseRoute('/')).toEqual({ page: 'home' });
    expect(parseRoute('')).toEqual({ page: 'home' });
    expect(parseRoute('/login')).toEqual({ page: 'login' });
    expect(parseRoute('/signup/')).toEqual({ page: 'signup' });
    expect(parseRoute('/account')).toEqual({ page: 'account' });
    expect(parseRoute('/b/AbC_12-x')).toEqual({ page: 'board', boardId: 'AbC_12-x' });
    expect(parseRoute('/invitation/tok_EN-1')).toEqual({ page: 'invitation', token: 'tok_EN-1' });
    expect(parseRoute('/m/abc123')).toEqual({ page: 'meeting', meetingId: 'abc123' });
  });

  it('tells an invalid meeting id apart from a page that does not exist', () => {
    expect(parseRoute('/m/inte%20giltigt!')).toEqual({
      page: 'invalidMeeting',
      meetingId: 'inte giltigt!',
    });
    expect(parseRoute('/m/%E0%A4%A')).toEqual({ page: 'invalidMeeting', meetingId: '%E0%A4%A' });
    expect(parseRoute('/b/')).toEqual({ page: 'notFound' });
    expect(parseRoute('/b/x/y')).toEqual({ page: 'notFound' });
    expect(parseRoute('/loginx')).toEqual({ page: 'notFound' });
  });
});

describe('meetingItemPath', () => {
  it('links to a § of a meeting: the workspace page, with the § element id as the fragment', () => {
    const url = new URL(meetingItemPath('0isq6jIPCm2HKTb3', 'item_5-a'), 'https://justera.test');
    expect(parseRoute(url.pathname)).toEqual({ page: 'meeting', meetingId: '0isq6jIPCm2HKTb3' });
    expect(url.hash).toBe(`#${itemAnchor('item_5-a')}`);
    expect(itemFromHash(url.hash)).toBe('item_5-a');
  });

  it('reads no item from other fragments', () => {
    for (const hash of ['', '#', '#minutes', '#item-', '#%E0%A4%A'])
      expect(itemFromHash(hash)).toBeNull();
  });

  it('round-trips any item id', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (itemId) => {
        const { hash } = new URL(meetingItemPath('m1', itemId), 'https://justera.test');
        expect(itemFromHash(hash)).toBe(itemId);
      }),
    );
  });
});

describe('safeNextPath', () => {
  it('keeps paths of this app, with their query', () => {
    expect(safeNextPath('/b/x')).toBe('/b/x');
    expect(safeNextPath('/m/abc?x=1')).toBe('/m/abc?x=1');
    expect(safeNextPath('/invitation/tok')).toBe('/invitation/tok');
  });

  it('refuses anything that could lead to another site (open redirect)', () => {
    for (const hostile of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      '/\t/evil.example',
      ' /b/x',
      '',
    ]) {
      expect(safeNextPath(hostile), hostile).toBe('/');
    }
    expect(safeNextPath(null)).toBe('/');
    expect(safeNextPath(undefined)).toBe('/');
  });

  it('never sends a signed-in person back to a sign-in page (no redirect loop)', () => {
    expect(safeNextPath('/login')).toBe('/');
    expect(safeNextPath('/login?next=/b/x')).toBe('/');
    expect(safeNextPath('/signup/')).toBe('/');
  });

  it('only ever returns a same-origin path, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const result = safeNextPath(input);
        const resolved = new URL(result, 'https://justera.example/');
        expect(resolved.origin).toBe('https://justera.example');
        expect(result.startsWith('/')).toBe(true);
      }),
    );
  });
});

describe('loginPath and nextFromLocation', () => {
  it('round-trip the page to come back to', () => {
    expect(loginPath('/m/abc')).toBe('/login?next=%2Fm%2Fabc');
    expect(nextFromLocation(loginPath('/m/abc'))).toBe('/m/abc');
    expect(nextFromLocation(loginPath('/b/x?tab=1'))).toBe('/b/x?tab=1');
  });

  it('leaves the parameter out for the start page', () => {
    expect(loginPath('/')).toBe('/login');
    expect(loginPath()).toBe('/login');
    expect(nextFromLocation('/login')).toBe('/');
  });
});

describe('guardRoute', () => {
  const board = parseRoute('/b/x');
  const login = parseRoute('/login');

  it('sends a signed-out visitor of a protected page to sign in, and back afterwards', () => {
    expect(guardRoute(board, '/b/x', 'signedOut')).toEqual({
      action: 'redirect',
      to: '/login?next=%2Fb%2Fx',
    });
    expect(guardRoute(parseRoute('/'), '/', 'signedOut')).toEqual({
      action: 'redirect',
      to: '/login',
    });
    expect(guardRoute(parseRoute('/m/abc'), '/m/abc', 'signedOut')).toEqual({
      action: 'redirect',
      to: '/login?next=%2Fm%2Fabc',
    });
  });

  it('renders nothing protected before the session is known', () => {
    expect(guardRoute(board, '/b/x', 'unknown')).toEqual({ action: 'wait' });
    expect(guardRoute(login, '/login', 'unknown')).toEqual({ action: 'wait' });
  });

  it('moves a signed-in person from the sign-in pages on to where they were heading', () => {
    expect(guardRoute(login, '/login?next=%2Fb%2Fx', 'signedIn')).toEqual({
      action: 'redirect',
      to: '/b/x',
    });
    expect(
      guardRoute(parseRoute('/signup'), '/signup?next=https://evil.example', 'signedIn'),
    ).toEqual({ action: 'redirect', to: '/' });
  });

  it('shows invitations and error pages to everyone', () => {
    for (const viewer of ['unknown', 'signedIn', 'signedOut'] as const) {
      expect(guardRoute(parseRoute('/invitation/t'), '/invitation/t', viewer)).toEqual({
        action: 'render',
      });
      expect(guardRoute(parseRoute('/nowhere'), '/nowhere', viewer)).toEqual({ action: 'render' });
    }
    expect(guardRoute(board, '/b/x', 'signedIn')).toEqual({ action: 'render' });
    expect(guardRoute(login, '/login', 'signedOut')).toEqual({ action: 'render' });
  });
});
