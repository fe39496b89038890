import { z } from 'zod';

/** Standing roles on a board: admin (manages members and meetings), member, guest. */
export const boardRoles = ['admin', 'member', 'guest'] as const;
export const boardRoleSchema = z.enum(boardRoles);
export type BoardRole = z.infer<typeof boardRoleSchema>;

/**
 * Roles in one meeting: ordförande (chair), sekreterare (secretary), justerare (adjuster),
 * ledamot (member) and observer.
 */
export const meetingRoles = ['chair', 'secretary', 'adjuster', 'member', 'observer'] as const;
export const meetingRoleSchema = z.enum(meetingRoles);
export type MeetingRole = z.infer<typeof meetingRoleSchema>;

/**
 * What a connection may do to the meeting document: `write` everything (chair, secretary),
 * `text` edit the text of existing items but not the agenda's structure (adjuster), `read` only.
 */
export const documentAccessLevels = ['write', 'text', 'read'] as const;
export const documentAccessSchema = z.enum(documentAccessLevels);
export type DocumentAccess = z.infer<typeof documentAccessSchema>;
