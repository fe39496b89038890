import { z } from 'zod';

/** The one JSON shape of every error the HTTP API returns. */
export const apiErrorSchema = z.object({
  error: z.object({
    /** Stable, machine-readable code (e.g. `not_found`, `storage_unavailable`). */
    code: z.string(),
    message: z.string(),
  }),
});

export type ApiError = z.infer<typeof apiErrorSchema>;
