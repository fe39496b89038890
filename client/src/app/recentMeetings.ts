import { z } from 'zod';
import { meetingIdSchema } from '../../../shared/protocol/index.ts';
import { readStored, writeStored } from './localStore.ts';

/** A meeting this browser opened, for the start page's "recently opened" list. */
export interface RecentMeeting {
  meetingId: string;
  title: string;
  /** Epoch milliseconds. */
  openedAt: number;
}

const storageKey = 'justera:recent-meetings';
const maxRecent = 8;

const recentSchema = z.array(
  z.object({
    meetingId: meetingIdSchema,
    title: z.string().max(500),
    openedAt: z.number(),
  }),
);

/** Most recently opened first. */
export function readRecentMeetings(): RecentMeeting[] {
  return readStored(storageKey, recentSchema) ?? [];
}

/** Moves the meeting to the top of the list, with its current title. */
export function rememberMeeting(meetingId: string, title: string): void {
  const others = readRecentMeetings().filter((entry) => entry.meetingId !== meetingId);
  const entry: RecentMeeting = { meetingId, title: title.slice(0, 500), openedAt: Date.now() };
  writeStored(storageKey, [entry, ...others].slice(0, maxRecent));
}
