import { z } from 'zod';

/**
 * A meeting id as it appears in URLs and room names: short, URL-safe, no path separators, so it
 * can never address another resource or escape a storage key.
 */
export const meetingIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'meeting id may only contain letters, digits, "-" and "_"');

export type MeetingId = z.infer<typeof meetingIdSchema>;
