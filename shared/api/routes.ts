import { z } from 'zod';
import {
  bearerTokenSchema,
  loginRequestSchema,
  passwordChangeRequestSchema,
  signupRequestSchema,
  userSchema,
} from './auth.ts';
import {
  acceptInvitationRequestSchema,
  acceptInvitationResponseSchema,
  boardDetailSchema,
  boardSchema,
  createBoardRequestSchema,
  createInvitationRequestSchema,
  invitationSchema,
  updateMemberRequestSchema,
} from './boards.ts';
import { lifecycleRequestSchema, lifecycleStateSchema, verificationSchema } from './lifecycle.ts';
import {
  activityEntrySchema,
  createMeetingRequestSchema,
  meetingDetailSchema,
  meetingRoleAssignmentSchema,
  meetingSchema,
  setMeetingRoleRequestSchema,
} from './meetings.ts';

/**
 * Who may call a route: anyone (`public`), any signed-in user (`user`), members of the board in
 * the path (`board`), members of the meeting's board (`meeting`), or the holder of an invitation.
 */
export type RouteScope = 'public' | 'user' | 'board' | 'meeting' | 'invitation';

export interface ApiRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Hono-style path with `:param` segments. */
  path: string;
  summary: string;
  scope: RouteScope;
  status: number;
  request?: z.ZodType;
  response?: z.ZodType;
}

const idResponse = z.object({ id: z.string() });

/**
 * Every route of the HTTP API. The OpenAPI description is generated from this table, and the
 * permission tests iterate over it, so a route cannot be added without being covered.
 */
export const apiRoutes: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/api/auth/signup',
    summary: 'Create the first account of an empty instance',
    scope: 'public',
    status: 201,
    request: signupRequestSchema,
    response: userSchema,
  },
  {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in; sets the session cookie',
    scope: 'public',
    status: 200,
    request: loginRequestSchema,
    response: userSchema,
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    summary: 'End the session',
    scope: 'public',
    status: 204,
  },
  {
    method: 'get',
    path: '/api/auth/me',
    summary: 'The signed-in user',
    scope: 'user',
    status: 200,
    response: userSchema,
  },
  {
    method: 'post',
    path: '/api/auth/password',
    summary: 'Change the password; ends other sessions',
    scope: 'user',
    status: 204,
    request: passwordChangeRequestSchema,
  },
  {
    method: 'post',
    path: '/api/auth/tokens',
    summary: 'A short-lived bearer token for scripts and sockets',
    scope: 'user',
    status: 201,
    response: bearerTokenSchema,
  },
  {
    method: 'post',
    path: '/api/boards',
    summary: 'Create a board; the caller becomes its admin',
    scope: 'user',
    status: 201,
    request: createBoardRequestSchema,
    response: idResponse,
  },
  {
    method: 'get',
    path: '/api/boards',
    summary: "The caller's boards",
    scope: 'user',
    status: 200,
    response: z.array(boardSchema),
  },
  {
    method: 'get',
    path: '/api/boards/:boardId',
    summary: 'A board and its member directory',
    scope: 'board',
    status: 200,
    response: boardDetailSchema,
  },
  {
    method: 'patch',
    path: '/api/boards/:boardId/members/:userId',
    summary: "Change a member's standing role or title (admins)",
    scope: 'board',
    status: 204,
    request: updateMemberRequestSchema,
  },
  {
    method: 'post',
    path: '/api/boards/:boardId/invitations',
    summary: 'Create a single-use invitation link (admins)',
    scope: 'board',
    status: 201,
    request: createInvitationRequestSchema,
    response: invitationSchema,
  },
  {
    method: 'post',
    path: '/api/invitations/:token/accept',
    summary: 'Join a board with an invitation, signed in or creating the account',
    scope: 'invitation',
    status: 200,
    request: acceptInvitationRequestSchema,
    response: acceptInvitationResponseSchema,
  },
  {
    method: 'post',
    path: '/api/boards/:boardId/meetings',
    summary: 'Create a meeting from the standard agenda',
    scope: 'board',
    status: 201,
    request: createMeetingRequestSchema,
    response: idResponse,
  },
  {
    method: 'get',
    path: '/api/boards/:boardId/meetings',
    summary: "The board's meetings, newest first",
    scope: 'board',
    status: 200,
    response: z.array(meetingSchema),
  },
  {
    method: 'get',
    path: '/api/meetings/:meetingId',
    summary: "A meeting, the caller's role and everyone's roles",
    scope: 'meeting',
    status: 200,
    response: meetingDetailSchema,
  },
  {
    method: 'put',
    path: '/api/meetings/:meetingId/roles/:userId',
    summary: 'Assign a meeting role (board admins and the secretary)',
    scope: 'meeting',
    status: 200,
    request: setMeetingRoleRequestSchema,
    response: meetingRoleAssignmentSchema,
  },
  {
    method: 'get',
    path: '/api/meetings/:meetingId/activity',
    summary: 'Who changed which items, newest first',
    scope: 'meeting',
    status: 200,
    response: z.array(activityEntrySchema),
  },
];
