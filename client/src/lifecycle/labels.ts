import type { MeetingStatus } from '../../../shared/api/index.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { LifecycleCommand } from './lifecycleRules.ts';

/** A meeting's status as people read it: utkast, kallelse skickad, … arkiverat. */
export const statusLabels: Record<MeetingStatus, MessageKey> = {
  draft: 'status.draft',
  noticeSent: 'status.noticeSent',
  inSession: 'status.inSession',
  minutesDrafted: 'status.minutesDrafted',
  lockedForAdjustment: 'status.lockedForAdjustment',
  signed: 'status.signed',
  posted: 'status.posted',
  archived: 'status.archived',
};

/** The button of each lifecycle command. */
export const commandLabels: Record<LifecycleCommand, MessageKey> = {
  sendNotice: 'lifecycle.sendNotice',
  openSession: 'lifecycle.openSession',
  closeSession: 'lifecycle.closeSession',
  lock: 'lifecycle.lock',
  sign: 'lifecycle.sign',
  unlock: 'lifecycle.unlock',
  post: 'lifecycle.post',
  archive: 'lifecycle.archive',
  correct: 'lifecycle.correct',
};

/** What the server's refusals of lifecycle steps mean, by their stable codes. */
export const lifecycleErrorKeys: Record<string, MessageKey> = {
  invalid_transition: 'lifecycleError.invalidTransition',
  signers_missing: 'lifecycleError.signersMissing',
  already_signed: 'lifecycleError.alreadySigned',
  not_locked: 'lifecycleError.notLocked',
  conflict: 'lifecycleError.conflict',
  forbidden: 'lifecycleError.forbidden',
};
