/**
 * A minimal HTTP client for tests: JSON in and out, and a cookie jar of one session, like a
 * browser tab. Requests are made exactly as the product's client makes them.
 */
export class ApiClient {
  private cookie: string | null = null;

  constructor(readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: unknown; headers: Headers }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // Not JSON (e.g. the client's HTML): keep the text.
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /** Like request(), but fails the test unless the status is `expected`. */
  async expect<T = unknown>(
    expected: number,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const result = await this.request(method, path, body);
    if (result.status !== expected) {
      throw new Error(
        `${method} ${path}: expected ${expected}, got ${result.status} ${JSON.stringify(result.body)}`,
      );
    }
    return result.body as T;
  }

  get sessionCookie(): string | null {
    return this.cookie;
  }
}

export const adminCredentials = {
  email: 'sekreterare@example.se',
  password: 'rätt häftklammer 42',
  name: 'Sara Sekreterare',
} as const;

/** Signs in the instance admin, signing up first on an empty instance. */
export async function signInAdmin(baseUrl: string): Promise<ApiClient> {
  const api = new ApiClient(baseUrl);
  const signup = await api.request('POST', '/api/auth/signup', adminCredentials);
  if (signup.status === 201) return api;
  await api.expect(200, 'POST', '/api/auth/login', {
    email: adminCredentials.email,
    password: adminCredentials.password,
  });
  return api;
}

export interface TestMeeting {
  meetingId: string;
  boardId: string;
  /** A bearer token of the admin, who is the meeting's secretary (may write everything). */
  token: string;
  admin: ApiClient;
}

/** A board and a meeting created through the API, with a token for the sync socket. */
export async function createTestMeeting(
  baseUrl: string,
  title = 'Styrelsemöte',
): Promise<TestMeeting> {
  const admin = await signInAdmin(baseUrl);
  const board = await admin.expect<{ id: string }>(201, 'POST', '/api/boards', {
    name: 'Styrelsen',
    organisation: 'Samordningsförbundet',
  });
  const meeting = await admin.expect<{ id: string }>(
    201,
    'POST',
    `/api/boards/${board.id}/meetings`,
    {
      title,
      kind: 'board',
      date: '2026-11-27',
    },
  );
  const { token } = await admin.expect<{ token: string }>(201, 'POST', '/api/auth/tokens');
  return { meetingId: meeting.id, boardId: board.id, token, admin };
}
