import type { BoardRole, MeetingRole } from '../../../shared/api/index.ts';
import type { MeetingKind } from '../../../shared/doc/constants.ts';
import type { MessageKey } from '../i18n/messages.ts';

/** Standing roles on a board, as people read them. */
export const boardRoleLabels: Record<BoardRole, MessageKey> = {
  admin: 'boardRole.admin',
  member: 'boardRole.member',
  guest: 'boardRole.guest',
};

/** Meeting roles: ordförande, sekreterare, justerare, ledamot, observatör. */
export const meetingRoleLabels: Record<MeetingRole, MessageKey> = {
  chair: 'meetingRole.chair',
  secretary: 'meetingRole.secretary',
  adjuster: 'meetingRole.adjuster',
  member: 'meetingRole.member',
  observer: 'meetingRole.observer',
};

/** What each meeting role may do in the document, shown next to the role. */
export const meetingRoleHints: Record<MeetingRole, MessageKey> = {
  chair: 'meetingRole.chairHint',
  secretary: 'meetingRole.secretaryHint',
  adjuster: 'meetingRole.adjusterHint',
  member: 'meetingRole.memberHint',
  observer: 'meetingRole.observerHint',
};

export const meetingKindLabels: Record<MeetingKind, MessageKey> = {
  board: 'meetingKind.board',
  workingCommittee: 'meetingKind.workingCommittee',
  preparatory: 'meetingKind.preparatory',
  annual: 'meetingKind.annual',
  extraordinary: 'meetingKind.extraordinary',
  other: 'meetingKind.other',
};
