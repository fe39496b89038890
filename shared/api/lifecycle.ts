import { z } from 'zod';
import { meetingStatuses } from '../doc/constants.ts';

/** The lifecycle of a meeting, server-authoritative: draft → … → archived. */
export const meetingStatusSchema = z.enum(meetingStatuses);
export type MeetingStatus = z.infer<typeof meetingStatusSchema>;

/** What a person may ask the lifecycle to do. */
export const lifecycleActions = [
  'sendNotice',
  'openSession',
  'closeSession',
  'lock',
  'unlock',
  'post',
  'archive',
] as const;
export const lifecycleActionSchema = z.enum(lifecycleActions);
export type LifecycleAction = z.infer<typeof lifecycleActionSchema>;

const isoDate = z.iso.date();

export const lifecycleRequestSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.enum(['sendNotice', 'openSession', 'closeSession', 'lock', 'unlock', 'archive']),
  }),
  z.object({
    action: z.literal('post'),
    /** The posting period (anslag) of the adjusted minutes. */
    postedFrom: isoDate,
    postedTo: isoDate,
    /** Where the minutes are kept (förvaringsplats). */
    storagePlace: z.string().trim().min(1).max(200),
  }),
]);

export const signatureViewSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(['chair', 'secretary', 'adjuster']),
  signedAt: z.string(),
  sha256: z.string(),
});

export const lifecycleStateSchema = z.object({
  status: meetingStatusSchema,
  signatures: z.array(signatureViewSchema),
  /** People who still have to sign, by role. */
  pendingSigners: z.array(z.object({ userId: z.string(), name: z.string(), role: z.string() })),
  /** Justeringsdatum: the day the last required signature was given. */
  adjustedOn: z.string().nullable(),
  posting: z
    .object({ postedFrom: z.string(), postedTo: z.string(), storagePlace: z.string() })
    .nullable(),
});

export const exportFormats = ['pdf', 'docx', 'html', 'md', 'json'] as const;
export const exportFormatSchema = z.enum(exportFormats);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** Answer of the public verification endpoint for a file's SHA-256. */
export const verificationSchema = z.discriminatedUnion('valid', [
  z.object({
    valid: z.literal(true),
    meetingId: z.string(),
    organ: z.string(),
    title: z.string(),
    date: z.string(),
    format: z.string(),
    adjustedOn: z.string().nullable(),
    /** Signers, signing times and justeringsdatum of the round that issued this very file. */
    signatures: z.array(z.object({ name: z.string(), role: z.string(), signedAt: z.string() })),
    /** Set when a correction replaced these minutes by a newer version (rättelse). */
    superseded: z.object({ reason: z.string(), correctedOn: z.string() }).nullable(),
  }),
  z.object({ valid: z.literal(false) }),
]);

export type LifecycleState = z.infer<typeof lifecycleStateSchema>;
export type Verification = z.infer<typeof verificationSchema>;
