import { z } from 'zod';
import { meetingKinds } from '../doc/constants.ts';
import { documentAccessSchema, meetingRoleSchema } from './roles.ts';

const isoDate = z.iso.date();
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM');

export const createMeetingRequestSchema = z.object({
  title: z.string().trim().min(1).max(200),
  kind: z.enum(meetingKinds),
  date: isoDate,
  startTime: clockTime.optional(),
  place: z.string().trim().max(200).optional(),
  /** The Zoom/Teams link when the board meets by video. */
  videoLink: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  /** Number of the meeting's first § (paragraphs run on across a board's meetings in a year). */
  firstParagraph: z.number().int().min(1).max(1_000_000).default(1),
});

export const meetingRoleAssignmentSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: meetingRoleSchema,
});

export const meetingSchema = z.object({
  id: z.string(),
  boardId: z.string(),
  title: z.string(),
  kind: z.enum(meetingKinds),
  date: z.string(),
  startTime: z.string().nullable(),
  place: z.string().nullable(),
  firstParagraph: z.number(),
  myRole: meetingRoleSchema,
  access: documentAccessSchema,
});

export const meetingDetailSchema = meetingSchema.extend({
  roles: z.array(meetingRoleAssignmentSchema),
});

export const setMeetingRoleRequestSchema = z.object({ role: meetingRoleSchema });

/** One line of a meeting's activity view: who changed which items, and when. */
export const activityEntrySchema = z.object({
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  itemIds: z.array(z.string()),
  at: z.string(),
});

export type CreateMeetingRequest = z.infer<typeof createMeetingRequestSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;
export type ActivityEntry = z.infer<typeof activityEntrySchema>;
