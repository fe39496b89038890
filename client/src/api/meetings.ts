import { z } from 'zod';
import {
  type ActivityEntry,
  activityEntrySchema,
  type CreateMeetingRequest,
  type Meeting,
  type MeetingDetail,
  type MeetingRole,
  meetingDetailSchema,
  meetingRoleAssignmentSchema,
  meetingSchema,
} from '../../../shared/api/index.ts';
import { type ApiResult, getJson, postJson, putJson } from './http.ts';

function meetingPath(meetingId: string): string {
  return `/api/meetings/${encodeURIComponent(meetingId)}`;
}

/** A meeting with the caller's role and everyone's explicitly assigned roles. */
export function fetchMeetingDetail(
  meetingId: string,
  signal?: AbortSignal,
): Promise<ApiResult<MeetingDetail>> {
  return getJson(meetingPath(meetingId), meetingDetailSchema, signal);
}

/** A board's meetings (the server sends them newest first). */
export function fetchMeetings(
  boardId: string,
  signal?: AbortSignal,
): Promise<ApiResult<Meeting[]>> {
  return getJson(
    `/api/boards/${encodeURIComponent(boardId)}/meetings`,
    z.array(meetingSchema),
    signal,
  );
}

/** Creates a meeting from the standard agenda; the creator becomes its secretary. */
export function createMeeting(
  boardId: string,
  input: CreateMeetingRequest,
): Promise<ApiResult<{ id: string }>> {
  return postJson(
    `/api/boards/${encodeURIComponent(boardId)}/meetings`,
    input,
    z.object({ id: z.string() }),
  );
}

/** Assigns a meeting role (board admins and the meeting's secretary). */
export function setMeetingRole(
  meetingId: string,
  userId: string,
  role: MeetingRole,
): Promise<ApiResult<z.infer<typeof meetingRoleAssignmentSchema>>> {
  return putJson(
    `${meetingPath(meetingId)}/roles/${encodeURIComponent(userId)}`,
    { role },
    meetingRoleAssignmentSchema,
  );
}

/** Who changed which items of the meeting, and when (newest first). */
export function fetchActivity(
  meetingId: string,
  signal?: AbortSignal,
): Promise<ApiResult<ActivityEntry[]>> {
  return getJson(`${meetingPath(meetingId)}/activity`, z.array(activityEntrySchema), signal);
}
