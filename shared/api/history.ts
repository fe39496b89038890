import { z } from 'zod';

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

export const correctionRequestSchema = z.object({ reason: z.string().trim().min(3).max(1000) });

export const signedFileSchema = z.object({
  sha256: z.string(),
  format: z.string(),
  createdAt: z.string(),
});

export type Version = z.infer<typeof versionSchema>;
export type ItemChange = z.infer<typeof itemChangeSchema>;
