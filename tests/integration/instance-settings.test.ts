import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signInAdmin } from '../helpers/apiClient.ts';
import { invitePerson } from '../helpers/people.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

// After the first account, sign-up is closed unless an instance admin opens it; the setting is
// the server's, so it outlives a restart and only an instance admin may change it.

describe('open sign-up, an instance setting', () => {
  let server: TestServer;
  let admin: ApiClient;
  let signups = 0;

  /** An anonymous visitor trying to create an account; returns the status and the client. */
  async function signUp(): Promise<{ status: number; body: unknown; api: ApiClient }> {
    signups += 1;
    const api = new ApiClient(server.url);
    const { status, body } = await api.request('POST', '/api/auth/signup', {
      email: `besokare${signups}@example.se`,
      password: 'ett långt lösenord för besökaren',
      name: `Besökare ${signups}`,
    });
    return { status, body, api };
  }

  beforeAll(async () => {
    server = await startTestServer();
    admin = await signInAdmin(server.url);
  });

  afterAll(async () => {
    await server?.destroy();
  });

  it('is off by default: an anonymous sign-up after the first account is refused', async () => {
    expect(await admin.expect(200, 'GET', '/api/instance/settings')).toEqual({
      openSignup: false,
    });
    const refused = await signUp();
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'signup_closed' } });
    expect(await new ApiClient(server.url).expect(200, 'GET', '/api/auth/session')).toEqual({
      user: null,
      signupOpen: false,
      firstAccount: false,
    });
    expect(await server.accounts.countUsers()).toBe(1);
  });

  it('accepts anonymous sign-ups while the admin allows them, as ordinary accounts', async () => {
    expect(await admin.expect(200, 'PUT', '/api/instance/settings', { openSignup: true })).toEqual({
      openSignup: true,
    });
    expect(await new ApiClient(server.url).expect(200, 'GET', '/api/auth/session')).toMatchObject({
      signupOpen: true,
      firstAccount: false,
    });

    const accepted = await signUp();
    expect(accepted.status).toBe(201);
    // Signed in, but not an instance admin, and on no board: sign-up opens no board.
    const me = await accepted.api.expect<{ isAdmin: boolean }>(200, 'GET', '/api/auth/me');
    expect(me.isAdmin).toBe(false);
    expect(await accepted.api.expect(200, 'GET', '/api/boards')).toEqual([]);
    // The same address twice is a clear conflict, not a second account.
    const again = await accepted.api.request('POST', '/api/auth/signup', {
      email: 'besokare2@example.se',
      password: 'ett långt lösenord för besökaren',
      name: 'Någon annan',
    });
    expect(again.status).toBe(409);

    // Closed again: the next visitor is refused.
    await admin.expect(200, 'PUT', '/api/instance/settings', { openSignup: false });
    expect((await signUp()).status).toBe(403);
  });

  it('lets only an instance admin read or change the setting', async () => {
    const boardId = (
      await admin.expect<{ id: string }>(201, 'POST', '/api/boards', { name: 'Styrelsen' })
    ).id;
    // A board admin is not an instance admin.
    const boardAdmin = await invitePerson(server.url, admin, boardId, 'admin', 'Styrelseadmin');
    expect((await boardAdmin.api.request('GET', '/api/instance/settings')).status).toBe(403);
    const attempt = await boardAdmin.api.request('PUT', '/api/instance/settings', {
      openSignup: true,
    });
    expect(attempt.status).toBe(403);
    expect((await new ApiClient(server.url).request('GET', '/api/instance/settings')).status).toBe(
      401,
    );
    expect(await admin.expect(200, 'GET', '/api/instance/settings')).toEqual({
      openSignup: false,
    });
    expect((await signUp()).status).toBe(403);
    // A malformed setting is refused, not stored.
    const bad = await admin.request('PUT', '/api/instance/settings', { openSignup: 'yes' });
    expect(bad.status).toBe(400);
  });

  it('keeps the setting across a restart', async () => {
    await admin.expect(200, 'PUT', '/api/instance/settings', { openSignup: true });
    const dataDir = server.config.DATA_DIR;
    await server.stop();
    server = await startTestServer({}, dataDir);
    const fresh = await signInAdmin(server.url);
    expect(await fresh.expect(200, 'GET', '/api/instance/settings')).toEqual({
      openSignup: true,
    });
    expect((await signUp()).status).toBe(201);
  });
});
