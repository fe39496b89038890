import { z } from 'zod';
import {
  type RegisteredAssignment,
  type RegisteredDecision,
  registeredAssignmentSchema,
  registeredDecisionSchema,
} from '../../../shared/api/index.ts';
import { type ApiResult, getJson, putJson } from './http.ts';

export type AssignmentFilter = 'open' | 'done' | 'all';

function boardPath(boardId: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}`;
}

/** The board's decisions across its meetings; `query` searches their text and § titles. */
export function fetchDecisions(
  boardId: string,
  query: string,
  signal?: AbortSignal,
): Promise<ApiResult<RegisteredDecision[]>> {
  const search = query.trim() === '' ? '' : `?q=${encodeURIComponent(query.trim())}`;
  return getJson(
    `${boardPath(boardId)}/decisions${search}`,
    z.array(registeredDecisionSchema),
    signal,
  );
}

/** The board's assignments (uppdrag) to follow up. */
export function fetchAssignments(
  boardId: string,
  status: AssignmentFilter,
  signal?: AbortSignal,
): Promise<ApiResult<RegisteredAssignment[]>> {
  return getJson(
    `${boardPath(boardId)}/assignments?status=${status}`,
    z.array(registeredAssignmentSchema),
    signal,
  );
}

/** Marks an assignment done, or open again (not for guests). */
export function setAssignmentDone(
  boardId: string,
  meetingId: string,
  key: string,
  done: boolean,
): Promise<ApiResult<undefined>> {
  return putJson(
    `${boardPath(boardId)}/assignments/${encodeURIComponent(meetingId)}/${encodeURIComponent(key)}`,
    { done },
  );
}

/** The board's open assignments from meetings before this one, to follow up at it. */
export function fetchFollowUp(
  meetingId: string,
  signal?: AbortSignal,
): Promise<ApiResult<RegisteredAssignment[]>> {
  return getJson(
    `/api/meetings/${encodeURIComponent(meetingId)}/follow-up`,
    z.array(registeredAssignmentSchema),
    signal,
  );
}
