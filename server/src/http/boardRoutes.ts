import type { Context } from 'hono';
import {
  acceptInvitationRequestSchema,
  createBoardRequestSchema,
  createInvitationRequestSchema,
  updateMemberRequestSchema,
} from '../../../shared/api/boards.ts';
import { canManageBoard } from '../../../shared/api/permissions.ts';
import { hashPassword } from '../auth/passwords.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import type { MemberRecord } from '../storage/accountStore.ts';
import { type ApiDeps, type ApiEnv, requireAuth } from './apiContext.ts';
import type { ApiHandlers } from './apiRouter.ts';
import { setSessionCookie } from './authRoutes.ts';
import { AppError } from './errors.ts';
import { readBody } from './requestBody.ts';

/** The caller's membership of the board in the path: 401 signed out, 404 no board, 403 not a member. */
export async function requireBoardMember(c: Context<ApiEnv>, deps: ApiDeps): Promise<MemberRecord> {
  const { user } = requireAuth(c);
  const boardId = c.req.param('boardId') ?? '';
  const member = await deps.accounts.membership(boardId, user.id);
  if (member) return member;
  if (!(await deps.accounts.findBoard(boardId)))
    throw new AppError('not_found', 404, 'no such board');
  throw new AppError('forbidden', 403, 'you are not a member of this board');
}

const invitationFailures = {
  not_found: ['invitation_not_found', 404, 'this invitation link is not valid'],
  used: ['invitation_used', 410, 'this invitation link has already been used'],
  expired: ['invitation_expired', 410, 'this invitation link has expired'],
  wrong_email: ['invitation_wrong_email', 403, 'this invitation is for another email address'],
  email_taken: ['email_taken', 409, 'an account with this email exists; sign in and accept again'],
} as const;

/** Boards, their member directory, and invitations. */
export function boardHandlers(deps: ApiDeps) {
  const { accounts, sessions } = deps;
  return {
    'post /api/boards': async (c) => {
      const { user } = requireAuth(c);
      const body = await readBody(c, createBoardRequestSchema);
      const board = await accounts.createBoard({ ...body, createdBy: user.id });
      return c.json({ id: board.id }, 201);
    },

    'get /api/boards': async (c) => {
      const { user } = requireAuth(c);
      const boards = await accounts.listBoardsOf(user.id);
      return c.json(
        boards.map(({ id, name, organisation, role }) => ({
          id,
          name,
          organisation,
          myRole: role,
        })),
      );
    },

    'get /api/boards/:boardId': async (c) => {
      const member = await requireBoardMember(c, deps);
      const board = await accounts.findBoard(member.boardId);
      if (!board) throw new AppError('not_found', 404, 'no such board');
      const members = await accounts.listMembers(board.id);
      return c.json({
        ...board,
        myRole: member.role,
        members: members.map(({ userId, name, email, role, title, organisation }) => ({
          userId,
          name,
          email,
          role,
          title,
          organisation,
        })),
      });
    },

    'patch /api/boards/:boardId/members/:userId': async (c) => {
      const member = await requireBoardMember(c, deps);
      if (!canManageBoard(member.role))
        throw new AppError('forbidden', 403, 'only board admins manage members');
      const body = await readBody(c, updateMemberRequestSchema);
      const target = await accounts.membership(member.boardId, c.req.param('userId'));
      if (!target) throw new AppError('not_found', 404, 'no such member');
      await accounts.updateMember(member.boardId, target.userId, body);
      return c.body(null, 204);
    },

    'post /api/boards/:boardId/invitations': async (c) => {
      const member = await requireBoardMember(c, deps);
      if (!canManageBoard(member.role))
        throw new AppError('forbidden', 403, 'only board admins invite');
      const body = await readBody(c, createInvitationRequestSchema);
      const token = newSecret();
      const expiresAt = Date.now() + deps.config.INVITATION_TTL_MS;
      await accounts.createInvitation({
        tokenHash: hashSecret(token),
        boardId: member.boardId,
        role: body.role,
        email: body.email ?? null,
        createdBy: member.userId,
        expiresAt,
      });
      const origin = new URL(c.req.url).origin;
      return c.json(
        {
          token,
          url: `${origin}/invitation/${token}`,
          expiresAt: new Date(expiresAt).toISOString(),
        },
        201,
      );
    },

    'get /api/boards/:boardId/invitations': async (c) => {
      const member = await requireBoardMember(c, deps);
      if (!canManageBoard(member.role))
        throw new AppError('forbidden', 403, 'only board admins see invitations');
      const invitations = await accounts.listInvitations(member.boardId);
      return c.json(
        invitations.map((invitation) => ({
          id: invitation.id,
          role: invitation.role,
          email: invitation.email,
          expiresAt: new Date(invitation.expiresAt).toISOString(),
          usedAt: invitation.usedAt === null ? null : new Date(invitation.usedAt).toISOString(),
        })),
      );
    },

    'delete /api/boards/:boardId/invitations/:invitationId': async (c) => {
      const member = await requireBoardMember(c, deps);
      if (!canManageBoard(member.role))
        throw new AppError('forbidden', 403, 'only board admins withdraw invitations');
      const revoked = await accounts.revokeInvitation(member.boardId, c.req.param('invitationId'));
      if (!revoked) throw new AppError('not_found', 404, 'no unused invitation with that id');
      return c.body(null, 204);
    },

    'get /api/invitations/:token': async (c) => {
      // Public: whoever holds the link may see which board invites them, and nothing more.
      const invitation = await accounts.findInvitation(hashSecret(c.req.param('token')));
      if (!invitation)
        throw new AppError('invitation_not_found', 404, 'this invitation link is not valid');
      const board = await accounts.findBoard(invitation.boardId);
      return c.json({
        boardName: board?.name ?? '',
        organisation: board?.organisation ?? '',
        role: invitation.role,
        forEmail: invitation.email !== null,
        expiresAt: new Date(invitation.expiresAt).toISOString(),
        state:
          invitation.usedAt !== null
            ? 'used'
            : invitation.expiresAt <= Date.now()
              ? 'expired'
              : 'open',
      });
    },

    'post /api/invitations/:token/accept': async (c) => {
      const body = await readBody(c, acceptInvitationRequestSchema);
      const auth = c.get('auth');
      const tokenHash = hashSecret(c.req.param('token'));
      let outcome: Awaited<ReturnType<typeof accounts.acceptInvitation>>;
      if (auth) {
        outcome = await accounts.acceptInvitation(tokenHash, Date.now(), { userId: auth.user.id });
      } else if (
        body.email !== undefined &&
        body.password !== undefined &&
        body.name !== undefined
      ) {
        outcome = await accounts.acceptInvitation(tokenHash, Date.now(), {
          newUser: {
            email: body.email,
            name: body.name,
            passwordHash: await hashPassword(body.password),
            isAdmin: false,
          },
        });
        if (outcome.ok) {
          setSessionCookie(
            c,
            await sessions.startSession(outcome.userId),
            deps.config.NODE_ENV === 'production',
          );
        }
      } else {
        throw new AppError(
          'unauthenticated',
          401,
          'sign in, or give email, password and name to create an account',
        );
      }
      if (!outcome.ok) {
        const [code, status, message] = invitationFailures[outcome.reason];
        throw new AppError(code, status, message);
      }
      return c.json({ boardId: outcome.boardId });
    },
  } satisfies Partial<ApiHandlers>;
}
