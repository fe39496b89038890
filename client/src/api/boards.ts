import { z } from 'zod';
import {
  acceptInvitationResponseSchema,
  type Board,
  type BoardDetail,
  type BoardRole,
  boardDetailSchema,
  boardSchema,
  invitationPreviewSchema,
  invitationSchema,
  invitationSummarySchema,
} from '../../../shared/api/index.ts';
import { type ApiResult, deleteJson, getJson, patchJson, postJson } from './http.ts';

const idSchema = z.object({ id: z.string() });

export type Invitation = z.infer<typeof invitationSchema>;
export type InvitationSummary = z.infer<typeof invitationSummarySchema>;
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

function boardPath(boardId: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}`;
}

/** The boards the signed-in user belongs to, with their standing role on each. */
export function fetchBoards(signal?: AbortSignal): Promise<ApiResult<Board[]>> {
  return getJson('/api/boards', z.array(boardSchema), signal);
}

/** A board and its member directory. */
export function fetchBoard(boardId: string, signal?: AbortSignal): Promise<ApiResult<BoardDetail>> {
  return getJson(boardPath(boardId), boardDetailSchema, signal);
}

/** Creates a board; the caller becomes its admin. */
export function createBoard(input: {
  name: string;
  organisation: string;
}): Promise<ApiResult<{ id: string }>> {
  return postJson('/api/boards', input, idSchema);
}

/** Changes a member's standing role and/or title (admins only). */
export function updateMember(
  boardId: string,
  userId: string,
  change: { role?: BoardRole; title?: string; organisation?: string },
): Promise<ApiResult<undefined>> {
  return patchJson(`${boardPath(boardId)}/members/${encodeURIComponent(userId)}`, change);
}

/** A single-use invitation link (admins only); `email` restricts who may accept it. */
export function createInvitation(
  boardId: string,
  input: { role: BoardRole; email?: string },
): Promise<ApiResult<Invitation>> {
  return postJson(`${boardPath(boardId)}/invitations`, input, invitationSchema);
}

/**
 * Accepts an invitation: signed in (no body), or creating the account at the same time (the
 * server then also signs the new account in).
 */
export function acceptInvitation(
  token: string,
  newAccount?: { email: string; password: string; name: string },
): Promise<ApiResult<{ boardId: string }>> {
  return postJson(
    `/api/invitations/${encodeURIComponent(token)}/accept`,
    newAccount ?? {},
    acceptInvitationResponseSchema,
  );
}

/** The board's invitations (admins): ids, roles and states, never the links themselves. */
export function fetchInvitations(
  boardId: string,
  signal?: AbortSignal,
): Promise<ApiResult<InvitationSummary[]>> {
  return getJson(`${boardPath(boardId)}/invitations`, z.array(invitationSummarySchema), signal);
}

/** Withdraws an unused invitation (admins): its link stops working at once. */
export function withdrawInvitation(
  boardId: string,
  invitationId: string,
): Promise<ApiResult<undefined>> {
  return deleteJson(`${boardPath(boardId)}/invitations/${encodeURIComponent(invitationId)}`);
}

/** Public: which board an invitation link is for, its role and whether it can still be used. */
export function fetchInvitationPreview(
  token: string,
  signal?: AbortSignal,
): Promise<ApiResult<InvitationPreview>> {
  return getJson(`/api/invitations/${encodeURIComponent(token)}`, invitationPreviewSchema, signal);
}
