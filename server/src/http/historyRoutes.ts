import { saveVersionRequestSchema } from '../../../shared/api/history.ts';
import type { ApiDeps } from './apiContext.ts';
import type { ApiHandlers } from './apiRouter.ts';
import { AppError } from './errors.ts';
import { requireMeetingAccess } from './meetingRoutes.ts';
import { readBody } from './requestBody.ts';

function versionRef(raw: string): number | 'current' {
  if (raw === 'current') return 'current';
  if (!/^\d{1,12}$/.test(raw))
    throw new AppError('invalid_request', 400, 'a version is a number or "current"');
  return Number(raw);
}

/** Version history of the minutes: save points, a version as it was, and the changes between two. */
export function historyHandlers(deps: ApiDeps) {
  const { versions } = deps;
  return {
    'get /api/meetings/:meetingId/versions': async (c) => {
      const access = await requireMeetingAccess(c, deps);
      const list = await versions.list(access.meeting.id);
      return c.json(
        list.map((version) => ({
          id: version.id,
          label: version.label,
          reason: version.reason,
          createdBy: version.createdBy,
          createdAt: new Date(version.createdAt).toISOString(),
        })),
      );
    },

    'post /api/meetings/:meetingId/versions': async (c) => {
      const access = await requireMeetingAccess(c, deps);
      if (access.access !== 'write')
        throw new AppError('forbidden', 403, 'only the chair and the secretary save versions');
      const body = await readBody(c, saveVersionRequestSchema);
      const id = await versions.save(access.meeting.id, body.label, null, access.user.id);
      return c.json({ id }, 201);
    },

    'get /api/meetings/:meetingId/versions/:version': async (c) => {
      const access = await requireMeetingAccess(c, deps);
      const snapshot = await versions.snapshot(
        access.meeting.id,
        versionRef(c.req.param('version')),
      );
      if (!snapshot) throw new AppError('not_found', 404, 'no such version');
      return c.json(snapshot);
    },

    'get /api/meetings/:meetingId/versions/:from/diff/:to': async (c) => {
      const access = await requireMeetingAccess(c, deps);
      const changes = await versions.diff(
        access.meeting.id,
        versionRef(c.req.param('from')),
        versionRef(c.req.param('to')),
      );
      if (!changes) throw new AppError('not_found', 404, 'no such version');
      return c.json(changes);
    },
  } satisfies Partial<ApiHandlers>;
}
