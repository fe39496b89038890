import type {
  LifecycleAction,
  LifecycleState,
  MeetingRole,
  MeetingStatus,
} from '../../../shared/api/index.ts';
import { transitionRules } from '../../../shared/api/lifecycleRules.ts';

/**
 * What a person may do with a meeting's lifecycle, to decide which buttons to show. The rules
 * are the server's own (shared/api/lifecycleRules.ts), so nobody is offered a step that would
 * only be refused.
 */

/** Everything the lifecycle controls can offer: the server's steps, signing and correcting. */
export type LifecycleCommand = LifecycleAction | 'sign' | 'correct';

/** The server's own table of who may take which step from which status. */
const stepRules: Record<
  LifecycleAction,
  { from: readonly MeetingStatus[]; roles: readonly MeetingRole[] }
> = transitionRules;

/** The order the steps are offered in: the usual next step first. */
const commandOrder: readonly LifecycleCommand[] = [
  'sendNotice',
  'openSession',
  'closeSession',
  'lock',
  'sign',
  'unlock',
  'post',
  'archive',
  'correct',
];

/** The statuses in which nobody can change the minutes. */
export const lockedStatuses: readonly MeetingStatus[] = [
  'lockedForAdjustment',
  'signed',
  'posted',
  'archived',
];

/** True when the minutes are locked for justering or already adjusted. */
export function isLockedStatus(status: MeetingStatus): boolean {
  return lockedStatuses.includes(status);
}

/**
 * The commands `role` may give now, in the order to offer them. `userId` is the person's own
 * id: signing is offered only to a required signer who has not signed yet.
 */
export function availableCommands(
  state: Pick<LifecycleState, 'status' | 'signatures' | 'pendingSigners'>,
  role: MeetingRole,
  userId: string | null,
): LifecycleCommand[] {
  const allowed = new Set<LifecycleCommand>();
  for (const [action, rule] of Object.entries(stepRules) as Array<
    [LifecycleAction, (typeof stepRules)[LifecycleAction]]
  >) {
    if (rule.from.includes(state.status) && rule.roles.includes(role)) allowed.add(action);
  }
  // After the first signature the minutes can only be corrected, never unlocked.
  if (state.signatures.length > 0) allowed.delete('unlock');
  if (
    state.status === 'lockedForAdjustment' &&
    userId !== null &&
    state.pendingSigners.some((signer) => signer.userId === userId)
  ) {
    allowed.add('sign');
  }
  if ((state.status === 'signed' || state.status === 'posted') && role === 'secretary') {
    allowed.add('correct');
  }
  return commandOrder.filter((command) => allowed.has(command));
}
