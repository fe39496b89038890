import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, adminCredentials, signInAdmin } from '../helpers/apiClient.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { upgradeStatus } from '../helpers/wire.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the wall clock is past an ISO instant (plus a margin for SQLite's millisecond clock). */
async function waitUntilPast(iso: string): Promise<void> {
  const wait = Date.parse(iso) - Date.now() + 50;
  if (wait > 0) await sleep(wait);
}

describe('sessions, tokens, invitations and cross-site requests', () => {
  let server: TestServer;
  let admin: ApiClient;
  let boardId: string;
  let meetingId: string;

  beforeAll(async () => {
    // The shortest lifetimes the configuration allows, so expiry happens within the test.
    server = await startTestServer({ INVITATION_TTL_MS: '1000', BEARER_TOKEN_TTL_MS: '1000' });
    admin = await signInAdmin(server.url);
    ({ id: boardId } = await admin.expect<{ id: string }>(201, 'POST', '/api/boards', {
      name: 'Styrelsen',
      organisation: 'Föreningen',
    }));
    ({ id: meetingId } = await admin.expect<{ id: string }>(
      201,
      'POST',
      `/api/boards/${boardId}/meetings`,
      { title: 'Styrelsemöte', kind: 'board', date: '2026-12-01' },
    ));
  });
  afterAll(async () => {
    await server.destroy();
  });

  it('refuses an expired invitation and creates no account with it', async () => {
    const invitation = await admin.expect<{ token: string; expiresAt: string }>(
      201,
      'POST',
      `/api/boards/${boardId}/invitations`,
      { role: 'member' },
    );
    expect(Date.parse(invitation.expiresAt) - Date.now()).toBeLessThanOrEqual(1000);
    const visitor = new ApiClient(server.url);
    expect(await visitor.expect(200, 'GET', `/api/invitations/${invitation.token}`)).toMatchObject({
      state: 'open',
    });
    await waitUntilPast(invitation.expiresAt);
    expect(await visitor.expect(200, 'GET', `/api/invitations/${invitation.token}`)).toMatchObject({
      state: 'expired',
    });
    const accept = await visitor.request('POST', `/api/invitations/${invitation.token}/accept`, {
      email: 'sent@example.se',
      password: 'ett långt lösenord',
      name: 'För sent',
    });
    expect(accept.status).toBe(410);
    expect((accept.body as { error: { code: string } }).error.code).toBe('invitation_expired');
    expect(visitor.sessionCookie).toBeNull();
    const login = await visitor.request('POST', '/api/auth/login', {
      email: 'sent@example.se',
      password: 'ett långt lösenord',
    });
    expect(login.status).toBe(401);
  });

  it('accepts a bearer token on /api and on the socket until it expires, then refuses it', async () => {
    const { token, expiresAt } = await admin.expect<{ token: string; expiresAt: string }>(
      201,
      'POST',
      '/api/auth/tokens',
    );
    // A script with no cookie jar at all.
    const script = new ApiClient(server.url);
    const bearer = { authorization: `Bearer ${token}` };
    const me = await script.request('GET', '/api/auth/me', undefined, bearer);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: adminCredentials.email });
    const created = await script.request('POST', '/api/boards', { name: 'Via skript' }, bearer);
    expect(created.status).toBe(201);
    expect(await upgradeStatus(`${server.syncUrl}/${meetingId}?token=${token}`)).toBe(101);

    await waitUntilPast(expiresAt);
    const late = await script.request('GET', '/api/auth/me', undefined, bearer);
    expect(late.status).toBe(401);
    expect((late.body as { error: { code: string } }).error.code).toBe('unauthenticated');
    expect((await script.request('GET', `/api/boards/${boardId}`, undefined, bearer)).status).toBe(
      401,
    );
    expect(await upgradeStatus(`${server.syncUrl}/${meetingId}?token=${token}`)).toBe(401);
    // A forged token is no better than none.
    expect(
      (await script.request('GET', '/api/auth/me', undefined, { authorization: 'Bearer forged' }))
        .status,
    ).toBe(401);
  });

  it('refuses cross-origin and non-JSON state-changing requests even with a valid session', async () => {
    const boardsBefore = await admin.expect<unknown[]>(200, 'GET', '/api/boards');
    const body = { name: 'Förfalskad styrelse' };
    const refusals: Array<[Record<string, string>, number, string]> = [
      [{ origin: 'https://evil.example' }, 403, 'cross_site_request'],
      [{ origin: 'null' }, 403, 'cross_site_request'],
      [{ origin: 'not a url' }, 403, 'cross_site_request'],
      [{ 'sec-fetch-site': 'cross-site' }, 403, 'cross_site_request'],
      [{ 'content-type': 'text/plain' }, 415, 'unsupported_media_type'],
      [{ 'content-type': 'application/x-www-form-urlencoded' }, 415, 'unsupported_media_type'],
      [{ 'content-type': 'multipart/form-data; boundary=x' }, 415, 'unsupported_media_type'],
    ];
    for (const [headers, status, code] of refusals) {
      const response = await admin.request('POST', '/api/boards', body, headers);
      expect({ headers, status: response.status, body: response.body }).toEqual({
        headers,
        status,
        body: { error: { code, message: expect.any(String) } },
      });
    }
    // Not only creation: every unsafe method goes through the guard.
    const patch = await admin.request(
      'PATCH',
      `/api/boards/${boardId}/members/${(await admin.expect<{ id: string }>(200, 'GET', '/api/auth/me')).id}`,
      { title: 'ordförande' },
      { origin: 'https://evil.example' },
    );
    expect(patch.status).toBe(403);
    const logout = await admin.request('POST', '/api/auth/logout', undefined, {
      origin: 'https://evil.example',
    });
    expect(logout.status).toBe(403);
    // Nothing of the above took effect, the session still works, and a same-origin JSON
    // request (what the client sends) passes.
    expect(await admin.expect<unknown[]>(200, 'GET', '/api/boards')).toEqual(boardsBefore);
    const host = new URL(server.url).host;
    const sameOrigin = await admin.request('POST', '/api/boards', body, {
      origin: `http://${host}`,
      'sec-fetch-site': 'same-origin',
    });
    expect(sameOrigin.status).toBe(201);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax with an expiry, and clears it on logout', async () => {
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: adminCredentials.email, password: adminCredentials.password }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^justera_session=[^;]{20,};/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//);
    expect(cookie).toMatch(/;\s*Expires=/);
    // Plain http in development and test: a Secure cookie would never be sent back.
    expect(cookie).not.toMatch(/;\s*Secure/i);
    const session = cookie.split(';')[0] ?? '';
    const logout = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: session },
    });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/^justera_session=;.*Max-Age=0/i);
    const after = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: session } });
    expect(after.status).toBe(401);
  });

  it('marks the session cookie Secure in production', async () => {
    const production = await startTestServer({ NODE_ENV: 'production' });
    try {
      const response = await fetch(`${production.url}/api/auth/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(adminCredentials),
      });
      expect(response.status).toBe(201);
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    } finally {
      await production.destroy();
    }
  });
});
