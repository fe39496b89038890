import * as Y from 'yjs';
import type { MeetingDiff } from '../../../shared/api/history.ts';
import { type MeetingSnapshot, readMeeting } from '../../../shared/doc/snapshot.ts';
import type { MeetingDocuments } from '../lifecycle/lifecycleService.ts';
import type { Storage, VersionInfo } from '../storage/storage.ts';
import { diffMeetings } from './diffMeetings.ts';

/**
 * Save points of the minutes (the whole Yjs state at a moment: when locked, signed, posted,
 * corrected, or saved by hand) and comparisons between them, so the adjuster can review exactly
 * what the secretary changed.
 */
export class VersionService {
  constructor(
    private readonly storage: Storage,
    private readonly documents: MeetingDocuments,
  ) {}

  async save(
    meetingId: string,
    label: string,
    reason: string | null,
    userId: string | null,
  ): Promise<number> {
    const state = await this.documents.read(meetingId, (doc) => Y.encodeStateAsUpdate(doc));
    return this.storage.saveVersion({ meetingId, label, reason, createdBy: userId, state });
  }

  list(meetingId: string): Promise<VersionInfo[]> {
    return this.storage.listVersions(meetingId);
  }

  /** The meeting as it was at a save point, or as it is now for `current`; null if unknown. */
  async snapshot(meetingId: string, version: number | 'current'): Promise<MeetingSnapshot | null> {
    if (version === 'current') return this.documents.read(meetingId, (doc) => readMeeting(doc));
    const stored = await this.storage.loadVersion(meetingId, version);
    if (!stored) return null;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.state);
    const snapshot = readMeeting(doc);
    doc.destroy();
    return snapshot;
  }

  async diff(
    meetingId: string,
    from: number | 'current',
    to: number | 'current',
  ): Promise<MeetingDiff | null> {
    const [before, after] = await Promise.all([
      this.snapshot(meetingId, from),
      this.snapshot(meetingId, to),
    ]);
    return before && after ? diffMeetings(before, after) : null;
  }
}
