import type { Awareness } from 'y-protocols/awareness';
import { z } from 'zod';

/** What a participant publishes about themselves in awareness under the `user` field. */
export interface PresenceUser {
  name: string;
  /** `#rrggbb`. */
  color: string;
}

export interface Participant extends PresenceUser {
  clientId: number;
  isSelf: boolean;
  /** The agenda item (§) the participant is working in, or null. */
  currentItemId: string | null;
}

/** The awareness field that says which § a participant is in. */
export const currentItemField = 'currentItemId';

const fallbackColor = '#475467';

// Awareness comes from other browsers: validate it like any other input crossing a boundary.
const awarenessUserSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  color: z
    .string()
    .regex(/^#[0-9a-f]{6}$/i)
    .optional(),
});

const currentItemSchema = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/**
 * The participants in a meeting right now, the local user first, then by name. Awareness states
 * without a `user` field (a client that has not announced itself yet) are left out.
 */
export function participantsFrom(
  states: ReadonlyMap<number, Record<string, unknown>>,
  selfClientId: number,
): Participant[] {
  const participants: Participant[] = [];
  for (const [clientId, state] of states) {
    if (state.user === undefined) continue;
    const parsed = awarenessUserSchema.safeParse(state.user);
    const user = parsed.success ? parsed.data : {};
    const item = currentItemSchema.safeParse(state[currentItemField]);
    participants.push({
      clientId,
      name: user.name ?? '',
      color: user.color ?? fallbackColor,
      isSelf: clientId === selfClientId,
      currentItemId: item.success ? item.data : null,
    });
  }
  return participants.sort((a, b) => {
    if (a.isSelf !== b.isSelf) return a.isSelf ? -1 : 1;
    return a.name.localeCompare(b.name, 'sv') || a.clientId - b.clientId;
  });
}

/** Up to two letters for an avatar: "Anna Berg" → "AB", "anna" → "A". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters
    .map((word) => Array.from(word ?? '')[0] ?? '')
    .join('')
    .toLocaleUpperCase('sv');
}

export interface PresenceStore {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => Participant[];
}

function sameParticipants(a: Participant[], b: Participant[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((participant, index) => {
    const other = b[index];
    return (
      other !== undefined &&
      participant.clientId === other.clientId &&
      participant.name === other.name &&
      participant.color === other.color &&
      participant.isSelf === other.isSelf &&
      participant.currentItemId === other.currentItemId
    );
  });
}

/**
 * A store over awareness for `useSyncExternalStore`: the snapshot only changes when someone
 * joins, leaves, changes their user details or moves to another §, not when a caret moves
 * (carets live in awareness too and change on every keystroke).
 */
export function createPresenceStore(awareness: Awareness): PresenceStore {
  const read = () => participantsFrom(awareness.getStates(), awareness.clientID);
  let snapshot = read();
  const refresh = (): boolean => {
    const next = read();
    if (sameParticipants(snapshot, next)) return false;
    snapshot = next;
    return true;
  };
  return {
    subscribe(listener) {
      const onChange = () => {
        if (refresh()) listener();
      };
      awareness.on('change', onChange);
      // A change between the render that read the snapshot and this subscription: React compares
      // the snapshot again right after subscribing.
      refresh();
      return () => awareness.off('change', onChange);
    },
    getSnapshot: () => snapshot,
  };
}
