import { z } from 'zod';
import {
  bearerTokenSchema,
  instanceSettingsSchema,
  loginRequestSchema,
  passwordChangeRequestSchema,
  sessionSchema,
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
  invitationPreviewSchema,
  invitationSchema,
  invitationSummarySchema,
  updateMemberRequestSchema,
} from './boards.ts';
import {
  correctionRequestSchema,
  meetingDiffSchema,
  saveVersionRequestSchema,
  signedFileSchema,
  versionSchema,
} from './history.ts';
import { lifecycleRequestSchema, lifecycleStateSchema, verificationSchema } from './lifecycle.ts';
import {
  activityEntrySchema,
  createMeetingRequestSchema,
  meetingDetailSchema,
  meetingRoleAssignmentSchema,
  meetingSchema,
  setMeetingRoleRequestSchema,
} from './meetings.ts';
import {
  registeredAssignmentSchema,
  registeredDecisionSchema,
  setAssignmentDoneRequestSchema,
} from './register.ts';

/**
 * Who may call a route: anyone (`public`), any signed-in user (`user`), instance admins
 * (`admin`), members of the board in the path (`board`), members of the meeting's board
 * (`meeting`), or the holder of an invitation.
 */
export type RouteScope = 'public' | 'user' | 'admin' | 'board' | 'meeting' | 'invitation';

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
 * Every route of the HTTP API. The server registers its routes from this table (one handler per
 * entry, checked by the compiler), the OpenAPI description is generated from it, and the
 * permission tests iterate over it, so a route cannot be added without being covered.
 */
const routeTable = [
  {
    method: 'post',
    path: '/api/auth/signup',
    summary:
      'Create an account: the first of an empty instance (its admin), or any while an admin allows open sign-up',
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
    method: 'get',
    path: '/api/instance/settings',
    summary: 'Settings of the whole instance (instance admins)',
    scope: 'admin',
    status: 200,
    response: instanceSettingsSchema,
  },
  {
    method: 'put',
    path: '/api/instance/settings',
    summary: 'Change the instance settings, e.g. allow sign-up without an invitation',
    scope: 'admin',
    status: 200,
    request: instanceSettingsSchema,
    response: instanceSettingsSchema,
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
  {
    method: 'get',
    path: '/api/meetings/:meetingId/lifecycle',
    summary: 'Status, signatures, pending signers, justeringsdatum and posting',
    scope: 'meeting',
    status: 200,
    response: lifecycleStateSchema,
  },
  {
    method: 'post',
    path: '/api/meetings/:meetingId/lifecycle',
    summary: 'Take a lifecycle step (send notice, open/close session, lock, unlock, post, archive)',
    scope: 'meeting',
    status: 200,
    request: lifecycleRequestSchema,
    response: lifecycleStateSchema,
  },
  {
    method: 'post',
    path: '/api/meetings/:meetingId/signatures',
    summary: 'Sign the locked minutes as chair, adjuster or secretary',
    scope: 'meeting',
    status: 201,
    response: lifecycleStateSchema,
  },
  {
    method: 'get',
    path: '/api/meetings/:meetingId/export/:format',
    summary: 'Export the minutes (or ?document=notice) as pdf, docx, html, md or json',
    scope: 'meeting',
    status: 200,
  },
  {
    method: 'post',
    path: '/api/meetings/:meetingId/corrections',
    summary: 'Correct signed minutes: keep the signed version, back to drafting (secretary)',
    scope: 'meeting',
    status: 200,
    request: correctionRequestSchema,
    response: lifecycleStateSchema,
  },
  {
    method: 'get',
    path: '/api/meetings/:meetingId/signed-files',
    summary: 'Files issued for signed minutes, with their SHA-256',
    scope: 'meeting',
    status: 200,
    response: z.array(signedFileSchema),
  },
  {
    method: 'get',
    path: '/api/meetings/:meetingId/signed-files/:sha256',
    summary: 'The exact bytes of an issued signed file',
    scope: 'meeting',
    status: 200,
  },
  {
    method: 'get',
    path: '/api/meetings/:meetingId/versions',
    summary: 'Save points of the minutes',
    scope: 'meeting',
    status: 200,
    response: z.array(versionSchema),
  },
  {
    method: 'post',
    path: '/api/meetings/:meetingId/versions',
    summary: 'Save a version now (chair, secretary)',
    scope: 'meeting',
    status: 201,
    request: saveVersionRequestSchema,
    response: z.object({ id: z.number() }),
  },
  {
    method: 'get',
    path: '/api/meetings/:meetingId/versions/:version',
    summary: 'The meeting as it was at a save point (or `current`)',
    scope: 'meeting',
    status: 200,
  },
  {
    method: 'get',
    path: '/api/meetings/:meetingId/versions/:from/diff/:to',
    summary:
      'What changed between two versions: header, officers, attendance, and item by item word by word',
    scope: 'meeting',
    status: 200,
    response: meetingDiffSchema,
  },
  {
    method: 'get',
    path: '/api/verify/:sha256',
    summary: 'Is the file with this SHA-256 a signed protocol, of which meeting, signed by whom?',
    scope: 'public',
    status: 200,
    response: verificationSchema,
  },
  {
    method: 'get',
    path: '/api/boards/:boardId/decisions',
    summary: "The board's decisions across meetings (?q= searches), linking back to their §",
    scope: 'board',
    status: 200,
    response: z.array(registeredDecisionSchema),
  },
  {
    method: 'get',
    path: '/api/boards/:boardId/assignments',
    summary: 'Assignments across meetings (?status=open|done|all)',
    scope: 'board',
    status: 200,
    response: z.array(registeredAssignmentSchema),
  },
  {
    method: 'get',
    path: '/api/meetings/:meetingId/follow-up',
    summary:
      "The board's open assignments from earlier meetings, to follow up at this one (uppföljning)",
    scope: 'meeting',
    status: 200,
    response: z.array(registeredAssignmentSchema),
  },
  {
    method: 'put',
    path: '/api/boards/:boardId/assignments/:meetingId/:key',
    summary: 'Mark an assignment done or open again',
    scope: 'board',
    status: 204,
    request: setAssignmentDoneRequestSchema,
  },
  {
    method: 'get',
    path: '/api/auth/session',
    summary: 'Who is signed in (or null) and whether sign-up is open; always 200',
    scope: 'public',
    status: 200,
    response: sessionSchema,
  },
  {
    method: 'get',
    path: '/api/boards/:boardId/invitations',
    summary: "The board's invitations (admins); ids, never tokens",
    scope: 'board',
    status: 200,
    response: z.array(invitationSummarySchema),
  },
  {
    method: 'delete',
    path: '/api/boards/:boardId/invitations/:invitationId',
    summary: 'Withdraw an unused invitation (admins)',
    scope: 'board',
    status: 204,
  },
  {
    method: 'get',
    path: '/api/invitations/:token',
    summary: 'Which board an invitation link is for, its role and state',
    scope: 'public',
    status: 200,
    response: invitationPreviewSchema,
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This OpenAPI 3.1 description of the API',
    scope: 'public',
    status: 200,
  },
] as const satisfies readonly ApiRoute[];

export const apiRoutes: readonly ApiRoute[] = routeTable;

type KeyOf<R> = R extends { method: infer M extends string; path: infer P extends string }
  ? `${M} ${P}`
  : never;

/** `method path` of every route in the table, e.g. `'get /api/boards/:boardId'`. */
export type ApiRouteKey = KeyOf<(typeof routeTable)[number]>;

/** The key of a route in the table, as `ApiRouteKey` spells it. */
export function apiRouteKey(route: Pick<ApiRoute, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}
