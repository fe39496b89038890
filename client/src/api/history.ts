import { z } from 'zod';
import {
  type MeetingDiff,
  meetingDiffSchema,
  type Version,
  versionSchema,
} from '../../../shared/api/index.ts';
import { type ApiResult, getJson, postJson } from './http.ts';

/** A version to show or compare: a save point's id, or the minutes as they are now. */
export type VersionRef = number | 'current';

/**
 * The parts of a meeting snapshot (shared/doc MeetingSnapshot) the history page shows. The
 * shape is checked leniently: a version saved by an older server may lack newer fields.
 */
const bodySchema: z.ZodType<VersionBody> = z.lazy(() =>
  z.object({
    type: z.string(),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(bodySchema).optional(),
    text: z.string().optional(),
    marks: z.array(z.object({ type: z.string() })).optional(),
  }),
);

export interface VersionBody {
  type: string;
  attrs?: Record<string, unknown> | undefined;
  content?: VersionBody[] | undefined;
  text?: string | undefined;
  marks?: Array<{ type: string }> | undefined;
}

const versionItemSchema = z.object({
  id: z.string(),
  depth: z.number().catch(0),
  label: z.string().nullable().catch(null),
  kind: z.string().catch('discussion'),
  title: z.string().catch(''),
  presenter: z.string().catch(''),
  proposal: z.string().catch(''),
  removedAfterApproval: z.boolean().catch(false),
  body: bodySchema.catch({ type: 'doc' }),
});

export const versionSnapshotSchema = z.object({
  meta: z.object({
    title: z.string().catch(''),
    board: z.string().catch(''),
    date: z.string().nullable().catch(null),
    status: z.string().catch('draft'),
  }),
  items: z.array(versionItemSchema),
});

export type VersionSnapshot = z.infer<typeof versionSnapshotSchema>;
export type VersionItem = z.infer<typeof versionItemSchema>;

function versionsPath(meetingId: string): string {
  return `/api/meetings/${encodeURIComponent(meetingId)}/versions`;
}

/** The save points of a meeting's minutes. */
export function fetchVersions(
  meetingId: string,
  signal?: AbortSignal,
): Promise<ApiResult<Version[]>> {
  return getJson(versionsPath(meetingId), z.array(versionSchema), signal);
}

/** Saves a version now (chair and secretary). */
export function saveVersion(meetingId: string, label: string): Promise<ApiResult<{ id: number }>> {
  return postJson(versionsPath(meetingId), { label }, z.object({ id: z.number() }));
}

/** The meeting as it was at a save point, or as it is now. */
export function fetchVersion(
  meetingId: string,
  version: VersionRef,
  signal?: AbortSignal,
): Promise<ApiResult<VersionSnapshot>> {
  return getJson(`${versionsPath(meetingId)}/${version}`, versionSnapshotSchema, signal);
}

/** What changed between two versions: header, officers, attendance, and item by item. */
export function fetchDiff(
  meetingId: string,
  from: VersionRef,
  to: VersionRef,
  signal?: AbortSignal,
): Promise<ApiResult<MeetingDiff>> {
  return getJson(`${versionsPath(meetingId)}/${from}/diff/${to}`, meetingDiffSchema, signal);
}
