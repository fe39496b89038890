import { z } from 'zod';
import { attendanceCategories } from '../doc/constants.ts';

export const saveVersionRequestSchema = z.object({ label: z.string().trim().min(1).max(200) });

export const versionSchema = z.object({
  id: z.number(),
  label: z.string(),
  /** Why the version was made (e.g. the reason of a correction after signing). */
  reason: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

/** One agenda item's changes between two versions, word by word. */
export const itemChangeSchema = z.object({
  itemId: z.string(),
  label: z.string().nullable(),
  title: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  parts: z.array(z.object({ text: z.string(), change: z.enum(['same', 'added', 'removed']) })),
});

/** The header fields (sammanträdets rubrik) a comparison shows; lifecycle fields are not among them. */
export const headerFields = [
  'board',
  'title',
  'kind',
  'minutesNumber',
  'date',
  'startTime',
  'endTime',
  'place',
  'videoLink',
  'storagePlace',
] as const;

/** One header field that differs; null is "not set". */
export const headerChangeSchema = z.object({
  field: z.enum(headerFields),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

/** An end of a partial presence: the item a person came at or left after; null is open. */
const presenceEndSchema = z.object({ label: z.string().nullable(), title: z.string() }).nullable();

/** An attendee as the comparison shows them, presence resolved to § numbers of that version. */
export const attendeeStateSchema = z.object({
  name: z.string(),
  organisation: z.string(),
  role: z.string(),
  category: z.enum(attendanceCategories),
  absenceNotified: z.boolean(),
  presentFrom: presenceEndSchema,
  presentTo: presenceEndSchema,
  note: z.string(),
});

export const attendeeFields = [
  'name',
  'organisation',
  'role',
  'category',
  'absenceNotified',
  'presence',
  'note',
] as const;

/** A person added to, removed from, or changed on the attendance list (närvarolistan). */
export const attendeeChangeSchema = z.object({
  personId: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  before: attendeeStateSchema.nullable(),
  after: attendeeStateSchema.nullable(),
  /** Which fields differ (for `changed`; empty for added and removed people). */
  fields: z.array(z.enum(attendeeFields)),
});

/** An office whose holder(s) changed: ordförande, sekreterare or justerare, by name. */
export const officerChangeSchema = z.object({
  office: z.enum(['chair', 'secretary', 'adjusters']),
  before: z.array(z.string()),
  after: z.array(z.string()),
});

/** Everything that differs between two versions of a meeting, in the order the minutes print it. */
export const meetingDiffSchema = z.object({
  header: z.array(headerChangeSchema),
  officers: z.array(officerChangeSchema),
  attendance: z.array(attendeeChangeSchema),
  items: z.array(itemChangeSchema),
});

export const correctionRequestSchema = z.object({ reason: z.string().trim().min(3).max(1000) });

export const signedFileSchema = z.object({
  sha256: z.string(),
  format: z.string(),
  createdAt: z.string(),
});

export type Version = z.infer<typeof versionSchema>;
export type ItemChange = z.infer<typeof itemChangeSchema>;
export type HeaderField = (typeof headerFields)[number];
export type HeaderChange = z.infer<typeof headerChangeSchema>;
export type AttendeeState = z.infer<typeof attendeeStateSchema>;
export type AttendeeField = (typeof attendeeFields)[number];
export type AttendeeChange = z.infer<typeof attendeeChangeSchema>;
export type OfficerChange = z.infer<typeof officerChangeSchema>;
export type MeetingDiff = z.infer<typeof meetingDiffSchema>;
