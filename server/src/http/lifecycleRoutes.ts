import { correctionRequestSchema } from '../../../shared/api/history.ts';
import { exportFormatSchema, lifecycleRequestSchema } from '../../../shared/api/lifecycle.ts';
import { LifecycleError } from '../lifecycle/lifecycleService.ts';
import type { ApiDeps } from './apiContext.ts';
import type { ApiHandlers } from './apiRouter.ts';
import { AppError } from './errors.ts';
import { requireMeetingAccess } from './meetingRoutes.ts';
import { readBody } from './requestBody.ts';

/** Maps a refused lifecycle step to the API's error shape. */
async function guarded<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof LifecycleError)
      throw new AppError(error.code, error.status, error.message);
    throw error;
  }
}

/** Lifecycle state and steps, signatures, exports, and public verification of signed files. */
export function lifecycleHandlers(deps: ApiDeps) {
  const { lifecycle } = deps;
  return {
    'get /api/meetings/:meetingId/lifecycle': async (c) => {
      const access = await requireMeetingAccess(c, deps);
      return c.json(await guarded(() => lifecycle.state(access.meeting.id)));
    },

    'post /api/meetings/:meetingId/lifecycle': async (c) => {
      const access = await requireMeetingAccess(c, deps);
      const body = await readBody(c, lifecycleRequestSchema);
      const actor = {
        userId: access.user.id,
        name: access.user.name,
        role: access.role,
        meeting: access.meeting,
      };
      return c.json(await guarded(() => lifecycle.transition(actor, body)));
    },

    'post /api/meetings/:meetingId/signatures': async (c) => {
      const access = await requireMeetingAccess(c, deps);
      const actor = {
        userId: access.user.id,
        name: access.user.name,
        role: access.role,
        meeting: access.meeting,
      };
      return c.json(await guarded(() => lifecycle.sign(actor)), 201);
    },

    'get /api/meetings/:meetingId/export/:format': async (c) => {
      const access = await requireMeetingAccess(c, deps);
      const format = exportFormatSchema.safeParse(c.req.param('format'));
      if (!format.success)
        throw new AppError('invalid_request', 400, 'format must be pdf, docx, html, md or json');
      const document = c.req.query('document') === 'notice' ? 'notice' : 'minutes';
      const file = await guarded(() => lifecycle.export(access.meeting, format.data, document));
      c.header('Content-Type', file.contentType);
      c.header('Content-Disposition', `attachment; filename="${file.fileName}"`);
      return c.body(new Uint8Array(file.bytes));
    },

    'post /api/meetings/:meetingId/corrections': async (c) => {
      const access = await requireMeetingAccess(c, deps);
      const { reason } = await readBody(c, correctionRequestSchema);
      const actor = {
        userId: access.user.id,
        name: access.user.name,
        role: access.role,
        meeting: access.meeting,
      };
      return c.json(await guarded(() => lifecycle.correct(actor, reason)));
    },

    'get /api/meetings/:meetingId/signed-files': async (c) => {
      const access = await requireMeetingAccess(c, deps);
      const files = await lifecycle.signedFiles(access.meeting.id);
      return c.json(
        files.map((file) => ({ ...file, createdAt: new Date(file.createdAt).toISOString() })),
      );
    },

    'get /api/meetings/:meetingId/signed-files/:sha256': async (c) => {
      const access = await requireMeetingAccess(c, deps);
      const file = await lifecycle.signedFile(access.meeting.id, c.req.param('sha256'));
      if (!file) throw new AppError('not_found', 404, 'no such signed file');
      c.header('Content-Type', file.format === 'pdf' ? 'application/pdf' : 'application/json');
      c.header('Content-Disposition', `attachment; filename="justerat-protokoll.${file.format}"`);
      return c.body(new Uint8Array(file.data));
    },

    'get /api/verify/:sha256': async (c) => {
      const hash = c.req.param('sha256');
      if (!/^[0-9a-fA-F]{64}$/.test(hash))
        throw new AppError('invalid_request', 400, 'give the SHA-256 of the file as 64 hex digits');
      return c.json(await lifecycle.verify(hash));
    },
  } satisfies Partial<ApiHandlers>;
}
