import type { APIRequestContext, Browser } from 'playwright-core';
import type { ServerProcess } from '../helpers/serverProcess.ts';
import { openPerson, type TrackedPage } from './browser.ts';

/** A signed-in person: their own browser profile with a session cookie, and their user id. */
export interface Person extends TrackedPage {
  userId: string;
  name: string;
}

type MeetingRole = 'chair' | 'secretary' | 'adjuster' | 'member' | 'observer';

/** The password every test person has (long enough for the server's rule). */
export const testPassword = 'korrekt häst batteri häftklammer';
const password = testPassword;

/** The email address of a test person: "Anna Andersson" → anna.andersson@example.test. */
export function emailFor(name: string): string {
  return `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.test`;
}

async function call<T>(
  request: APIRequestContext,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  data?: unknown,
): Promise<T> {
  const response = await request.fetch(url, {
    method,
    ...(data === undefined ? {} : { data }),
  });
  const text = await response.text();
  if (!response.ok()) throw new Error(`${method} ${url} → ${response.status()}: ${text}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

async function whoAmI(server: ServerProcess, tracked: TrackedPage, name: string): Promise<Person> {
  const me = await call<{ id: string }>(
    tracked.context.request,
    'GET',
    `${server.url}/api/auth/me`,
  );
  return { ...tracked, userId: me.id, name };
}

/**
 * A board set up through the HTTP API, as the product's own screens will do it later: the first
 * account (the instance admin) signs up and creates the board; others join by invitation. Each
 * person gets a browser context whose cookie jar holds their session, so the pages they open are
 * signed in.
 */
export class TestBoard {
  private constructor(
    private readonly server: ServerProcess,
    private readonly browser: Browser,
    readonly admin: Person,
    readonly boardId: string,
  ) {}

  /** Signs up the instance admin (once per server) and creates a board. */
  static async create(
    server: ServerProcess,
    browser: Browser,
    adminName: string,
    viewport?: { width: number; height: number },
  ): Promise<TestBoard> {
    const tracked = await openPerson(browser, viewport === undefined ? {} : { viewport });
    await call(tracked.context.request, 'POST', `${server.url}/api/auth/signup`, {
      email: emailFor(adminName),
      password,
      name: adminName,
    });
    const admin = await whoAmI(server, tracked, adminName);
    const board = await call<{ id: string }>(
      tracked.context.request,
      'POST',
      `${server.url}/api/boards`,
      { name: 'Styrelsen', organisation: 'Testförbundet' },
    );
    return new TestBoard(server, browser, admin, board.id);
  }

  /** Invites a new person as a board member; they accept and create their account at once. */
  async invite(name: string, viewport?: { width: number; height: number }): Promise<Person> {
    const invitation = await call<{ token: string }>(
      this.admin.context.request,
      'POST',
      `${this.server.url}/api/boards/${this.boardId}/invitations`,
      { role: 'member' },
    );
    const tracked = await openPerson(this.browser, viewport === undefined ? {} : { viewport });
    await call(
      tracked.context.request,
      'POST',
      `${this.server.url}/api/invitations/${invitation.token}/accept`,
      { email: emailFor(name), password, name },
    );
    return whoAmI(this.server, tracked, name);
  }

  /** A meeting with the standard agenda; returns its id. */
  async createMeeting(title: string, date = '2024-05-14'): Promise<string> {
    const meeting = await call<{ id: string }>(
      this.admin.context.request,
      'POST',
      `${this.server.url}/api/boards/${this.boardId}/meetings`,
      { title, kind: 'board', date },
    );
    return meeting.id;
  }

  /** Gives a person a role in a meeting (board members only read by default). */
  async setRole(meetingId: string, person: Person, role: MeetingRole): Promise<void> {
    await call(
      this.admin.context.request,
      'PUT',
      `${this.server.url}/api/meetings/${meetingId}/roles/${person.userId}`,
      { role },
    );
  }
}
