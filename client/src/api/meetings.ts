import { type DocumentAccess, meetingSchema } from '../../../shared/api/index.ts';
import { type ApiResult, getJson } from './http.ts';

export interface MeetingAccessInfo {
  title: string;
  access: DocumentAccess;
}

/** The signed-in user's access to a meeting (GET /api/meetings/:id). */
export async function fetchMeetingAccess(
  meetingId: string,
  signal?: AbortSignal,
): Promise<ApiResult<MeetingAccessInfo>> {
  const result = await getJson(
    `/api/meetings/${encodeURIComponent(meetingId)}`,
    meetingSchema,
    signal,
  );
  if (!result.ok) return result;
  return { ok: true, data: { title: result.data.title, access: result.data.access } };
}
