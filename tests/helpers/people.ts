import type { BoardRole, MeetingRole } from '../../shared/api/roles.ts';
import { ApiClient, type TestMeeting } from './apiClient.ts';

export interface Person {
  api: ApiClient;
  userId: string;
  email: string;
  password: string;
  /** A bearer token for the sync socket. */
  token: string;
}

let counter = 0;

/** Invites a new person to a board (as `admin`) and has them accept by creating an account. */
export async function invitePerson(
  baseUrl: string,
  admin: ApiClient,
  boardId: string,
  role: BoardRole,
  name = 'Ledamot',
): Promise<Person> {
  counter += 1;
  const email = `person${counter}-${Date.now()}@example.se`;
  const password = `lösenord nummer ${counter} är långt`;
  const invitation = await admin.expect<{ token: string }>(
    201,
    'POST',
    `/api/boards/${boardId}/invitations`,
    { role },
  );
  const api = new ApiClient(baseUrl);
  await api.expect(200, 'POST', `/api/invitations/${invitation.token}/accept`, {
    email,
    password,
    name,
  });
  const me = await api.expect<{ id: string }>(200, 'GET', '/api/auth/me');
  const { token } = await api.expect<{ token: string }>(201, 'POST', '/api/auth/tokens');
  return { api, userId: me.id, email, password, token };
}

/** Invites a new board member and gives them `role` in the meeting (as its admin). */
export async function inviteToMeeting(
  baseUrl: string,
  meeting: TestMeeting,
  role: MeetingRole,
  name: string,
): Promise<Person> {
  const person = await invitePerson(baseUrl, meeting.admin, meeting.boardId, 'member', name);
  await meeting.admin.expect(
    200,
    'PUT',
    `/api/meetings/${meeting.meetingId}/roles/${person.userId}`,
    {
      role,
    },
  );
  return person;
}
