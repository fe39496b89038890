import { z } from 'zod';

const votes = z.object({
  for: z.number().nullable(),
  against: z.number().nullable(),
  abstain: z.number().nullable(),
});

/** A decision in the board's register (beslutsregister), linking back to its §. */
export const registeredDecisionSchema = z.object({
  meetingId: z.string(),
  meetingTitle: z.string(),
  date: z.string(),
  itemId: z.string(),
  label: z.string().nullable(),
  itemTitle: z.string(),
  text: z.string(),
  votes: votes.nullable(),
  reservations: z.string(),
});

/** An assignment (uppdrag) to follow up, open until marked done. */
export const registeredAssignmentSchema = z.object({
  meetingId: z.string(),
  meetingTitle: z.string(),
  date: z.string(),
  itemId: z.string(),
  label: z.string().nullable(),
  key: z.string(),
  assignee: z.string(),
  text: z.string(),
  dueDate: z.string().nullable(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
});

export const setAssignmentDoneRequestSchema = z.object({ done: z.boolean() });

export type RegisteredDecision = z.infer<typeof registeredDecisionSchema>;
export type RegisteredAssignment = z.infer<typeof registeredAssignmentSchema>;
