import { z } from 'zod';
import {
  AttendeeKey,
  attendanceCategories,
  DocLimits,
  ItemKey,
  itemKinds,
  itemStatuses,
  MetaKey,
  meetingKinds,
  meetingStatuses,
  subItemNumberingStyles,
} from './constants.ts';
import { isValidOrderKey } from './ordering.ts';

/**
 * Zod schemas of every plain value stored in the meeting document. The API writes only values
 * that pass these; the server's update validator checks every stored value against them.
 */

/** Ids of items and attendees: short, URL-safe. */
export const docIdSchema = z
  .string()
  .min(1)
  .max(DocLimits.idLength)
  .regex(/^[A-Za-z0-9_-]+$/, 'id may only contain letters, digits, "-" and "_"');

const shortText = z.string().max(DocLimits.shortText);
const longText = z.string().max(DocLimits.longText);
const isoDate = z.iso.date();
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM');
const isoDateTime = z.iso.datetime({ offset: true });

/** A fractional-indexing order key. */
export const orderKeySchema = z
  .string()
  .max(DocLimits.orderKeyLength)
  .refine(isValidOrderKey, 'not a valid fractional-indexing order key');

/** One signature of the locked minutes (server-owned): signer, role, time and export hash. */
export const signatureSchema = z.object({
  role: z.enum(['chair', 'secretary', 'adjuster']),
  name: shortText,
  userId: z.string().max(DocLimits.idLength).nullable(),
  signedAt: isoDateTime,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** Posting of the adjusted minutes (anslag): the period the notice is up. */
export const postingSchema = z.object({
  postedFrom: isoDate,
  postedTo: isoDate,
});

/** Schemas of every meta key, client-written and server-owned. */
export const metaValueSchemas = {
  [MetaKey.title]: shortText,
  [MetaKey.board]: shortText,
  [MetaKey.kind]: z.enum(meetingKinds),
  [MetaKey.date]: isoDate,
  [MetaKey.startTime]: clockTime,
  [MetaKey.endTime]: clockTime,
  [MetaKey.place]: shortText,
  [MetaKey.videoLink]: shortText,
  [MetaKey.minutesNumber]: shortText,
  [MetaKey.storagePlace]: shortText,
  [MetaKey.firstParagraphNumber]: z.number().int().min(0).max(1_000_000),
  [MetaKey.subItemNumbering]: z.enum(subItemNumberingStyles),
  [MetaKey.agendaApprovedAt]: isoDateTime,
  [MetaKey.status]: z.enum(meetingStatuses),
  [MetaKey.locked]: z.boolean(),
  [MetaKey.lockedNumbers]: z.record(docIdSchema, shortText),
  [MetaKey.signatures]: z.array(signatureSchema).max(50),
  [MetaKey.posting]: postingSchema,
} as const;

/** An attachment of an item (bilaga): its label ("Bilaga 2") and title. */
export const attachmentSchema = z.object({ label: shortText, title: shortText }).strict();

/** Schemas of the plain-valued item keys (shared-type keys are checked by type). */
export const itemValueSchemas = {
  [ItemKey.order]: orderKeySchema,
  [ItemKey.parentId]: docIdSchema,
  [ItemKey.kind]: z.enum(itemKinds),
  [ItemKey.presenter]: shortText,
  [ItemKey.status]: z.enum(itemStatuses),
  [ItemKey.addedAfterApproval]: z.boolean(),
  [ItemKey.removedAfterApproval]: z.boolean(),
} as const;

/** Schemas of every attendee key. */
export const attendeeValueSchemas = {
  [AttendeeKey.order]: orderKeySchema,
  [AttendeeKey.name]: shortText,
  [AttendeeKey.organisation]: shortText,
  [AttendeeKey.role]: shortText,
  [AttendeeKey.category]: z.enum(attendanceCategories),
  [AttendeeKey.absenceNotified]: z.boolean(),
  [AttendeeKey.presentFrom]: docIdSchema,
  [AttendeeKey.presentTo]: docIdSchema,
  [AttendeeKey.note]: longText,
} as const;

/** A reference to an officer: an attendee id when the person is on the list, and the name. */
export const officerRefSchema = z
  .object({ personId: docIdSchema.nullable(), name: shortText })
  .strict();

export type Attachment = z.infer<typeof attachmentSchema>;
export type OfficerRef = z.infer<typeof officerRefSchema>;
export type Signature = z.infer<typeof signatureSchema>;
export type Posting = z.infer<typeof postingSchema>;
