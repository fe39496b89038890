import type { LifecycleAction, MeetingStatus } from './lifecycle.ts';
import type { MeetingRole } from './roles.ts';

interface TransitionRule {
  from: readonly MeetingStatus[];
  to: MeetingStatus;
  /** Meeting roles that may take this step. */
  roles: readonly MeetingRole[];
}

const beforeLock = ['draft', 'noticeSent', 'inSession', 'minutesDrafted'] as const;

/**
 * Who may take which lifecycle step from which status: enforced by the server, shown by the
 * client. The lifecycle of a meeting: draft → notice sent (kallelse) → in session → minutes drafted →
 * locked for justering → signed → posted (anslag) → archived. "signed" is reached by the last
 * required signature, never by request.
 */
export const transitionRules: Record<LifecycleAction, TransitionRule> = {
  sendNotice: { from: ['draft'], to: 'noticeSent', roles: ['secretary', 'chair'] },
  openSession: { from: ['draft', 'noticeSent'], to: 'inSession', roles: ['secretary', 'chair'] },
  closeSession: { from: ['inSession'], to: 'minutesDrafted', roles: ['secretary', 'chair'] },
  lock: { from: beforeLock, to: 'lockedForAdjustment', roles: ['secretary'] },
  unlock: { from: ['lockedForAdjustment'], to: 'minutesDrafted', roles: ['secretary'] },
  post: { from: ['signed'], to: 'posted', roles: ['secretary'] },
  archive: { from: ['posted'], to: 'archived', roles: ['secretary'] },
};

/** The roles that sign minutes (chair, adjusters, secretary), in the order signatures are shown. */
export const signingRoles = ['chair', 'adjuster', 'secretary'] as const;
export type SigningRole = (typeof signingRoles)[number];

export function isSigningRole(role: MeetingRole): role is SigningRole {
  return (signingRoles as readonly string[]).includes(role);
}
