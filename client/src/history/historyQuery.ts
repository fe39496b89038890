import type { VersionRef } from '../api/history.ts';
import { meetingHistoryPath } from '../app/routes.ts';

/** What the history page shows, from its query string: one version, or two compared. */
export interface HistoryQuery {
  view: VersionRef | null;
  from: VersionRef | null;
  to: VersionRef | null;
}

/** A version from the address bar: a save point's number or `current`; anything else is none. */
export function parseVersionRef(raw: string | null): VersionRef | null {
  if (raw === 'current') return 'current';
  if (raw === null || !/^\d{1,12}$/.test(raw)) return null;
  return Number(raw);
}

export function parseHistoryQuery(search: string): HistoryQuery {
  const params = new URLSearchParams(search);
  return {
    view: parseVersionRef(params.get('view')),
    from: parseVersionRef(params.get('from')),
    to: parseVersionRef(params.get('to')),
  };
}

/** The history page showing one version. */
export function versionViewPath(meetingId: string, version: VersionRef): string {
  return `${meetingHistoryPath(meetingId)}?view=${version}`;
}

/** The history page comparing two versions. */
export function versionDiffPath(meetingId: string, from: VersionRef, to: VersionRef): string {
  return `${meetingHistoryPath(meetingId)}?from=${from}&to=${to}`;
}
