import type { Context } from 'hono';
import * as Y from 'yjs';
import {
  createMeetingRequestSchema,
  setMeetingRoleRequestSchema,
} from '../../../shared/api/meetings.ts';
import {
  canAssignMeetingRoles,
  canCreateMeeting,
  documentAccessFor,
  effectiveMeetingRole,
} from '../../../shared/api/permissions.ts';
import { setServerMeta } from '../../../shared/doc/meta.ts';
import { createMeetingFromTemplate } from '../../../shared/doc/template.ts';
import { resolveMeetingAccess } from '../auth/meetingAccess.ts';
import type { MeetingRecord } from '../storage/accountStore.ts';
import { type ApiDeps, type ApiEnv, requireAuth } from './apiContext.ts';
import type { ApiHandlers } from './apiRouter.ts';
import { requireBoardMember } from './boardRoutes.ts';
import { AppError } from './errors.ts';
import { readBody } from './requestBody.ts';

/** The caller's access to the meeting in the path: 401 signed out, 404 none, 403 not on the board. */
export async function requireMeetingAccess(c: Context<ApiEnv>, deps: ApiDeps) {
  const { user } = requireAuth(c);
  const access = await resolveMeetingAccess(deps.accounts, user.id, c.req.param('meetingId') ?? '');
  if (access.ok) return { user, ...access };
  if (access.reason === 'no_meeting') throw new AppError('not_found', 404, 'no such meeting');
  throw new AppError('forbidden', 403, 'you are not a member of this board');
}

function meetingView(meeting: MeetingRecord, role: ReturnType<typeof effectiveMeetingRole>) {
  return {
    id: meeting.id,
    boardId: meeting.boardId,
    title: meeting.title,
    kind: meeting.kind,
    date: meeting.date,
    startTime: meeting.startTime,
    place: meeting.place,
    firstParagraph: meeting.firstParagraph,
    myRole: role,
    access: documentAccessFor(role),
  };
}

/** Meetings of a board, meeting roles and the activity view. */
export function meetingHandlers(deps: ApiDeps) {
  const { accounts, storage } = deps;
  return {
    'post /api/boards/:boardId/meetings': async (c) => {
      const member = await requireBoardMember(c, deps);
      if (!canCreateMeeting(member.role))
        throw new AppError('forbidden', 403, 'guests cannot create meetings');
      const body = await readBody(c, createMeetingRequestSchema);
      const board = await accounts.findBoard(member.boardId);
      const meeting = await accounts.createMeeting({
        boardId: member.boardId,
        title: body.title,
        kind: body.kind,
        date: body.date,
        startTime: body.startTime ?? null,
        place: body.place ?? null,
        firstParagraph: body.firstParagraph,
        createdBy: member.userId,
      });
      // The standard agenda is written once, here, so two clients never both fill an empty meeting.
      const doc = new Y.Doc();
      createMeetingFromTemplate(doc, {
        title: body.title,
        board: board?.name ?? '',
        kind: body.kind,
        date: body.date,
        firstParagraphNumber: body.firstParagraph,
        ...(body.startTime ? { startTime: body.startTime } : {}),
        ...(body.place ? { place: body.place } : {}),
        ...(body.videoLink ? { videoLink: body.videoLink } : {}),
      });
      setServerMeta(doc, 'status', 'draft');
      // Stored as the meeting's first snapshot (with its state vector), not as a row of the
      // update log: the first load answers from it as it is, and the log holds only edits.
      await storage.compact(meeting.id, Y.encodeStateAsUpdate(doc), 0, Y.encodeStateVector(doc));
      await storage.whenDurable();
      doc.destroy();
      return c.json({ id: meeting.id }, 201);
    },

    'get /api/boards/:boardId/meetings': async (c) => {
      const member = await requireBoardMember(c, deps);
      const meetings = await accounts.listMeetings(member.boardId);
      const views = await Promise.all(
        meetings.map(async (meeting) =>
          meetingView(
            meeting,
            effectiveMeetingRole(
              member.role,
              await accounts.meetingRoleOf(meeting.id, member.userId),
            ),
          ),
        ),
      );
      return c.json(views);
    },

    'get /api/meetings/:meetingId': async (c) => {
      const access = await requireMeetingAccess(c, deps);
      return c.json({
        ...meetingView(access.meeting, access.role),
        roles: await accounts.listMeetingRoles(access.meeting.id),
      });
    },

    'put /api/meetings/:meetingId/roles/:userId': async (c) => {
      const access = await requireMeetingAccess(c, deps);
      if (!canAssignMeetingRoles(access.boardRole, access.role)) {
        throw new AppError('forbidden', 403, 'only board admins and the secretary assign roles');
      }
      const { role } = await readBody(c, setMeetingRoleRequestSchema);
      const target = await accounts.membership(access.meeting.boardId, c.req.param('userId'));
      if (!target)
        throw new AppError('not_found', 404, 'that person is not a member of this board');
      const user = await accounts.findUserById(target.userId);
      await accounts.setMeetingRole(access.meeting.id, target.userId, role);
      // Takes effect on open sockets now: a demoted editor's next update is refused.
      deps.onAccessChanged(access.meeting.id, target.userId, documentAccessFor(role));
      return c.json({ userId: target.userId, name: user?.name ?? '', role });
    },

    'get /api/meetings/:meetingId/activity': async (c) => {
      const access = await requireMeetingAccess(c, deps);
      const entries = await accounts.listAudit(access.meeting.id, 500);
      return c.json(
        entries.map((entry) => ({
          userId: entry.userId,
          userName: entry.userName,
          action: entry.action,
          itemIds: entry.itemIds,
          at: new Date(entry.at).toISOString(),
        })),
      );
    },
  } satisfies Partial<ApiHandlers>;
}
