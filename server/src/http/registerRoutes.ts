import { z } from 'zod';
import { setAssignmentDoneRequestSchema } from '../../../shared/api/register.ts';
import type { ApiDeps } from './apiContext.ts';
import type { ApiHandlers } from './apiRouter.ts';
import { requireBoardMember } from './boardRoutes.ts';
import { AppError } from './errors.ts';
import { requireMeetingAccess } from './meetingRoutes.ts';
import { readBody } from './requestBody.ts';

const statusSchema = z.enum(['open', 'done', 'all']).default('all');

/** The board's decision register and assignment follow-up. */
export function registerHandlers(deps: ApiDeps) {
  const { register } = deps;
  return {
    'get /api/boards/:boardId/decisions': async (c) => {
      const member = await requireBoardMember(c, deps);
      return c.json(
        await register.decisions(member.boardId, (c.req.query('q') ?? '').slice(0, 200)),
      );
    },

    'get /api/boards/:boardId/assignments': async (c) => {
      const member = await requireBoardMember(c, deps);
      const status = statusSchema.safeParse(c.req.query('status'));
      if (!status.success)
        throw new AppError('invalid_request', 400, 'status must be open, done or all');
      return c.json(await register.assignments(member.boardId, status.data));
    },

    'put /api/boards/:boardId/assignments/:meetingId/:key': async (c) => {
      const member = await requireBoardMember(c, deps);
      if (member.role === 'guest')
        throw new AppError('forbidden', 403, 'guests cannot follow up assignments');
      const meeting = await deps.accounts.findMeeting(c.req.param('meetingId'));
      if (!meeting || meeting.boardId !== member.boardId)
        throw new AppError('not_found', 404, 'no such meeting on this board');
      const { done } = await readBody(c, setAssignmentDoneRequestSchema);
      await register.setDone(meeting.id, c.req.param('key'), done, member.userId);
      return c.body(null, 204);
    },

    'get /api/meetings/:meetingId/follow-up': async (c) => {
      const access = await requireMeetingAccess(c, deps);
      return c.json(await register.followUp(access.meeting));
    },
  } satisfies Partial<ApiHandlers>;
}
