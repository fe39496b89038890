import { z } from 'zod';
import { emailSchema, passwordSchema, personNameSchema } from './auth.ts';
import { boardRoleSchema } from './roles.ts';

export const createBoardRequestSchema = z.object({
  name: z.string().trim().min(1).max(200),
  /** The organisation the board belongs to, e.g. "Samordningsförbundet Skaraborg". */
  organisation: z.string().trim().max(200).default(''),
});

export const boardSchema = z.object({
  id: z.string(),
  name: z.string(),
  organisation: z.string(),
  myRole: boardRoleSchema,
});

/** A member in the board's directory; the attendance list draws from it. */
export const boardMemberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: boardRoleSchema,
  /** Standing title on the board: ordförande, ledamot, ersättare, … */
  title: z.string(),
  /** The organisation the member represents (a municipality, an agency), or ''. */
  organisation: z.string(),
});

export const boardDetailSchema = boardSchema.extend({ members: z.array(boardMemberSchema) });

export const updateMemberRequestSchema = z.object({
  role: boardRoleSchema.optional(),
  title: z.string().trim().max(100).optional(),
  organisation: z.string().trim().max(200).optional(),
});

export const createInvitationRequestSchema = z.object({
  role: boardRoleSchema,
  /** When given, only this address can accept (and it is shown to the admin). */
  email: emailSchema.optional(),
});

export const invitationSchema = z.object({
  token: z.string(),
  /** The link to send: opens the app's accept page. */
  url: z.string(),
  expiresAt: z.string(),
});

/** Accepting signed in, or creating the account at the same time. */
export const acceptInvitationRequestSchema = z
  .object({ email: emailSchema, password: passwordSchema, name: personNameSchema })
  .partial()
  .refine(
    (body) =>
      (body.email === undefined && body.password === undefined && body.name === undefined) ||
      (body.email !== undefined && body.password !== undefined && body.name !== undefined),
    'give email, password and name together to create an account, or none of them',
  );

export const acceptInvitationResponseSchema = z.object({ boardId: z.string() });

export const invitationSummarySchema = z.object({
  id: z.string(),
  role: boardRoleSchema,
  email: z.string().nullable(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
});

/** What the holder of an invitation link may see before accepting it. */
export const invitationPreviewSchema = z.object({
  boardName: z.string(),
  organisation: z.string(),
  role: boardRoleSchema,
  forEmail: z.boolean(),
  expiresAt: z.string(),
  state: z.enum(['open', 'used', 'expired']),
});

export type Board = z.infer<typeof boardSchema>;
export type BoardDetail = z.infer<typeof boardDetailSchema>;
export type BoardMember = z.infer<typeof boardMemberSchema>;
